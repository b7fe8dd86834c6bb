/** Small helpers to compare a file head against byte signatures. */

/** True when `head` holds `signature` starting at `offset`. */
export function bytesAt(head: Uint8Array, offset: number, signature: readonly number[]): boolean {
  if (offset < 0 || offset + signature.length > head.length) return false;
  return signature.every((byte, index) => head[offset + index] === byte);
}

/** True when `head` holds the ASCII string `text` starting at `offset`. */
export function asciiAt(head: Uint8Array, offset: number, text: string): boolean {
  return bytesAt(head, offset, asciiBytes(text));
}

/** Offset of the first occurrence of the ASCII string `text` within the first `limit` bytes, or -1. */
export function indexOfAscii(head: Uint8Array, text: string, limit: number): number {
  const needle = asciiBytes(text);
  const last = Math.min(head.length, limit) - needle.length;
  for (let offset = 0; offset <= last; offset += 1) {
    if (bytesAt(head, offset, needle)) return offset;
  }
  return -1;
}

export function readUint32BigEndian(head: Uint8Array, offset: number): number | undefined {
  if (offset < 0 || offset + 4 > head.length) return undefined;
  return new DataView(head.buffer, head.byteOffset + offset, 4).getUint32(0, false);
}

export function readUint32LittleEndian(head: Uint8Array, offset: number): number | undefined {
  if (offset < 0 || offset + 4 > head.length) return undefined;
  return new DataView(head.buffer, head.byteOffset + offset, 4).getUint32(0, true);
}

function asciiBytes(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}
