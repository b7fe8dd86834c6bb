/** Longest key point, in characters. */
export const MAX_KEY_POINT_LENGTH = 120;

/** Shortens a sentence to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export function trimKeyPoint(sentence: string, max = MAX_KEY_POINT_LENGTH): string {
  const clean = sentence.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const atWordEnd = clean.charAt(max - 1) === ' ';
  const lastSpace = cut.lastIndexOf(' ');
  const head = (atWordEnd || lastSpace <= max / 2 ? cut : cut.slice(0, lastSpace)).replace(/[\s,;:.\-–—]+$/, '');
  return `${head}…`;
}
