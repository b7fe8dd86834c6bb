import type { Summariser, Summary } from '../../../ports/summariser.js';
import { trimKeyPoint } from './key-points.js';
import { cosine, rankSentences, type RankedSentence, type RankingOptions } from './sentence-ranking.js';
import { splitSentences } from './sentence-splitter.js';

export interface EmbeddedSummariserOptions extends RankingOptions {
  /** Most sentences in the summary. @default 3 */
  readonly maxSentences?: number;
  /**
   * Word budget of the summary, as a share of the document's words: sentences are added, best first, while the
   * summary stays within max(minSummaryWords, share × document words). @default 0.35
   */
  readonly lengthShare?: number;
  /** The word budget never goes below this. @default 20 */
  readonly minSummaryWords?: number;
  /** Fewest and most key points. @default 3 and 5 */
  readonly minKeyPoints?: number;
  readonly maxKeyPoints?: number;
  /** Two sentences more similar than this (TF-IDF cosine) count as saying the same thing. @default 0.6 */
  readonly duplicateThreshold?: number;
}

/**
 * Extractive summariser: splits the text into sentences (or lines, for forms), ranks them by TextRank centrality
 * with a position prior and a length penalty, and returns the best few in their original order, plus short key
 * points.
 */
export class EmbeddedSummariser implements Summariser {
  private readonly options: Required<Omit<EmbeddedSummariserOptions, keyof RankingOptions>> & RankingOptions;

  constructor(options: EmbeddedSummariserOptions = {}) {
    this.options = {
      ...options,
      maxSentences: options.maxSentences ?? 3,
      lengthShare: options.lengthShare ?? 0.2,
      minSummaryWords: options.minSummaryWords ?? 20,
      minKeyPoints: options.minKeyPoints ?? 3,
      maxKeyPoints: options.maxKeyPoints ?? 5,
      duplicateThreshold: options.duplicateThreshold ?? 0.6,
    };
  }

  async summarise(text: string): Promise<Summary> {
    return this.summariseSync(text);
  }

  /** The same as `summarise`, without the promise (the work is synchronous). */
  summariseSync(text: string): Summary {
    const sentences = splitSentences(text);
    if (sentences.length === 0) return { summary: '', keyPoints: [] };
    const ranked = rankSentences(sentences, this.options);
    const byScore = [...ranked].sort((a, b) => b.score - a.score || a.sentence.index - b.sentence.index);
    const distinct = dropDuplicates(byScore, this.options.duplicateThreshold);

    const documentWords = ranked.reduce((sum, r) => sum + r.words, 0);
    const budget = Math.max(this.options.minSummaryWords, this.options.lengthShare * documentWords);
    const chosen: RankedSentence[] = [];
    let words = 0;
    for (const candidate of distinct) {
      if (chosen.length >= this.options.maxSentences) break;
      if (chosen.length > 0 && words + candidate.words > budget) continue;
      chosen.push(candidate);
      words += candidate.words;
    }
    const summary = inDocumentOrder(chosen).map((r) => r.sentence.text).join(' ');

    const keyPointCount = Math.min(this.options.maxKeyPoints, Math.max(this.options.minKeyPoints, chosen.length));
    const keyPoints = inDocumentOrder(distinct.slice(0, keyPointCount)).map((r) => trimKeyPoint(r.sentence.text));
    return { summary, keyPoints };
  }
}

function dropDuplicates(byScore: readonly RankedSentence[], threshold: number): RankedSentence[] {
  const kept: RankedSentence[] = [];
  for (const candidate of byScore) {
    const normalised = candidate.sentence.text.toLowerCase();
    const repeated = kept.some(
      (k) => k.sentence.text.toLowerCase() === normalised || cosine(k.vector, candidate.vector) > threshold,
    );
    if (!repeated) kept.push(candidate);
  }
  return kept;
}

function inDocumentOrder(sentences: readonly RankedSentence[]): RankedSentence[] {
  return [...sentences].sort((a, b) => a.sentence.index - b.sentence.index);
}
