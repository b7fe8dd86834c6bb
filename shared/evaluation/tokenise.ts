/** A word of the text with its offsets (end exclusive). */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
}

/** Splits text into words on whitespace and punctuation: each maximal run of letters, marks and digits is a token. */
export function tokeniseWords(text: string): TokenSpan[] {
  return [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
