import { editDistance } from '../edit-distance.js';
import { mean, median, percentile } from './statistics.js';

/** Words split on whitespace, lower-cased, punctuation and symbols stripped; words left empty are dropped. */
export function normalisedWords(text: string): string[] {
  return text
    .split(/\s+/u)
    .map((word) => word.toLowerCase().replace(/[\p{P}\p{S}]/gu, ''))
    .filter((word) => word.length > 0);
}

/**
 * The same, but punctuation separates words instead of vanishing from them. Ground truth that cuts "09/17/97" into
 * "09/", "17/", "97" then does not punish an OCR that reads it whole. A secondary figure, never the main one.
 */
export function wordsSplitAtPunctuation(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((word) => word.length > 0);
}

/** How many reference words the recognised words contain, as bags: each recognised word matches at most one. */
export function matchedWordCount(reference: readonly string[], recognised: readonly string[]): number {
  const available = new Map<string, number>();
  for (const word of recognised) available.set(word, (available.get(word) ?? 0) + 1);
  let matched = 0;
  for (const word of reference) {
    const left = available.get(word) ?? 0;
    if (left > 0) {
      matched += 1;
      available.set(word, left - 1);
    }
  }
  return matched;
}

/** Text with every run of whitespace made one space, trimmed: the form both sides of the CER take. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** One page (or file) of OCR output scored against its reference text. */
export interface OcrTextScore {
  readonly referenceWords: number;
  readonly matchedWords: number;
  readonly splitReferenceWords: number;
  readonly splitMatchedWords: number;
  /** Characters of the reference, whitespace collapsed. */
  readonly referenceChars: number;
  /** Edit distance between reference and output, whitespace collapsed (case and punctuation kept). */
  readonly characterErrors: number;
}

export function scoreOcrText(referenceText: string, recognisedText: string): OcrTextScore {
  const reference = normalisedWords(referenceText);
  const splitReference = wordsSplitAtPunctuation(referenceText);
  const referenceLine = collapseWhitespace(referenceText);
  return {
    referenceWords: reference.length,
    matchedWords: matchedWordCount(reference, normalisedWords(recognisedText)),
    splitReferenceWords: splitReference.length,
    splitMatchedWords: matchedWordCount(splitReference, wordsSplitAtPunctuation(recognisedText)),
    referenceChars: referenceLine.length,
    characterErrors: editDistance(referenceLine, collapseWhitespace(recognisedText)),
  };
}

export interface OcrEvaluation {
  readonly files: number;
  readonly pages: number;
  readonly referenceWords: number;
  /** Reference words found in the output (bag of words, case-insensitive, punctuation stripped), pooled over files. */
  readonly wordRecall: number;
  /** The same with punctuation splitting words instead of vanishing. */
  readonly wordRecallSplitAtPunctuation: number;
  /** Character edits over reference characters, pooled over files (reading order counts, so forms score high). */
  readonly characterErrorRate: number;
  readonly secondsPerPage: { readonly median: number; readonly p95: number; readonly mean: number };
  /** CPU time of the whole process (OCR worker threads included) per page: steadier than wall time on a busy machine. */
  readonly cpuSecondsPerPage: { readonly median: number; readonly p95: number; readonly mean: number };
}

/** Pools file scores and per-page timings; keeps one number per page, never the texts. */
export class OcrScoreCounter {
  private fileCount = 0;
  private referenceWords = 0;
  private matchedWords = 0;
  private splitReferenceWords = 0;
  private splitMatchedWords = 0;
  private referenceChars = 0;
  private characterErrors = 0;
  private readonly wall: number[] = [];
  private readonly cpu: number[] = [];

  /** One file's score, its page count, and the wall and CPU seconds the file took (spread evenly over its pages). */
  add(score: OcrTextScore, pages: number, wallSeconds: number, cpuSeconds: number): void {
    this.fileCount += 1;
    this.referenceWords += score.referenceWords;
    this.matchedWords += score.matchedWords;
    this.splitReferenceWords += score.splitReferenceWords;
    this.splitMatchedWords += score.splitMatchedWords;
    this.referenceChars += score.referenceChars;
    this.characterErrors += score.characterErrors;
    const perPage = Math.max(1, pages);
    for (let page = 0; page < perPage; page++) {
      this.wall.push(wallSeconds / perPage);
      this.cpu.push(cpuSeconds / perPage);
    }
  }

  evaluation(): OcrEvaluation {
    const spread = (values: readonly number[]) => ({ median: median(values), p95: percentile(values, 95), mean: mean(values) });
    return {
      files: this.fileCount,
      pages: this.wall.length,
      referenceWords: this.referenceWords,
      wordRecall: this.referenceWords === 0 ? NaN : this.matchedWords / this.referenceWords,
      wordRecallSplitAtPunctuation: this.splitReferenceWords === 0 ? NaN : this.splitMatchedWords / this.splitReferenceWords,
      characterErrorRate: this.referenceChars === 0 ? NaN : this.characterErrors / this.referenceChars,
      secondsPerPage: spread(this.wall),
      cpuSecondsPerPage: spread(this.cpu),
    };
  }
}
