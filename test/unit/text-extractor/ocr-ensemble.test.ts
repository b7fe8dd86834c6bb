import {
  linesToText,
  mergeOcrPasses,
  weightedConfidence,
  type EnsembleSettings,
} from '../../../shared/adapters/embedded/text-extractor/ocr-ensemble.js';
import type { OcrWord } from '../../../shared/adapters/embedded/text-extractor/ocr-words.js';

const settings: EnsembleSettings = {
  minOverlap: 0.4,
  minLoneConfidence: 50,
  minLineOverlap: 0.5,
  knownWordMargin: 0,
  maxAlternativeEditShare: 0,
};

/** A word on a 20-pixel-high line whose top is at `top`, spanning x0..x1. */
function word(text: string, x0: number, x1: number, confidence: number, line: number, top = line * 40): OcrWord {
  return { text, confidence, box: { x0, y0: top, x1, y1: top + 20 }, line };
}

function texts(lines: OcrWord[][]): string[][] {
  return lines.map((words) => words.map((w) => w.text));
}

describe('merging OCR passes over one page', () => {
  it('keeps the more confident reading of the same ink, once', () => {
    // Prepare: both passes read the second word, the sparse pass more surely.
    const primary = [word('DATE:', 0, 50, 95, 0), word('8/1O/9O', 60, 130, 40, 0)];
    const secondary = [word('DATE:', 1, 50, 90, 7, 0), word('8/10/90', 61, 131, 85, 7, 1)];

    // Act
    const lines = mergeOcrPasses([{ words: primary }, { words: secondary }], settings);

    // Assess
    expect(texts(lines)).toEqual([['DATE:', '8/10/90']]);
  });

  it('lets three confident words replace one doubtful word that runs them together', () => {
    // Prepare
    const primary = [word('NAMEOFACCOUNT', 0, 300, 30, 0)];
    const secondary = [word('NAME', 0, 90, 92, 3, 0), word('OF', 110, 150, 95, 3, 0), word('ACCOUNT', 170, 300, 90, 3, 0)];

    // Act
    const lines = mergeOcrPasses([{ words: primary }, { words: secondary }], settings);

    // Assess
    expect(texts(lines)).toEqual([['NAME', 'OF', 'ACCOUNT']]);
  });

  it('keeps the primary reading when the passes are equally sure', () => {
    // Act
    const lines = mergeOcrPasses([{ words: [word('Smith', 0, 60, 80, 0)] }, { words: [word('Srnith', 0, 60, 80, 5, 0)] }], settings);

    // Assess
    expect(texts(lines)).toEqual([['Smith']]);
  });

  it('prefers the reading in known words when the passes are nearly as sure, and confidence when they are not', () => {
    // Prepare: the primary pass is a little surer of a misreading; the secondary pass reads a known word.
    const known = (token: string) => ['smith', 'amount'].includes(token.replace(/[^A-Za-z]/g, '').toLowerCase());
    const byWords: EnsembleSettings = { ...settings, knownWordMargin: 20 };
    const close = { primary: [word('Srnith', 0, 60, 85, 0)], secondary: [word('Smith,', 0, 60, 70, 5, 0)] };
    const far = { primary: [word('Arnount', 0, 60, 95, 0)], secondary: [word('Amount', 0, 60, 60, 5, 0)] };

    // Act
    const closeLines = mergeOcrPasses([{ words: close.primary }, { words: close.secondary }], byWords, known);
    const farLines = mergeOcrPasses([{ words: far.primary }, { words: far.secondary }], byWords, known);
    const byConfidence = mergeOcrPasses([{ words: close.primary }, { words: close.secondary }], settings, known);

    // Assess
    expect(texts(closeLines)).toEqual([['Smith,']]);
    expect(texts(farLines)).toEqual([['Arnount']]);
    expect(texts(byConfidence)).toEqual([['Srnith']]);
  });

  it('adds confident words only the secondary pass found, on the primary line they sit on', () => {
    // Prepare: the primary pass missed "Seattle" at the end of its first line and a lone "15" lower down.
    const primary = [word('DIVISION:', 0, 100, 95, 0), word('REPS:', 0, 60, 95, 1)];
    const secondary = [
      word('Seattle', 300, 380, 88, 0, 2),
      word('15', 200, 230, 75, 4, 200),
      word('~', 500, 510, 20, 5, 300),
    ];

    // Act
    const lines = mergeOcrPasses([{ words: primary }, { words: secondary }], settings);

    // Assess: the doubtful speck is dropped; the lone number gets a line of its own, in its place.
    expect(texts(lines)).toEqual([['DIVISION:', 'Seattle'], ['REPS:'], ['15']]);
  });

  it('takes, of three readings, the surest, weighing letters and digits only', () => {
    // Prepare: the third pass reads the number right; the second reads it with the dashes of a rule it overlaps,
    // which would lift its length-weighted confidence over the third's.
    const primary = [word('8/1O/9O', 60, 130, 40, 0)];
    const second = [word('8/1O/90', 60, 110, 70, 0), word('————', 110, 140, 99, 0)];
    const third = [word('8/10/90', 61, 131, 80, 0)];

    // Act
    const lines = mergeOcrPasses([{ words: primary }, { words: second }, { words: third }], settings);

    // Assess
    expect(texts(lines)).toEqual([['8/10/90']]);
  });

  it('prefers, of two readings of the same letters, the one in known words, then the one in more words', () => {
    // Prepare: the primary runs initials and a name together, surely; the other pass hears the spaces.
    const known = (token: string) => ['sparrow', 'maverick'].includes(token.replace(/[^A-Za-z]/g, '').toLowerCase());
    const spaced = mergeOcrPasses(
      [{ words: [word('KASPARROW', 0, 200, 95, 0)] }, { words: [word('K.', 0, 20, 60, 0), word('A.', 30, 50, 60, 0), word('SPARROW', 60, 200, 60, 0)] }],
      settings,
      known,
    );
    const broken = mergeOcrPasses(
      [{ words: [word('Maverick', 0, 200, 55, 0)] }, { words: [word('M', 0, 30, 95, 0), word('averick', 40, 200, 95, 0)] }],
      settings,
      known,
    );

    // Assess: a split that leaves a word unknown is not taken, however sure.
    expect(texts(spaced)).toEqual([['K.', 'A.', 'SPARROW']]);
    expect(texts(broken)).toEqual([['Maverick']]);
  });

  it('counts a clean number as known when choosing by known words', () => {
    // Prepare: within the margin, "1O16" (no word, no number) loses to "1016".
    const byWords: EnsembleSettings = { ...settings, knownWordMargin: 20 };

    // Act
    const lines = mergeOcrPasses([{ words: [word('1O16', 0, 60, 80, 0)] }, { words: [word('1016', 0, 60, 70, 0)] }], byWords);

    // Assess
    expect(texts(lines)).toEqual([['1016']]);
  });

  it("swaps a chosen word that is no word for a close known word another pass read in its place", () => {
    // Prepare: the primary is surer of "Seallle"; the others read "Seattle" (2 edits of 7: within a third) and
    // "Sealed" (a known word too, but the first alternative in pass order wins).
    const known = (token: string) => ['seattle', 'sealed', 'office'].includes(token.replace(/[^A-Za-z]/g, '').toLowerCase());
    const alternatives: EnsembleSettings = { ...settings, maxAlternativeEditShare: 1 / 3 };
    const passes = [
      { words: [word('Seallle', 0, 80, 80, 0), word('Offlce', 100, 160, 80, 0)] },
      { words: [word('Seattle', 0, 80, 10, 0), word('Office', 100, 160, 10, 0)] },
      { words: [word('Sealed', 0, 80, 10, 0), word('Ofice', 100, 160, 10, 0)] },
    ];

    // Act
    const swapped = mergeOcrPasses(passes, alternatives, known);
    const kept = mergeOcrPasses(passes, settings, known);
    const tooFar = mergeOcrPasses(
      [{ words: [word('Sxxxxle', 0, 80, 80, 0)] }, { words: [word('Seattle', 0, 80, 10, 0)] }],
      alternatives,
      known,
    );

    // Assess
    expect(texts(swapped)).toEqual([['Seattle', 'Office']]);
    expect(texts(kept)).toEqual([['Seallle', 'Offlce']]);
    expect(texts(tooFar)).toEqual([['Sxxxxle']]);
  });

  it('orders lines top to bottom and words left to right', () => {
    // Prepare: the primary pass lists its lines out of order.
    const primary = [word('second', 0, 60, 90, 1), word('first', 100, 160, 90, 0), word('one', 0, 40, 90, 0)];

    // Act
    const lines = mergeOcrPasses([{ words: primary }], settings);

    // Assess
    expect(texts(lines)).toEqual([['one', 'first'], ['second']]);
  });
});

describe('writing merged lines as text', () => {
  it('puts a blank line only where the gap between lines is wider than a line', () => {
    // Prepare: lines at 0, 25 (gap 5) and 100 (gap 55).
    const lines = [[word('a', 0, 10, 90, 0, 0)], [word('b', 0, 10, 90, 1, 25), word('c', 20, 30, 90, 1, 25)], [word('d', 0, 10, 90, 2, 100)]];

    // Act / Assess
    expect(linesToText(lines)).toBe('a\nb c\n\nd');
    expect(linesToText([])).toBe('');
  });
});

describe('weighting confidence by word length', () => {
  it('counts a long word more than a short one', () => {
    expect(weightedConfidence([word('abc', 0, 1, 90, 0), word('x', 0, 1, 10, 0)])).toBeCloseTo(70, 5);
    expect(weightedConfidence([])).toBe(0);
  });
});
