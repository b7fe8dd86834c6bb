/** Share of visible characters that may be junk (replacement, private-use or control characters). */
const MAX_JUNK_SHARE = 0.1;
/** Share of visible characters that must be letters or digits; below it the text is symbol soup. */
const MIN_ALPHANUMERIC_SHARE = 0.5;

/**
 * Whether a page's text layer can stand for the page, or the page must be OCRed instead: too few letters
 * (a scan with at most a stamp or a page number in text), or text that is mostly junk (fonts without a
 * Unicode mapping extract as private-use, replacement or stray symbol characters).
 */
export function isUsableTextLayer(text: string, minLetters: number): boolean {
  const letters = letterCount(text);
  if (letters < minLetters) return false;
  const visible = count(text, /\S/gu);
  const junk = count(text, /[\uFFFD\p{Co}]|(?!\s)\p{Cc}/gu);
  const alphanumeric = letters + count(text, /\p{N}/gu);
  return junk / visible <= MAX_JUNK_SHARE && alphanumeric / visible >= MIN_ALPHANUMERIC_SHARE;
}

/** How many letters a text holds (the measure compared with the minimum). */
export function letterCount(text: string): number {
  return count(text, /\p{L}/gu);
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
