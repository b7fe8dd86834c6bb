import { textFromTextItems, type PositionedText } from '../../../shared/adapters/embedded/text-extractor/pdf-text-layer.js';

/** A horizontal run of 10-point text starting at (x, y), advancing 5 points a character. */
function run(str: string, x: number, y: number, hasEOL = false): PositionedText {
  return { str, transform: [10, 0, 0, 10, x, y], width: str.length * 5, hasEOL };
}

describe('joining PDF text runs into lines', () => {
  it('puts a space between runs separated by a gap and none between touching runs', () => {
    // Prepare
    const items = [run('Hello', 72, 700), run('world', 72 + 25 + 3, 700), run('wide', 128, 700), run('r', 148, 700)];

    // Act
    const text = textFromTextItems(items);

    // Assess
    expect(text).toBe('Hello world wider');
  });

  it('starts a new line at a new baseline and after an end-of-line mark', () => {
    // Prepare
    const items = [run('first line', 72, 700), run('second line', 72, 686, true), run('third line', 300, 686)];

    // Act
    const text = textFromTextItems(items);

    // Assess
    expect(text).toBe('first line\nsecond line\nthird line');
  });

  it('treats an empty run carrying an end-of-line mark as a line break', () => {
    // Prepare
    const items = [run('top', 72, 700), run('', 87, 700, true), run('bottom', 92, 700)];

    // Act
    const text = textFromTextItems(items);

    // Assess
    expect(text).toBe('top\nbottom');
  });

  it('leaves a blank line between paragraphs far apart', () => {
    // Prepare
    const items = [run('Heading', 72, 700), run('Body text', 72, 640)];

    // Act
    const text = textFromTextItems(items);

    // Assess
    expect(text).toBe('Heading\n\nBody text');
  });

  it('keeps the words of rotated text together', () => {
    // Prepare: text running upwards (rotated 90°), two runs on one rotated baseline.
    const items: PositionedText[] = [
      { str: 'Rotated', transform: [0, 10, -10, 0, 50, 100], width: 35, hasEOL: false },
      { str: 'label', transform: [0, 10, -10, 0, 50, 138], width: 25, hasEOL: false },
    ];

    // Act
    const text = textFromTextItems(items);

    // Assess
    expect(text).toBe('Rotated label');
  });

  it('collapses runs of spaces and trims each line', () => {
    // Act
    const text = textFromTextItems([run('  spaced    out  ', 72, 700)]);

    // Assess
    expect(text).toBe('spaced out');
  });
});
