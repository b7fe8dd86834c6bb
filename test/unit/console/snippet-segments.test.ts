import { snippetSegments } from '../../../local/console/highlight-segments.js';

describe('splitting a search snippet into marked pieces', () => {
  it('marks the words between the highlight markers', () => {
    expect(snippetSegments('the [[invoice]] total and [[invoice]] date')).toEqual([
      { text: 'the ', marked: false },
      { text: 'invoice', marked: true },
      { text: ' total and ', marked: false },
      { text: 'invoice', marked: true },
      { text: ' date', marked: false },
    ]);
  });

  it('keeps markup in the text as plain text pieces', () => {
    expect(snippetSegments('<script>[[alert]](1)</script>')).toEqual([
      { text: '<script>', marked: false },
      { text: 'alert', marked: true },
      { text: '(1)</script>', marked: false },
    ]);
  });

  it('marks the rest of a snippet whose marker is not closed, and returns nothing for an empty one', () => {
    expect(snippetSegments('cut [[off')).toEqual([
      { text: 'cut ', marked: false },
      { text: 'off', marked: true },
    ]);
    expect(snippetSegments('')).toEqual([]);
  });
});
