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
