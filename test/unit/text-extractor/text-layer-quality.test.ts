import { isUsableTextLayer } from '../../../shared/adapters/embedded/text-extractor/text-layer-quality.js';

describe('deciding whether a PDF text layer can stand for the page', () => {
  it('accepts ordinary prose', () => {
    expect(isUsableTextLayer('The committee approved the budget for the coming year.', 20)).toBe(true);
  });

  it('accepts a table that is mostly figures', () => {
    expect(isUsableTextLayer('Revenue 1,204,330 Costs 998,120 Margin 206,210 Tax 41,242 Net 164,968', 20)).toBe(true);
  });

  it('rejects a page with fewer letters than the minimum (a scan with a page number)', () => {
    expect(isUsableTextLayer('Page 3 of 12', 20)).toBe(false);
  });

  it('rejects text made of replacement and private-use characters', () => {
    const junk = 'Invoice \uFFFD\uFFFD\uFFFD \uE000\uE001\uE002\uE003 total \uE004\uE005\uE006\uE007\uE008 due soon';
    expect(isUsableTextLayer(junk, 10)).toBe(false);
  });

  it('rejects symbol soup from a font without a Unicode mapping', () => {
    expect(isUsableTextLayer('!"#$%&\'()*+,-./:;<=>?@[]^_`{|}~ !"#$% abcdefghijklmnopqrstu', 20)).toBe(false);
  });
});
