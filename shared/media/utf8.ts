/** UTF-8 checks for a file head that may end in the middle of a character. */

export const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Length of a sequence started by `lead`, or 0 when `lead` cannot start one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}

/** Allowed range of the byte after `lead` (excludes overlong forms, surrogates and code points above U+10FFFF). */
function secondByteRange(lead: number): readonly [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/**
 * Number of bytes at the end of `bytes` that form the valid start of a character cut off by the end of the head
 * (0 when the head ends on a character boundary or the tail is not a valid start).
 */
export function truncatedTailLength(bytes: Uint8Array): number {
  const end = bytes.length;
  let start = end - 1;
  while (start >= 0 && start > end - 4 && isContinuation(bytes[start] ?? 0)) start -= 1;
  const lead = bytes[start];
  if (start < 0 || lead === undefined) return 0;
  const expected = sequenceLength(lead);
  const present = end - start;
  if (expected === 0 || present >= expected) return 0;
  const second = bytes[start + 1];
  if (second !== undefined) {
    const [low, high] = secondByteRange(lead);
    if (second < low || second > high) return 0;
  }
  return present;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a head as UTF-8, tolerating one character cut off at the very end. Returns undefined when the bytes are
 * not UTF-8.
 */
export function decodeUtf8Head(bytes: Uint8Array): string | undefined {
  const complete = bytes.subarray(0, bytes.length - truncatedTailLength(bytes));
  try {
    return strictDecoder.decode(complete);
  } catch {
    return undefined;
  }
}
