import type { PiiEntityType } from '../../../ports/pii-detector.js';
import type { SearchFilters } from './filters.js';

/**
 * Document type and PII types written as tokens into the `facets` column of the full-text table, so FTS5
 * intersects them with the text query itself instead of a join checking row by row. Tokens start with `xfacet`,
 * hex-encode the value and end in a digit (so the stemmer leaves them alone).
 *
 * Besides one token per PII type, a document gets one per pair of its PII types: a query for several types then
 * needs half as many tokens, and each token costs FTS5 a pass over its postings (bm25 counts every phrase).
 */
const PREFIX = 'xfacet';

function hex(value: string): string {
  return Buffer.from(value, 'utf8').toString('hex');
}

function typeToken(documentType: string): string {
  return `${PREFIX}type${hex(documentType)}0`;
}

function piiToken(piiType: PiiEntityType): string {
  return `${PREFIX}pii${hex(piiType)}0`;
}

/** `x` separates the two values: it never occurs in hex. The pair is in sorted order. */
function piiPairToken(first: PiiEntityType, second: PiiEntityType): string {
  const [low, high] = [first, second].sort();
  return `${PREFIX}pii${hex(low ?? first)}x${hex(high ?? second)}0`;
}

/**
 * Whether a prefix term (the word before its `*`) could match facet tokens. A phrase matches inside the facets
 * column only if its first token is, or starts, a facet token, so that token starts with the prefix's first letter,
 * `x`. The tokenizer lowercases, removes diacritics, and the stemmer never changes a first letter; folding the word
 * with NFKD and lowercase covers every character the tokenizer could turn into `x` (and more: a false yes only
 * costs speed). A word without an `x` after folding can therefore only match the text columns.
 */
export function prefixMayMatchFacets(word: string): boolean {
  return word.normalize('NFKD').toLowerCase().includes(PREFIX.charAt(0));
}

/** The facets text of a document; `piiTypes` distinct. */
export function facetText(documentType: string, piiTypes: readonly PiiEntityType[]): string {
  const pairs = piiTypes.flatMap((first, index) =>
    piiTypes.slice(index + 1).map((second) => piiPairToken(first, second)),
  );
  return [typeToken(documentType), ...piiTypes.map(piiToken), ...pairs].join(' ');
}

/** Fewest tokens requiring every PII type: one per pair, plus one single when the count is odd. */
function piiTokens(piiTypes: readonly PiiEntityType[]): string[] {
  const sorted = [...new Set(piiTypes)].sort();
  const tokens: string[] = [];
  for (let index = 0; index < sorted.length; index += 2) {
    const first = sorted[index];
    const second = sorted[index + 1];
    if (first === undefined) break;
    tokens.push(second === undefined ? piiToken(first) : piiPairToken(first, second));
  }
  return tokens;
}

/** An FTS5 expression requiring the filters' document type and every PII type, or undefined when neither is set. */
export function facetExpression(filters: SearchFilters): string | undefined {
  const tokens = [
    ...(filters.documentType === undefined ? [] : [typeToken(filters.documentType)]),
    ...piiTokens(filters.piiTypes),
  ];
  return tokens.length === 0 ? undefined : tokens.map((token) => `"${token}"`).join(' AND ');
}
