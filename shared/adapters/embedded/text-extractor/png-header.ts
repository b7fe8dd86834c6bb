import { constants, crc32, inflateSync } from 'node:zlib';
import { InvalidDocumentError } from '../../../errors.js';
import { parseHeader, plausibleDpi, type ImageFrame } from './image-frame.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const INCHES_PER_METRE = 0.0254;

/** Reads a PNG's size from IHDR and its resolution from pHYs (when present before the image data). */
export function readPngHeader(bytes: Uint8Array): ImageFrame {
  if (!SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    throw new InvalidDocumentError('Document declared as image/png is not a PNG image (bad signature)');
  }
  return parseHeader(bytes, 'PNG', (view) => {
    if (chunkType(view, 8) !== 'IHDR') throw new InvalidDocumentError('PNG image is corrupt: IHDR chunk missing');
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    return { width, height, ...readPhysicalDensity(view) };
  });
}

/** Critical chunks, whose checksum must match (as libpng insists); ancillary ones may be damaged harmlessly. */
const CRITICAL_CHUNKS = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);
/** Compressed bytes inflated to check the image data: at most about 1,000 times as many come out. */
const INFLATE_PROBE_BYTES = 2048;

/**
 * Checks a PNG's structure before its pixels are decoded, which would otherwise fill damaged parts with black and
 * hand OCR an empty page: every chunk complete, critical chunks with matching checksums, image data present and
 * starting as a valid zlib stream, and an IEND chunk at the end.
 */
export function assertPngIntact(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = SIGNATURE.length;
  let imageData: Uint8Array | undefined;
  for (;;) {
    if (offset + 12 > bytes.byteLength) throw truncatedPng();
    const length = view.getUint32(offset);
    const type = chunkType(view, offset);
    const end = offset + 12 + length;
    if (end > bytes.byteLength) throw truncatedPng();
    if (CRITICAL_CHUNKS.has(type) && crc32(bytes.subarray(offset + 4, end - 4)) !== view.getUint32(end - 4)) {
      throw new InvalidDocumentError(`PNG image is corrupt: its ${type} chunk fails its checksum`);
    }
    if (type === 'IDAT' && imageData === undefined) imageData = bytes.subarray(offset + 8, end - 4);
    if (type === 'IEND') break;
    offset = end;
  }
  if (imageData === undefined) throw new InvalidDocumentError('PNG image is corrupt: it holds no image data');
  try {
    inflateSync(imageData.subarray(0, INFLATE_PROBE_BYTES), { finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    throw new InvalidDocumentError('PNG image is corrupt: its compressed image data is damaged', { cause: error });
  }
}

function truncatedPng(): InvalidDocumentError {
  return new InvalidDocumentError('PNG image is truncated: the file ends before its last chunk (an incomplete upload or copy)');
}

function readPhysicalDensity(view: DataView): Pick<ImageFrame, 'xDpi' | 'yDpi'> {
  let offset = 8;
  while (offset + 12 <= view.byteLength) {
    const length = view.getUint32(offset);
    const type = chunkType(view, offset);
    if (type === 'IDAT' || type === 'IEND') break;
    if (type === 'pHYs' && length === 9) {
      const perUnitX = view.getUint32(offset + 8);
      const perUnitY = view.getUint32(offset + 12);
      const unitIsMetre = view.getUint8(offset + 16) === 1;
      if (!unitIsMetre) return {};
      return { xDpi: plausibleDpi(perUnitX * INCHES_PER_METRE), yDpi: plausibleDpi(perUnitY * INCHES_PER_METRE) };
    }
    offset += 12 + length;
  }
  return {};
}

function chunkType(view: DataView, chunkOffset: number): string {
  let type = '';
  for (let index = 4; index < 8; index += 1) type += String.fromCharCode(view.getUint8(chunkOffset + index));
  return type;
}
