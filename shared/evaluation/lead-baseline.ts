import { splitSentences } from '../adapters/embedded/summariser/sentence-splitter.js';

/** The lead-N baseline: the first `n` sentences of the text, as a summary. */
export function leadSentences(text: string, n = 3): string {
  return splitSentences(text)
    .slice(0, n)
    .map((s) => s.text)
    .join(' ');
}
