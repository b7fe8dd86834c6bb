import { findRuledLinePixels } from '../../../shared/adapters/embedded/text-extractor/ruled-lines.js';

/** A 100×40 ink mask built from filled rectangles (inclusive corners). */
function mask(rectangles: [left: number, top: number, right: number, bottom: number][]) {
  const width = 100;
  const height = 40;
  const ink = new Uint8Array(width * height);
  for (const [left, top, right, bottom] of rectangles) {
    for (let y = top; y <= bottom; y += 1) for (let x = left; x <= right; x += 1) ink[y * width + x] = 1;
  }
  return { width, height, ink };
}

function isMarked(lines: Uint8Array, x: number, y: number): boolean {
  return lines[y * 100 + x] === 1;
}

const OPTIONS = { minLength: 40, maxGap: 1, maxThickness: 3 };

describe('finding the ruled lines of a form', () => {
  it('marks a long thin underline but not the letter stroke standing on it', () => {
    // Prepare: an underline two pixels thick across the page, and a vertical stroke down through it.
    const page = mask([
      [0, 30, 99, 31],
      [50, 10, 52, 35],
    ]);

    // Act
    const lines = findRuledLinePixels(page, OPTIONS);

    // Assess
    expect([isMarked(lines, 10, 30), isMarked(lines, 10, 31), isMarked(lines, 90, 31)]).toEqual([true, true, true]);
    expect([isMarked(lines, 51, 30), isMarked(lines, 51, 20), isMarked(lines, 51, 34)]).toEqual([false, false, false]);
  });

  it('bridges a one-pixel break in a line but leaves short bars alone', () => {
    // Prepare: two halves of a line with a one-pixel gap, and a 20-pixel bar (a dash, the top of a T).
    const page = mask([
      [0, 5, 29, 5],
      [31, 5, 60, 5],
      [10, 20, 29, 21],
    ]);

    // Act
    const lines = findRuledLinePixels(page, OPTIONS);

    // Assess
    expect([isMarked(lines, 0, 5), isMarked(lines, 60, 5)]).toEqual([true, true]);
    expect([isMarked(lines, 10, 20), isMarked(lines, 29, 21)]).toEqual([false, false]);
  });

  it('marks a vertical rule, such as the edge of a box', () => {
    // Prepare
    const page = mask([[70, 0, 71, 39]]);

    // Act
    const lines = findRuledLinePixels(page, { ...OPTIONS, minLength: 30 });

    // Assess
    expect([isMarked(lines, 70, 0), isMarked(lines, 71, 39), isMarked(lines, 72, 20)]).toEqual([true, true, false]);
  });

  it('keeps a thick bar, which is a solid block and not a rule', () => {
    // Prepare
    const page = mask([[0, 10, 99, 17]]);

    // Act
    const lines = findRuledLinePixels(page, OPTIONS);

    // Assess
    expect(lines.some((value) => value === 1)).toBe(false);
  });
});
