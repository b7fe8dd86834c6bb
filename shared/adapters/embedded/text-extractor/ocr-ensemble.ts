import { editDistance } from '../../../edit-distance.js';
import { overlapShare, unionBox, verticalOverlapShare, type OcrPass, type OcrWord, type PixelBox } from './ocr-words.js';

/** How OCR passes over the same page image are combined into one reading. */
export interface EnsembleSettings {
  /** Words of two passes whose boxes overlap by at least this share of the smaller box read the same ink. */
  readonly minOverlap: number;
  /**
   * A word only a pass other than the primary found is kept when its confidence (0-100) is at least this: the rest
   * is mostly speckle.
   */
  readonly minLoneConfidence: number;
  /** A line of another pass joins a line of the primary when they overlap vertically by at least this share. */
  readonly minLineOverlap: number;
  /**
   * When two readings of a group are within this many confidence points (0-100) of each other, the one with more
   * of its letters in words the lexicon knows wins instead (0: confidence alone decides).
   */
  readonly knownWordMargin: number;
  /**
   * A word of the kept reading that is not a known word gives way to a known word another pass read in its place
   * when they differ by at most this share of its letters and digits (at least one edit; 0: never).
   */
  readonly maxAlternativeEditShare: number;
}

/** Whether a recognised token (punctuation and case as read) is a word the lexicon knows. */
export type KnownWordTest = (token: string) => boolean;

/** One output line: its words, and where it sits on the page (to order the lines). */
interface MergedLine {
  readonly words: OcrWord[];
  readonly box: PixelBox;
}

/** One pass's reading of a group of overlapping words: its words there, in its order. */
interface Reading {
  readonly pass: number;
  readonly words: OcrWord[];
}

/** A word kept for the output, with the pass that read it (index 0 is the primary pass). */
interface KeptWord {
  readonly word: OcrWord;
  readonly pass: number;
}

/**
 * Combines passes over one page (the first is the primary) into a single reading without duplicates. Words of
 * different passes that overlap (directly or through a chain of overlaps, as when one pass reads "NAMEOFACCOUNT"
 * where another reads three words) form a group, and one pass's reading of the group is kept (`betterReading`);
 * its words that are not English words are then swapped for a close known word another pass read in the same
 * place (`withKnownAlternatives`). Words only one pass found are kept when from the primary pass, and when
 * confident enough from the others. Lines follow the primary pass; other words join the primary line they sit
 * on, or form lines of their own.
 */
export function mergeOcrPasses(
  passes: readonly OcrPass[],
  settings: EnsembleSettings,
  isKnownWord: KnownWordTest = () => false,
): OcrWord[][] {
  const [primary] = passes;
  if (!primary) return [];
  const kept: KeptWord[] = [];
  for (const readings of overlapGroups(passes, settings.minOverlap)) {
    const [only] = readings;
    if (readings.length === 1 && only) {
      const words = only.pass === 0 ? only.words : only.words.filter((word) => word.confidence >= settings.minLoneConfidence);
      kept.push(...words.map((word) => ({ word, pass: only.pass })));
      continue;
    }
    const best = readings.reduce((chosen, reading) =>
      betterReading(chosen.words, reading.words, settings.knownWordMargin, isKnownWord) ? chosen : reading,
    );
    const words = withKnownAlternatives(best, readings, settings.maxAlternativeEditShare, isKnownWord);
    kept.push(...words.map((word) => ({ word, pass: best.pass })));
  }
  return arrangeLines(primary.words, kept, settings.minLineOverlap);
}

/** One pass's words grouped into its own lines, in its reading order (the reading when there is no second pass). */
export function linesOfPass(pass: OcrPass): OcrWord[][] {
  return [...groupBy(pass.words, (word) => word.line).values()];
}

/** Lines of words as text: words joined by spaces, lines by newlines, and a blank line at a wide vertical gap. */
export function linesToText(lines: readonly (readonly OcrWord[])[]): string {
  const out: string[] = [];
  let previous: PixelBox | undefined;
  for (const words of lines) {
    if (words.length === 0) continue;
    const box = unionBox(words.map((word) => word.box));
    if (previous) {
      const gap = box.y0 - previous.y1;
      const height = Math.max(box.y1 - box.y0, previous.y1 - previous.y0);
      out.push(gap > height ? '\n\n' : '\n');
    }
    out.push(words.map((word) => word.text).join(' '));
    previous = box;
  }
  return out.join('');
}

/**
 * Whether reading `a` of a group is at least as good as reading `b` (so the earlier pass wins ties). Two readings
 * of the same letters and digits cut into words differently: the one with more of its letters in known words, then
 * the one in more words (a pass that hears a space the other missed, "K. A. SPARROW" against "KASPARROW").
 * Otherwise the more confident one (weighted by letters and digits, so dashes read from form lines count for
 * nothing), unless the two are within `margin` points and one has more of its letters in known words.
 */
function betterReading(a: readonly OcrWord[], b: readonly OcrWord[], margin: number, isKnownWord: KnownWordTest): boolean {
  const aKnown = knownShare(a, isKnownWord);
  const bKnown = knownShare(b, isKnownWord);
  if (alphanumerics(a) === alphanumerics(b)) {
    const aWords = a.filter(hasAlphanumeric).length;
    const bWords = b.filter(hasAlphanumeric).length;
    if (aWords !== bWords) return aKnown !== bKnown ? aKnown > bKnown : aWords > bWords;
  }
  const aConfidence = alphanumericConfidence(a);
  const bConfidence = alphanumericConfidence(b);
  if (Math.abs(aConfidence - bConfidence) < margin && aKnown !== bKnown) return aKnown > bKnown;
  return aConfidence >= bConfidence;
}

/**
 * The chosen reading's words, each word of three letters or more that is not a known word replaced by the known
 * word another pass read in its place (a reading of as many words, same position) when the two differ by at most
 * `maxEditShare` of the word's letters and digits (at least one edit): "Seallle" becomes the "Seattle" a less sure
 * pass read. The first such alternative, in pass order, is taken.
 */
function withKnownAlternatives(
  chosen: Reading,
  readings: readonly Reading[],
  maxEditShare: number,
  isKnownWord: KnownWordTest,
): OcrWord[] {
  const alternatives = readings.filter((reading) => reading !== chosen && reading.words.length === chosen.words.length);
  if (alternatives.length === 0 || maxEditShare <= 0) return chosen.words;
  return chosen.words.map((word, index) => {
    if (!THREE_LETTERS.test(word.text) || isKnownWord(word.text)) return word;
    const core = alphanumericCore(word.text);
    // The small epsilon keeps a share such as 1/3 from losing an edit to rounding (9 * (1/3) must allow 3).
    const allowed = Math.max(1, Math.floor(core.length * maxEditShare + 1e-9));
    for (const reading of alternatives) {
      const alternative = reading.words[index];
      if (alternative && isKnownWord(alternative.text) && editDistance(alphanumericCore(alternative.text), core) <= allowed) {
        return { ...word, text: alternative.text };
      }
    }
    return word;
  });
}

const THREE_LETTERS = /\p{L}{3,}/u;
const NOT_ALPHANUMERIC = /[^\p{L}\p{N}]/gu;
const ALPHANUMERIC = /[\p{L}\p{N}]/u;

/** A token's letters and digits, lower-cased. */
function alphanumericCore(text: string): string {
  return text.toLowerCase().replace(NOT_ALPHANUMERIC, '');
}

/** The words' letters and digits, lower-cased, run together. */
export function alphanumerics(words: readonly OcrWord[]): string {
  return words.map((word) => alphanumericCore(word.text)).join('');
}

function hasAlphanumeric(word: OcrWord): boolean {
  return ALPHANUMERIC.test(word.text);
}

/**
 * A number as printed: digit groups joined by single separators ("12", "10016-5856", "09/17/97", "1,000.00"), with
 * punctuation or a currency sign around it. The lexicon holds no numbers, so without this every reading of a number
 * would count as unknown against a reading of letters.
 */
const CLEAN_NUMBER = /^[^\p{L}\p{N}]*\p{N}+(?:[.,:/-]\p{N}+)*[^\p{L}\p{N}]*$/u;

/** Share of the words' characters that belong to known words or clean numbers. */
function knownShare(words: readonly OcrWord[], isKnownWord: KnownWordTest): number {
  let known = 0;
  let total = 0;
  for (const word of words) {
    const length = [...word.text].length;
    total += length;
    if (isKnownWord(word.text) || CLEAN_NUMBER.test(word.text)) known += length;
  }
  return total === 0 ? 0 : known / total;
}

/** Mean confidence of words (0-100) weighted by their length; 0 for none. */
export function weightedConfidence(words: readonly OcrWord[]): number {
  return meanConfidence(words, (word) => [...word.text].length);
}

/** Mean confidence of words (0-100) weighted by their letters and digits; 0 when they have none. */
function alphanumericConfidence(words: readonly OcrWord[]): number {
  return meanConfidence(words, (word) => alphanumericCore(word.text).length);
}

function meanConfidence(words: readonly OcrWord[], weightOf: (word: OcrWord) => number): number {
  let weight = 0;
  let sum = 0;
  for (const word of words) {
    const length = weightOf(word);
    weight += length;
    sum += word.confidence * length;
  }
  return weight === 0 ? 0 : sum / weight;
}

/**
 * Connected groups of words under "overlaps a word of another pass", as the readings of the passes that have words
 * there (in pass order), each pass's words in its own order.
 */
function overlapGroups(passes: readonly OcrPass[], minOverlap: number): Reading[][] {
  const words = passes.flatMap((pass, index) => pass.words.map((word) => ({ word, pass: index })));
  const parent = words.map((_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) {
      const next = parent[current] ?? current;
      parent[current] = parent[next] ?? next;
      current = next;
    }
    return current;
  };
  words.forEach((a, i) => {
    for (let j = i + 1; j < words.length; j++) {
      const b = words[j];
      if (b && b.pass !== a.pass && overlapShare(a.word.box, b.word.box) >= minOverlap) parent[root(i)] = root(j);
    }
  });
  const groups = new Map<number, Map<number, OcrWord[]>>();
  words.forEach(({ word, pass }, index) => {
    const key = root(index);
    let group = groups.get(key);
    if (!group) {
      group = new Map();
      groups.set(key, group);
    }
    const reading = group.get(pass);
    if (reading) reading.push(word);
    else group.set(pass, [word]);
  });
  return [...groups.values()].map((group) =>
    [...group.entries()].sort(([a], [b]) => a - b).map(([pass, readingWords]) => ({ pass, words: readingWords })),
  );
}

/**
 * Puts the kept words into lines: primary words stay on their primary line; another pass's word joins the primary
 * line (judged by all that line's words, kept or not) it overlaps most vertically, if enough, else a line made of
 * its own pass's line-mates. Lines are ordered top to bottom, words left to right.
 */
function arrangeLines(
  primaryWords: readonly OcrWord[],
  kept: readonly KeptWord[],
  minLineOverlap: number,
): OcrWord[][] {
  const primaryLineBoxes = new Map<number, PixelBox>();
  for (const [line, words] of groupBy(primaryWords, (word) => word.line)) {
    primaryLineBoxes.set(line, unionBox(words.map((word) => word.box)));
  }
  const primaryLines = new Map<number, OcrWord[]>();
  const otherLines = new Map<string, OcrWord[]>();
  const add = <K>(lines: Map<K, OcrWord[]>, line: K, word: OcrWord) => {
    const words = lines.get(line);
    if (words) words.push(word);
    else lines.set(line, [word]);
  };
  for (const { word, pass } of kept) {
    if (pass === 0) {
      add(primaryLines, word.line, word);
      continue;
    }
    const host = bestLine(word.box, primaryLineBoxes, minLineOverlap);
    if (host === undefined) add(otherLines, `${pass}:${word.line}`, word);
    else add(primaryLines, host, word);
  }
  const lines: MergedLine[] = [];
  for (const words of [...primaryLines.values(), ...otherLines.values()]) {
    words.sort((a, b) => a.box.x0 - b.box.x0);
    lines.push({ words, box: unionBox(words.map((word) => word.box)) });
  }
  lines.sort((a, b) => a.box.y0 + a.box.y1 - (b.box.y0 + b.box.y1) || a.box.x0 - b.box.x0);
  return lines.map((line) => line.words);
}

function bestLine(box: PixelBox, lineBoxes: ReadonlyMap<number, PixelBox>, minLineOverlap: number): number | undefined {
  let best: number | undefined;
  let bestShare = minLineOverlap;
  for (const [line, lineBox] of lineBoxes) {
    const share = verticalOverlapShare(box, lineBox);
    if (share >= bestShare) {
      best = line;
      bestShare = share;
    }
  }
  return best;
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
