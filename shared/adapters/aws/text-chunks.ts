import { ConfigurationError } from '../../errors.js';

/** A piece of a longer text and where it starts in that text (UTF-16 offset). */
export interface TextChunk {
  readonly start: number;
  readonly text: string;
}

/** How a size limit is counted: UTF-8 bytes (what AWS APIs limit) or UTF-16 code units (JavaScript length). */
export type TextMeasure = 'utf8-bytes' | 'utf16-units';

const WHITESPACE = /\s/u;

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** UTF-8 length of a string, as `Buffer.byteLength(text, 'utf8')` counts it (a lone surrogate is 3 bytes). */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The largest end such that text[start, end) fits in maxSize, never splitting a surrogate pair. */
function furthestEnd(text: string, start: number, maxSize: number, measure: TextMeasure): number {
  if (measure === 'utf16-units') {
    let end = Math.min(text.length, start + maxSize);
    if (end < text.length && end > start && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    return end;
  }
  let size = 0;
  let index = start;
  while (index < text.length) {
    const unit = text.charCodeAt(index);
    const pair = isHighSurrogate(unit) && index + 1 < text.length && isLowSurrogate(text.charCodeAt(index + 1));
    const bytes = pair ? 4 : unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
    if (size + bytes > maxSize) break;
    size += bytes;
    index += pair ? 2 : 1;
  }
  return index;
}

/** True when cutting at `position` does not split a word (whitespace on one side of the cut). */
function isWordBoundary(text: string, position: number): boolean {
  return WHITESPACE.test(text.charAt(position - 1)) || WHITESPACE.test(text.charAt(position));
}

/**
 * Where to end a chunk that may not go past `limit`: after a paragraph break, else after a line break, found in
 * the second half of the window; else at the last whitespace; else (one word longer than the limit) at the limit.
 */
function cutPosition(text: string, start: number, limit: number): number {
  const middle = start + Math.floor((limit - start) / 2);
  for (const separator of ['\n\n', '\n']) {
    const found = text.lastIndexOf(separator, limit - separator.length);
    if (found >= middle && found + separator.length > start) return found + separator.length;
  }
  for (let position = limit; position > start; position -= 1) {
    if (isWordBoundary(text, position)) return position;
  }
  return limit;
}

/**
 * Splits text into consecutive chunks of at most `maxSize` (counted by `measure`), cutting at paragraph, line or
 * word boundaries, never inside a word unless a single word is longer than `maxSize`. The chunks' texts joined
 * give back the whole text; each chunk knows its start offset.
 */
export function splitText(text: string, maxSize: number, measure: TextMeasure): TextChunk[] {
  if (!Number.isSafeInteger(maxSize) || maxSize < 4) {
    throw new ConfigurationError(`A chunk size must be an integer of 4 or more, got ${maxSize}`);
  }
  const chunks: TextChunk[] = [];
  let start = 0;
  while (start < text.length) {
    const limit = furthestEnd(text, start, maxSize, measure);
    const end = limit >= text.length ? text.length : cutPosition(text, start, limit);
    chunks.push({ start, text: text.slice(start, end) });
    start = end;
  }
  return chunks;
}

/** The beginning of the text that fits in `maxSize`, cut at a word boundary (see splitText). */
export function truncateText(text: string, maxSize: number, measure: TextMeasure): string {
  if (text.length === 0) return text;
  const limit = furthestEnd(text, 0, maxSize, measure);
  return limit >= text.length ? text : text.slice(0, cutPosition(text, 0, limit));
}
