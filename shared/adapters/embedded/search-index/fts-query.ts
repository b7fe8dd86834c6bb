/** Words too common to narrow a search; dropped from a query that has other words. */
const STOPWORDS = new Set(
  'a an and are as at be but by for from has have in is it its of on or that the this to was were will with'.split(' '),
);

/** The user's words as an FTS5 expression. */
export interface FtsQuery {
  readonly expression: string;
  /** The words of the terms that ended in `*` (without the star), in query order. */
  readonly prefixWords: readonly string[];
}

interface Term {
  readonly word: string;
  readonly prefix: boolean;
}

const isStopword = (term: Term): boolean => !term.prefix && STOPWORDS.has(term.word.toLowerCase());

/**
 * Turns what a person typed into a safe FTS5 query: every term becomes a quoted string, so no input can reach the
 * FTS5 query syntax (operators, column filters, parentheses, NEAR). Terms are ANDed; common English stopwords are
 * dropped when other terms remain. A term ending in `*` becomes a prefix query (the prefix goes through the same
 * stemmer as the text, so a prefix the stemmer rewrites, such as `pay*` → `pai*`, may miss). Returns undefined
 * when the text holds no letter or digit to search for.
 */
export function toFtsQuery(text: string): FtsQuery | undefined {
  const terms: Term[] = [];
  for (const chunk of text.split(/\s+/u)) {
    if (!/[\p{L}\p{N}]/u.test(chunk)) continue;
    terms.push({ word: chunk.replace(/\*+$/u, ''), prefix: chunk.endsWith('*') });
  }
  const meaningful = terms.some((term) => !isStopword(term)) ? terms.filter((term) => !isStopword(term)) : terms;
  if (meaningful.length === 0) return undefined;
  return {
    expression: meaningful.map(({ word, prefix }) => `"${word.replaceAll('"', '""')}"${prefix ? '*' : ''}`).join(' '),
    prefixWords: meaningful.filter((term) => term.prefix).map((term) => term.word),
  };
}
