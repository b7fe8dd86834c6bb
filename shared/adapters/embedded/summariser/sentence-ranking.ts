import { contentTerms, wordCount } from './text-terms.js';
import type { SentenceSpan } from './sentence-splitter.js';

export interface RankedSentence {
  readonly sentence: SentenceSpan;
  readonly score: number;
  /** TF-IDF vector, for de-duplication. */
  readonly vector: ReadonlyMap<string, number>;
  readonly words: number;
}

export interface RankingOptions {
  /** Weight of the position prior (earlier sentences score higher). @default 0.5 */
  readonly positionWeight?: number;
  /** Sentences with fewer words than this are penalised. @default 6 */
  readonly minWords?: number;
  /** Sentences with more words than this are penalised. @default 30 */
  readonly maxWords?: number;
}

/**
 * Scores sentences by TextRank centrality over TF-IDF cosine similarity (a sentence that shares vocabulary with
 * many others is central), times a position prior and a length penalty.
 */
export function rankSentences(sentences: readonly SentenceSpan[], options: RankingOptions = {}): RankedSentence[] {
  const positionWeight = options.positionWeight ?? 0.5;
  const minWords = options.minWords ?? 6;
  const maxWords = options.maxWords ?? 30;
  const terms = sentences.map((s) => contentTerms(s.text));
  const vectors = tfIdfVectors(terms);
  const centrality = textRank(vectors);
  const n = sentences.length;
  return sentences.map((sentence, i) => {
    const words = wordCount(sentence.text);
    const position = 1 - positionWeight + positionWeight * (n <= 1 ? 1 : 1 - i / (n - 1)) ** 2;
    const length = words < minWords ? words / minWords : words > maxWords ? Math.sqrt(maxWords / words) : 1;
    return { sentence, score: (centrality[i] ?? 0) * position * length, vector: vectors[i] ?? new Map(), words };
  });
}

/** Cosine similarity of two sparse vectors. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [term, weight] of a) {
    na += weight * weight;
    const other = b.get(term);
    if (other !== undefined) dot += weight * other;
  }
  for (const weight of b.values()) nb += weight * weight;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function tfIdfVectors(documents: readonly string[][]): Map<string, number>[] {
  const documentFrequency = new Map<string, number>();
  for (const terms of documents) for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const n = documents.length;
  return documents.map((terms) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const vector = new Map<string, number>();
    for (const [term, count] of counts) {
      const idf = Math.log((1 + n) / (1 + (documentFrequency.get(term) ?? 0))) + 1;
      vector.set(term, (1 + Math.log(count)) * idf);
    }
    return vector;
  });
}

/** PageRank over the similarity graph (damping 0.85, power iteration). */
function textRank(vectors: readonly Map<string, number>[], damping = 0.85, iterations = 40): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  const weights = vectors.map((a, i) => vectors.map((b, j) => (i === j ? 0 : cosine(a, b))));
  const outSums = weights.map((row) => row.reduce((sum, w) => sum + w, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < iterations; iteration++) {
    rank = rank.map((_, i) => {
      let incoming = 0;
      for (let j = 0; j < n; j++) {
        const w = weights[j]?.[i] ?? 0;
        const out = outSums[j] ?? 0;
        if (w > 0 && out > 0) incoming += (w / out) * (rank[j] ?? 0);
      }
      return (1 - damping) / n + damping * incoming;
    });
  }
  return rank;
}
