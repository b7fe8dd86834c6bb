import { overlapShare, unionBox, verticalOverlapShare, type OcrPass, type OcrWord, type PixelBox } from './ocr-words.js';

/** How two OCR passes over the same page image are combined into one reading. */
export interface EnsembleSettings {
  /** Words of the two passes whose boxes overlap by at least this share of the smaller box read the same ink. */
  readonly minOverlap: number;
  /** A word only the second pass found is kept when its confidence (0-100) is at least this: the rest is mostly speckle. */
  readonly minLoneConfidence: number;
  /** A line of the second pass joins a line of the first when they overlap vertically by at least this share. */
  readonly minLineOverlap: number;
  /**
   * When the two readings of a group are within this many confidence points (0-100) of each other, the one with
   * more of its letters in words the lexicon knows wins instead (0: confidence alone decides).
   */
  readonly knownWordMargin: number;
}

/** Whether a recognised token (punctuation and case as read) is a word the lexicon knows. */
export type KnownWordTest = (token: string) => boolean;

/** One output line: its words, and where it sits on the page (to order the lines). */
interface MergedLine {
  readonly words: OcrWord[];
  readonly box: PixelBox;
}

/**
 * Combines two passes over one page into a single reading without duplicates. Words that overlap (directly or
 * through a chain of overlaps, as when one pass reads "NAMEOFACCOUNT" where the other reads three words) form a
 * group, and the pass whose words in the group are more confident on average (weighted by length) gives its
 * reading, unless the two are within `knownWordMargin` points and one has more of its letters in words
 * `isKnownWord` accepts; the primary pass wins ties. Words only one pass found are kept when from the primary
 * pass, and when confident enough from the secondary. Lines follow the primary pass; secondary words join the
 * primary line they sit on, or form lines of their own.
 */
export function mergeOcrPasses(
  primary: OcrPass,
  secondary: OcrPass,
  settings: EnsembleSettings,
  isKnownWord: KnownWordTest = () => false,
): OcrWord[][] {
  const groups = overlapGroups(primary.words, secondary.words, settings.minOverlap);
  const kept: { word: OcrWord; fromPrimary: boolean }[] = [];
  for (const group of groups) {
    if (group.secondary.length === 0) {
      kept.push(...group.primary.map((word) => ({ word, fromPrimary: true })));
    } else if (group.primary.length === 0) {
      const confident = group.secondary.filter((word) => word.confidence >= settings.minLoneConfidence);
      kept.push(...confident.map((word) => ({ word, fromPrimary: false })));
    } else if (primaryReadsBetter(group, settings.knownWordMargin, isKnownWord)) {
      kept.push(...group.primary.map((word) => ({ word, fromPrimary: true })));
    } else {
      kept.push(...group.secondary.map((word) => ({ word, fromPrimary: false })));
    }
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
 * Whether the primary pass's reading of a group wins: the more confident one (length-weighted), unless the two are
 * within `margin` points and one has more letters in known words; the primary wins ties.
 */
function primaryReadsBetter(group: OverlapGroup, margin: number, isKnownWord: KnownWordTest): boolean {
  const primaryConfidence = weightedConfidence(group.primary);
  const secondaryConfidence = weightedConfidence(group.secondary);
  if (Math.abs(primaryConfidence - secondaryConfidence) < margin) {
    const primaryKnown = knownShare(group.primary, isKnownWord);
    const secondaryKnown = knownShare(group.secondary, isKnownWord);
    if (primaryKnown !== secondaryKnown) return primaryKnown > secondaryKnown;
  }
  return primaryConfidence >= secondaryConfidence;
}

/** Share of the words' characters that belong to known words. */
function knownShare(words: readonly OcrWord[], isKnownWord: KnownWordTest): number {
  let known = 0;
  let total = 0;
  for (const word of words) {
    const length = [...word.text].length;
    total += length;
    if (isKnownWord(word.text)) known += length;
  }
  return total === 0 ? 0 : known / total;
}

/** Mean confidence of words (0-100) weighted by their length; 0 for none. */
export function weightedConfidence(words: readonly OcrWord[]): number {
  let weight = 0;
  let sum = 0;
  for (const word of words) {
    const length = [...word.text].length;
    weight += length;
    sum += word.confidence * length;
  }
  return weight === 0 ? 0 : sum / weight;
}

interface OverlapGroup {
  readonly primary: OcrWord[];
  readonly secondary: OcrWord[];
}

/** Connected groups of words under "overlaps a word of the other pass", each pass's words in their own order. */
function overlapGroups(primary: readonly OcrWord[], secondary: readonly OcrWord[], minOverlap: number): OverlapGroup[] {
  const parent = Array.from({ length: primary.length + secondary.length }, (_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) {
      const next = parent[current] ?? current;
      parent[current] = parent[next] ?? next;
      current = next;
    }
    return current;
  };
  primary.forEach((a, i) => {
    secondary.forEach((b, j) => {
      if (overlapShare(a.box, b.box) >= minOverlap) parent[root(i)] = root(primary.length + j);
    });
  });
  const groups = new Map<number, OverlapGroup>();
  const groupOf = (index: number): OverlapGroup => {
    const key = root(index);
    let group = groups.get(key);
    if (!group) {
      group = { primary: [], secondary: [] };
      groups.set(key, group);
    }
    return group;
  };
  primary.forEach((word, i) => groupOf(i).primary.push(word));
  secondary.forEach((word, j) => groupOf(primary.length + j).secondary.push(word));
  return [...groups.values()];
}

/**
 * Puts the kept words into lines: primary words stay on their primary line; a secondary word joins the primary
 * line (judged by all that line's words, kept or not) it overlaps most vertically, if enough, else a line made of
 * its own pass's line-mates. Lines are ordered top to bottom, words left to right.
 */
function arrangeLines(
  primaryWords: readonly OcrWord[],
  kept: readonly { word: OcrWord; fromPrimary: boolean }[],
  minLineOverlap: number,
): OcrWord[][] {
  const primaryLineBoxes = new Map<number, PixelBox>();
  for (const [line, words] of groupBy(primaryWords, (word) => word.line)) {
    primaryLineBoxes.set(line, unionBox(words.map((word) => word.box)));
  }
  const primaryLines = new Map<number, OcrWord[]>();
  const secondaryLines = new Map<number, OcrWord[]>();
  const add = (lines: Map<number, OcrWord[]>, line: number, word: OcrWord) => {
    const words = lines.get(line);
    if (words) words.push(word);
    else lines.set(line, [word]);
  };
  for (const { word, fromPrimary } of kept) {
    if (fromPrimary) {
      add(primaryLines, word.line, word);
      continue;
    }
    const host = bestLine(word.box, primaryLineBoxes, minLineOverlap);
    if (host === undefined) add(secondaryLines, word.line, word);
    else add(primaryLines, host, word);
  }
  const lines: MergedLine[] = [];
  for (const words of [...primaryLines.values(), ...secondaryLines.values()]) {
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
