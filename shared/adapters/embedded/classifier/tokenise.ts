/** Runs of letters, combining marks and digits: everything else (punctuation, OCR specks, spaces) separates words. */
const WORD_PATTERN = /[\p{L}\p{M}\p{N}]+/gu;
const DIGITS_ONLY = /^\p{N}+$/u;
const HAS_LETTER = /\p{L}/u;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Longest digit count a number shape distinguishes; longer numbers share one shape. */
const MAX_SHAPE_DIGITS = 6;

export type NumberHandling = 'drop' | 'shape';

/**
 * Splits text into lower-case word tokens, unicode-aware (NFKC, so ligatures and full-width forms fold).
 * Single characters are dropped (in OCR text they are mostly specks); pure numbers are dropped or become a
 * shape token such as `<num4>`, so a year and a page number stay distinguishable without growing the vocabulary.
 */
export function wordTokens(text: string, numbers: NumberHandling): string[] {
  const tokens: string[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(WORD_PATTERN)) {
    const token = match[0];
    if (DIGITS_ONLY.test(token)) {
      if (numbers === 'shape') tokens.push(`<num${Math.min(token.length, MAX_SHAPE_DIGITS)}>`);
    } else if (token.length > 1 && HAS_LETTER.test(token)) {
      tokens.push(token);
    }
  }
  return tokens;
}

/** Word n-grams (n from minN to maxN) over a token sequence, joined by a space. */
export function wordNgrams(tokens: readonly string[], minN: number, maxN: number): string[] {
  const grams: string[] = [];
  for (let n = minN; n <= maxN; n += 1) {
    for (let start = 0; start + n <= tokens.length; start += 1) {
      grams.push(n === 1 ? (tokens[start] ?? '') : tokens.slice(start, start + n).join(' '));
    }
  }
  return grams;
}

/**
 * Character n-grams inside word boundaries: each word is padded with a space on both sides and never joined
 * with its neighbours, so ` inv`, `invo` and `ice ` are features of `invoice`. Number shapes are skipped.
 */
export function charNgrams(tokens: readonly string[], minN: number, maxN: number): string[] {
  const grams: string[] = [];
  for (const token of tokens) {
    if (token.startsWith('<num')) continue;
    // Code points, not UTF-16 units, so a letter outside the BMP is never cut in half.
    const chars = SURROGATE.test(token) ? [' ', ...token, ' '] : null;
    const padded = ` ${token} `;
    const length = chars ? chars.length : padded.length;
    for (let n = minN; n <= maxN; n += 1) {
      for (let start = 0; start + n <= length; start += 1) {
        grams.push(chars ? chars.slice(start, start + n).join('') : padded.slice(start, start + n));
      }
    }
  }
  return grams;
}

const WHITESPACE_RUN = /\s+/gu;
const DIGIT = /\p{N}/gu;

/**
 * Character n-grams over the whole text: NFKC, lower case, every whitespace run folded to one space and every
 * digit to 0. Punctuation and the joins between words are kept, which suits noisy OCR text.
 */
export function textCharNgrams(text: string, minN: number, maxN: number): string[] {
  const folded = ` ${text.normalize('NFKC').toLowerCase().replace(DIGIT, '0').replace(WHITESPACE_RUN, ' ').trim()} `;
  const chars = SURROGATE.test(folded) ? [...folded] : null;
  const length = chars ? chars.length : folded.length;
  const grams: string[] = [];
  if (length <= 2) return grams;
  for (let n = minN; n <= maxN; n += 1) {
    for (let start = 0; start + n <= length; start += 1) {
      grams.push(chars ? chars.slice(start, start + n).join('') : folded.slice(start, start + n));
    }
  }
  return grams;
}
