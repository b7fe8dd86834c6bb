import type { ClassifierOptions } from './options.js';
import { charNgrams, textCharNgrams, wordNgrams, wordTokens } from './tokenise.js';

/** Raw term counts of one document, one map per feature block. */
export interface TermCounts {
  readonly word: Map<string, number>;
  readonly char: Map<string, number>;
}

export type FeatureBlock = keyof TermCounts;
export const FEATURE_BLOCKS: readonly FeatureBlock[] = ['word', 'char'];

function countInto(counts: Map<string, number>, terms: readonly string[]): void {
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
}

/** Power-of-two bucket of a count: 0 for 0, 1 for 1, 2 for 2-3, 3 for 4-7... */
function bucket(count: number): number {
  return Math.floor(Math.log2(1 + count));
}

/** Layout terms: each line's first word, and the text's length in words and in lines. */
function layoutTerms(lines: readonly (readonly string[])[], tokenCount: number): string[] {
  const nonEmpty = lines.filter((line) => line.length > 0);
  const terms = nonEmpty.map((line) => `^${line[0] ?? ''}`);
  terms.push(`<words:${bucket(tokenCount)}>`, `<lines:${bucket(nonEmpty.length)}>`);
  return terms;
}

/** Counts the word n-grams, layout terms and character n-grams that the options turn on. */
export function extractTermCounts(text: string, options: ClassifierOptions): TermCounts {
  const lines = options.layout ? text.split(/\r?\n|\r/).map((line) => wordTokens(line, options.numbers)) : [];
  const tokens = options.layout ? lines.flat() : wordTokens(text, options.numbers);
  const word = new Map<string, number>();
  const char = new Map<string, number>();
  countInto(word, wordNgrams(tokens, options.word.minN, options.word.maxN));
  if (options.layout) countInto(word, layoutTerms(lines, tokens.length));
  if (options.char) {
    const { minN, maxN } = options.char;
    countInto(char, options.charSource === 'text' ? textCharNgrams(text, minN, maxN) : charNgrams(tokens, minN, maxN));
  }
  return { word, char };
}
