// Without the u flag, so each half of a surrogate pair is matched as one code unit.
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Returns a function converting offsets counted in Unicode code points (how Amazon Comprehend counts characters)
 * into UTF-16 offsets (how JavaScript strings are indexed) in the same text. They differ only after characters
 * outside the Basic Multilingual Plane (most emoji, some CJK), which take two UTF-16 units but one code point.
 * Offsets past the end map to the end.
 */
export function codePointToUtf16(text: string): (codePointOffset: number) => number {
  if (!SURROGATE.test(text)) return (offset) => Math.min(Math.max(0, offset), text.length);
  const utf16ByCodePoint: number[] = [];
  let index = 0;
  for (const character of text) {
    utf16ByCodePoint.push(index);
    index += character.length;
  }
  utf16ByCodePoint.push(text.length);
  return (offset) => utf16ByCodePoint[Math.min(Math.max(0, offset), utf16ByCodePoint.length - 1)] ?? text.length;
}
