import { InvalidDocumentError } from '../../../errors.js';
import { parseHeader, plausibleDpi, type ImageFrame } from './image-frame.js';

const START_OF_IMAGE = 0xd8;
const START_OF_SCAN = 0xda;
const END_OF_IMAGE = 0xd9;
const APP0 = 0xe0;
const CENTIMETRES_PER_INCH = 2.54;

/**
 * Reads a JPEG's size from its start-of-frame segment and its resolution from the JFIF header, walking the
 * marker segments without decoding any image data.
 */
export function readJpegHeader(bytes: Uint8Array): ImageFrame {
  if (bytes[0] !== 0xff || bytes[1] !== START_OF_IMAGE) {
    throw new InvalidDocumentError('Document declared as image/jpeg is not a JPEG image (bad signature)');
  }
  return parseHeader(bytes, 'JPEG', (view) => {
    let density: Pick<ImageFrame, 'xDpi' | 'yDpi'> = {};
    for (const { marker, offset } of markerSegments(view)) {
      if (marker === START_OF_SCAN || marker === END_OF_IMAGE) {
        throw new InvalidDocumentError('JPEG image is corrupt: no frame header before the image data');
      }
      if (isStartOfFrame(marker)) {
        return { height: view.getUint16(offset + 3), width: view.getUint16(offset + 5), ...density };
      }
      if (marker === APP0 && isJfif(view, offset + 2)) density = readJfifDensity(view, offset + 2);
    }
    throw new InvalidDocumentError('JPEG image is corrupt: no frame header before the image data');
  });
}

/**
 * Checks that a JPEG's image data is complete: an end-of-image marker follows the first scan. Inside scan data
 * every 0xFF byte is followed by 0x00 or a restart marker, so the first 0xFF 0xD9 after the scan starts is the
 * real end (an EXIF thumbnail's own end marker comes earlier, before the scan). A decoder would fill a cut-off
 * image with grey and hand OCR half a page.
 */
export function assertJpegComplete(bytes: Uint8Array): void {
  const scanStart = parseHeader(bytes, 'JPEG', (view) => {
    for (const { marker, offset } of markerSegments(view)) {
      if (marker === END_OF_IMAGE) throw new InvalidDocumentError('JPEG image is corrupt: it ends before any image data');
      if (marker === START_OF_SCAN) return offset;
    }
    throw new InvalidDocumentError('JPEG image is corrupt: it ends before any image data');
  });
  for (let index = scanStart; index + 1 < bytes.byteLength; index += 1) {
    if (bytes[index] === 0xff && bytes[index + 1] === END_OF_IMAGE) return;
  }
  throw new InvalidDocumentError('JPEG image is truncated: its image data stops part-way (an incomplete upload or copy)');
}

/**
 * Walks a JPEG's marker segments after the start-of-image marker, skipping fill bytes and standalone markers, and
 * yields each marker with the offset of its segment's length field. The walk ends after a start-of-scan or
 * end-of-image marker: what follows them is image data, not segments.
 */
function* markerSegments(view: DataView): Generator<{ readonly marker: number; readonly offset: number }> {
  let offset = 2;
  for (;;) {
    if (view.getUint8(offset) !== 0xff) throw new InvalidDocumentError('JPEG image is corrupt: marker expected');
    while (view.getUint8(offset) === 0xff) offset += 1;
    const marker = view.getUint8(offset);
    offset += 1;
    if (isStandalone(marker)) continue;
    yield { marker, offset };
    if (marker === START_OF_SCAN || marker === END_OF_IMAGE) return;
    const length = view.getUint16(offset);
    if (length < 2) throw new InvalidDocumentError('JPEG image is corrupt: bad segment length');
    offset += length;
  }
}

function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

/** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function isJfif(view: DataView, offset: number): boolean {
  const identifier = [0x4a, 0x46, 0x49, 0x46, 0x00];
  return identifier.every((byte, index) => view.getUint8(offset + index) === byte);
}

/** JFIF: identifier (5), version (2), units (1: per inch, 2: per centimetre), x density (2), y density (2). */
function readJfifDensity(view: DataView, offset: number): Pick<ImageFrame, 'xDpi' | 'yDpi'> {
  const units = view.getUint8(offset + 7);
  const toDpi = units === 1 ? 1 : units === 2 ? CENTIMETRES_PER_INCH : 0;
  if (toDpi === 0) return {};
  return {
    xDpi: plausibleDpi(view.getUint16(offset + 8) * toDpi),
    yDpi: plausibleDpi(view.getUint16(offset + 10) * toDpi),
  };
}
