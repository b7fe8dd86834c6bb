import { alphanumerics, weightedConfidence } from './ocr-ensemble.js';
import { boxArea, horizontalOverlapShare, intersectionArea, unionBox, type OcrWord, type PixelBox } from './ocr-words.js';

/** How a line of text turned a quarter turn (a stamped document number, a margin label) is found and read. */
export interface RotatedTextSettings {
  /** A stack has at least this many words, one above the other. */
  readonly minWords: number;
  /** Words of a stack have at most this many characters: each is a glyph or two of the turned line. */
  readonly maxWordChars: number;
  /** Words of a stack are at most this wide, as a share of the page's width. */
  readonly maxWordWidthShare: number;
  /**
   * A stack is at least this wide (inches): the height of the turned text. Narrower columns are rules or specks,
   * and so small an image makes Tesseract fail outright (its thresholding window shrinks below two pixels).
   */
  readonly minStackWidthInches: number;
  /** Successive words of a stack overlap horizontally by at least this share of the narrower one. */
  readonly minColumnOverlap: number;
  /** ... and are at most this many of their (taller) heights apart vertically. */
  readonly maxGapHeights: number;
  /** White kept around the stack when it is cut out, as a share of its width. */
  readonly marginShare: number;
  /**
   * More of the column kept beyond each end of the stack (as a share of its width, in addition to `marginShare`):
   * the stack's end words often cover only part of the first and last glyphs.
   */
  readonly endMarginShare: number;
  /** White paper added around the cut-out, as a share of the stack's width: Tesseract misreads ink at the edge. */
  readonly paddingShare: number;
  /** A reading of the turned line replaces the stack when its length-weighted confidence (0-100) is at least this. */
  readonly minConfidence: number;
  /** ... and it holds at least this many letters and digits. */
  readonly minAlphanumerics: number;
}

/** One reading of a turned line: which model read it, and its words. */
export interface TurnedReading {
  readonly model: string;
  readonly words: readonly OcrWord[];
}

/**
 * The reading of a turned line to put in place of its stack, if any: of the readings with at least
 * `minAlphanumerics` letters and digits, the most confident one that another model read the same (same letters and
 * digits: two different networks agreeing on a whole line is evidence that no confidence score adds to); failing
 * that, the most confident one if its confidence is at least `minConfidence`.
 */
export function chooseTurnedReading(
  readings: readonly TurnedReading[],
  settings: Pick<RotatedTextSettings, 'minConfidence' | 'minAlphanumerics'>,
): readonly OcrWord[] | undefined {
  const candidates = readings
    .map((reading) => ({ ...reading, core: alphanumerics(reading.words), confidence: weightedConfidence(reading.words) }))
    .filter((reading) => reading.core.length >= settings.minAlphanumerics)
    .sort((a, b) => b.confidence - a.confidence);
  const agreed = candidates.find((reading) =>
    candidates.some((other) => other.model !== reading.model && other.core === reading.core),
  );
  if (agreed) return agreed.words;
  const [surest] = candidates;
  return surest && surest.confidence >= settings.minConfidence ? surest.words : undefined;
}

/**
 * Words stacked in a narrow column, each a few characters, one under the next: what a page-layout pass makes of a
 * line of text turned a quarter turn (it reads each turned glyph as a line of its own). Words are chained top to
 * bottom; each chain long enough is a stack, returned with the box that holds it.
 */
export function findWordStacks(
  words: readonly OcrWord[],
  page: { readonly width: number; readonly dpi: number },
  settings: RotatedTextSettings,
): { words: OcrWord[]; box: PixelBox }[] {
  const candidates = words
    .filter((word) => [...word.text].length <= settings.maxWordChars)
    .filter((word) => word.box.x1 - word.box.x0 <= page.width * settings.maxWordWidthShare)
    .sort((a, b) => a.box.y0 - b.box.y0);
  const chains: OcrWord[][] = [];
  for (const word of candidates) {
    const chain = chains.find((stack) => {
      const last = stack[stack.length - 1];
      return last !== undefined && continuesColumn(last.box, word.box, settings);
    });
    if (chain) chain.push(word);
    else chains.push([word]);
  }
  return chains
    .filter((chain) => chain.length >= settings.minWords)
    .map((chain) => ({ words: chain, box: unionBox(chain.map((word) => word.box)) }))
    .filter((stack) => stack.box.x1 - stack.box.x0 >= settings.minStackWidthInches * page.dpi);
}

/**
 * The boxes of the stacks found in any of several readings of a page (the merged one and each pass's own), stacks
 * that overlap joined into one. Passes break a turned line into junk in different places, and a merge may keep, for
 * one end of the line, a reading that is no stack (a longer word): a stack found in one reading may hold only part
 * of the line.
 */
export function stackBoxesOfReadings(
  readings: readonly (readonly OcrWord[])[],
  page: { readonly width: number; readonly dpi: number },
  settings: RotatedTextSettings,
): PixelBox[] {
  const boxes = readings.flatMap((words) => findWordStacks(words, page, settings).map((stack) => stack.box));
  const joined: PixelBox[] = [];
  for (const box of boxes) {
    let current = box;
    for (let index = joined.findIndex((other) => intersectionArea(other, current) > 0); index >= 0; ) {
      const [other] = joined.splice(index, 1);
      if (other) current = unionBox([other, current]);
      index = joined.findIndex((next) => intersectionArea(next, current) > 0);
    }
    joined.push(current);
  }
  return joined;
}

/** Whether `below` sits under `above` in the same narrow column, close enough to be the next glyph. */
function continuesColumn(above: PixelBox, below: PixelBox, settings: RotatedTextSettings): boolean {
  const gap = below.y0 - above.y1;
  const height = Math.max(above.y1 - above.y0, below.y1 - below.y0);
  return horizontalOverlapShare(above, below) >= settings.minColumnOverlap && gap >= -height / 2 && gap <= settings.maxGapHeights * height;
}

/**
 * Replaces, in lines of words, every word inside `box` (mostly: half its area or more) by the reading of a turned
 * line, which becomes a line of its own at the box's place; the lines keep their order by height on the page.
 */
export function replaceStack(lines: readonly (readonly OcrWord[])[], box: PixelBox, reading: readonly OcrWord[]): OcrWord[][] {
  const kept = lines
    .map((line) => line.filter((word) => !inside(word.box, box)))
    .filter((line) => line.length > 0);
  const line = Math.max(-1, ...lines.flat().map((word) => word.line)) + 1;
  const added = reading.map((word) => ({ ...word, box, line }));
  const middle = (words: readonly OcrWord[]) => {
    const union = unionBox(words.map((word) => word.box));
    return union.y0 + union.y1;
  };
  const index = kept.findIndex((words) => middle(words) > box.y0 + box.y1);
  return index < 0 ? [...kept, added] : [...kept.slice(0, index), added, ...kept.slice(index)];
}

/** Whether half or more of a word's box lies within `box`. */
function inside(word: PixelBox, box: PixelBox): boolean {
  const shared = intersectionArea(word, box);
  return shared > 0 && shared / Math.max(1, boxArea(word)) >= 0.5;
}
