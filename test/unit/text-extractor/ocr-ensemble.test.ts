import {
  linesToText,
  mergeOcrPasses,
  weightedConfidence,
  type EnsembleSettings,
} from '../../../shared/adapters/embedded/text-extractor/ocr-ensemble.js';
import type { OcrWord } from '../../../shared/adapters/embedded/text-extractor/ocr-words.js';

const settings: EnsembleSettings = { minOverlap: 0.4, minLoneConfidence: 50, minLineOverlap: 0.5, knownWordMargin: 0 };

/** A word on a 20-pixel-high line whose top is at `top`, spanning x0..x1. */
function word(text: string, x0: number, x1: number, confidence: number, line: number, top = line * 40): OcrWord {
  return { text, confidence, box: { x0, y0: top, x1, y1: top + 20 }, line };
}

function texts(lines: OcrWord[][]): string[][] {
  return lines.map((words) => words.map((w) => w.text));
}

describe('merging two OCR passes over one page', () => {
  it('keeps the more confident reading of the same ink, once', () => {
    // Prepare: both passes read the second word, the sparse pass more surely.
    const primary = [word('DATE:', 0, 50, 95, 0), word('8/1O/9O', 60, 130, 40, 0)];
    const secondary = [word('DATE:', 1, 50, 90, 7, 0), word('8/10/90', 61, 131, 85, 7, 1)];

    // Act
    const lines = mergeOcrPasses({ words: primary }, { words: secondary }, settings);

    // Assess
    expect(texts(lines)).toEqual([['DATE:', '8/10/90']]);
  });

  it('lets three confident words replace one doubtful word that runs them together', () => {
    // Prepare
    const primary = [word('NAMEOFACCOUNT', 0, 300, 30, 0)];
    const secondary = [word('NAME', 0, 90, 92, 3, 0), word('OF', 110, 150, 95, 3, 0), word('ACCOUNT', 170, 300, 90, 3, 0)];

    // Act
    const lines = mergeOcrPasses({ words: primary }, { words: secondary }, settings);

    // Assess
    expect(texts(lines)).toEqual([['NAME', 'OF', 'ACCOUNT']]);
  });

  it('keeps the primary reading when the passes are equally sure', () => {
    // Act
    const lines = mergeOcrPasses({ words: [word('Smith', 0, 60, 80, 0)] }, { words: [word('Srnith', 0, 60, 80, 5, 0)] }, settings);

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
    const closeLines = mergeOcrPasses({ words: close.primary }, { words: close.secondary }, byWords, known);
    const farLines = mergeOcrPasses({ words: far.primary }, { words: far.secondary }, byWords, known);
    const byConfidence = mergeOcrPasses({ words: close.primary }, { words: close.secondary }, settings, known);

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
    const lines = mergeOcrPasses({ words: primary }, { words: secondary }, settings);

    // Assess: the doubtful speck is dropped; the lone number gets a line of its own, in its place.
    expect(texts(lines)).toEqual([['DIVISION:', 'Seattle'], ['REPS:'], ['15']]);
  });

  it('orders lines top to bottom and words left to right', () => {
    // Prepare: the primary pass lists its lines out of order.
    const primary = [word('second', 0, 60, 90, 1), word('first', 100, 160, 90, 0), word('one', 0, 40, 90, 0)];

    // Act
    const lines = mergeOcrPasses({ words: primary }, { words: [] }, settings);

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
