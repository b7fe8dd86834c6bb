import { type FeatureBlock, type TermCounts } from './features.js';
import type { ClassifierOptions } from './options.js';

/** The terms a block keeps, in feature order, with their inverse document frequencies. */
export interface BlockVocabulary {
  readonly terms: readonly string[];
  readonly idf: readonly number[];
}

export type Vocabulary = Readonly<Record<FeatureBlock, BlockVocabulary>>;

interface TermStats {
  df: number;
  /** Documents per label that contain the term (only kept for chi-squared selection). */
  perLabel: Int32Array | null;
}

/** Smoothed inverse document frequency, as if one extra document held every term: ln((1 + n) / (1 + df)) + 1. */
export function inverseDocumentFrequency(documentCount: number, df: number): number {
  return Math.log((1 + documentCount) / (1 + df)) + 1;
}

/** Largest chi-squared statistic, over the labels, of "document contains the term" against "document has the label". */
function chiSquared(stats: TermStats, labelTotals: readonly number[], documentCount: number): number {
  let best = 0;
  const perLabel = stats.perLabel;
  if (!perLabel) return best;
  for (let label = 0; label < labelTotals.length; label += 1) {
    const inLabel = labelTotals[label] ?? 0;
    const a = perLabel[label] ?? 0; // has term, has label
    const b = stats.df - a; // has term, other label
    const c = inLabel - a; // no term, has label
    const d = documentCount - inLabel - b; // no term, other label
    const denominator = (a + b) * (c + d) * (a + c) * (b + d);
    if (denominator > 0) best = Math.max(best, (documentCount * (a * d - b * c) ** 2) / denominator);
  }
  return best;
}

function collectStats(
  documents: readonly TermCounts[],
  block: FeatureBlock,
  labelOfDocument: readonly number[],
  labelCount: number,
  perLabel: boolean,
): Map<string, TermStats> {
  const stats = new Map<string, TermStats>();
  documents.forEach((document, index) => {
    const label = labelOfDocument[index] ?? 0;
    for (const term of document[block].keys()) {
      let entry = stats.get(term);
      if (!entry) {
        entry = { df: 0, perLabel: perLabel ? new Int32Array(labelCount) : null };
        stats.set(term, entry);
      }
      entry.df += 1;
      if (entry.perLabel) entry.perLabel[label] = (entry.perLabel[label] ?? 0) + 1;
    }
  });
  return stats;
}

function buildBlock(
  documents: readonly TermCounts[],
  block: FeatureBlock,
  labelOfDocument: readonly number[],
  labelCount: number,
  options: ClassifierOptions,
): BlockVocabulary {
  const settings = block === 'word' ? options.word : options.char;
  if (!settings) return { terms: [], idf: [] };
  const documentCount = documents.length;
  const useChi2 = options.selection === 'chi2';
  const stats = collectStats(documents, block, labelOfDocument, labelCount, useChi2);
  const labelTotals = Array.from({ length: labelCount }, () => 0);
  for (const label of labelOfDocument) labelTotals[label] = (labelTotals[label] ?? 0) + 1;
  const maxDf = options.maxDfRatio * documentCount;

  const candidates: { term: string; df: number; score: number }[] = [];
  for (const [term, entry] of stats) {
    if (entry.df < options.minDf || entry.df > maxDf) continue;
    const score = useChi2 ? chiSquared(entry, labelTotals, documentCount) : entry.df;
    candidates.push({ term, df: entry.df, score });
  }
  // Highest score first; ties broken by the term itself so the vocabulary never depends on input order.
  candidates.sort((x, y) => y.score - x.score || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  const kept = candidates.slice(0, settings.maxFeatures);
  // Most frequent first: the weights of common terms then sit together in memory, which keeps training cache-friendly.
  kept.sort((x, y) => y.df - x.df || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  return {
    terms: kept.map((candidate) => candidate.term),
    idf: kept.map((candidate) => inverseDocumentFrequency(documentCount, candidate.df)),
  };
}

/** Chooses each block's terms (document-frequency bounds, then the `maxFeatures` best) and computes their IDF. */
export function buildVocabulary(
  documents: readonly TermCounts[],
  labelOfDocument: readonly number[],
  labelCount: number,
  options: ClassifierOptions,
): Vocabulary {
  return {
    word: buildBlock(documents, 'word', labelOfDocument, labelCount, options),
    char: buildBlock(documents, 'char', labelOfDocument, labelCount, options),
  };
}
