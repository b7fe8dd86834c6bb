/**
 * Counts the pages (image file directories) of a TIFF or BigTIFF file by walking its IFD chain, without decoding
 * any image. Returns undefined when the bytes are not a TIFF with at least one readable directory; stops at a broken or looping link.
 */
export function countTiffPages(bytes: Uint8Array): number | undefined {
  if (bytes.length < 8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0);
  if (order !== 'II' && order !== 'MM') return undefined;
  const little = order === 'II';
  const version = view.getUint16(2, little);
  if (version !== 42 && version !== 43) return undefined;
  const big = version === 43;
  if (big && bytes.length < 16) return undefined;

  const readOffset = (at: number): number =>
    big ? Number(view.getBigUint64(at, little)) : view.getUint32(at, little);
  const countSize = big ? 8 : 2;
  const entrySize = big ? 20 : 12;
  const offsetSize = big ? 8 : 4;

  const seen = new Set<number>();
  let pages = 0;
  let offset = readOffset(big ? 8 : 4);
  while (offset !== 0 && !seen.has(offset) && offset + countSize <= bytes.length) {
    seen.add(offset);
    const entries = big ? Number(view.getBigUint64(offset, little)) : view.getUint16(offset, little);
    const next = offset + countSize + entries * entrySize;
    pages += 1;
    if (next + offsetSize > bytes.length) break;
    offset = readOffset(next);
  }
  return pages === 0 ? undefined : pages;
}
