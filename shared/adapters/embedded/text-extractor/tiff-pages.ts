import { InvalidDocumentError, PageLimitExceededError } from '../../../errors.js';
import { parseHeader, plausibleDpi, type ImageFrame } from './image-frame.js';

/** One page of a TIFF: its header facts and where its image file directory (IFD) starts. */
export interface TiffPage extends ImageFrame {
  readonly directoryOffset: number;
}

const TAG_NEW_SUBFILE_TYPE = 254;
const TAG_IMAGE_WIDTH = 256;
const TAG_IMAGE_LENGTH = 257;
const TAG_X_RESOLUTION = 282;
const TAG_Y_RESOLUTION = 283;
const TAG_RESOLUTION_UNIT = 296;
const TYPE_SHORT = 3;
const TYPE_LONG = 4;
const REDUCED_RESOLUTION_BIT = 1;
const UNIT_CENTIMETRE = 3;
const CENTIMETRES_PER_INCH = 2.54;

/**
 * Lists the pages of a classic TIFF by walking its chain of image file directories. Reduced-resolution
 * copies (thumbnails) are skipped. More than `maxPages` pages is a PageLimitExceededError, raised as soon as
 * the chain shows it.
 */
export function readTiffPages(bytes: Uint8Array, maxPages: number): TiffPage[] {
  return parseHeader(bytes, 'TIFF', (view) => {
    const littleEndian = byteOrder(view);
    const magic = view.getUint16(2, littleEndian);
    if (magic === 43) {
      throw new InvalidDocumentError('BigTIFF images are not supported; save the image as classic TIFF');
    }
    if (magic !== 42) {
      throw new InvalidDocumentError('Document declared as image/tiff is not a TIFF image (bad magic number)');
    }
    const pages: TiffPage[] = [];
    const visited = new Set<number>();
    let offset = view.getUint32(4, littleEndian);
    while (offset !== 0) {
      if (visited.has(offset)) throw new InvalidDocumentError('TIFF image is corrupt: its page directories loop');
      visited.add(offset);
      const page = readDirectory(view, offset, littleEndian);
      if (!page.reducedResolution) {
        pages.push(page.frame);
        if (pages.length > maxPages) {
          throw new PageLimitExceededError(`TIFF image has more than ${maxPages} pages, over the limit of ${maxPages} (setting DOCPIPE_MAX_PAGES)`);
        }
      }
      offset = page.next;
    }
    if (pages.length === 0) throw new InvalidDocumentError('TIFF image has no pages');
    return pages;
  });
}

/**
 * The same file with the given page's directory made the first one. TIFF offsets are absolute, so pointing the
 * header at another directory is all it takes for a single-page reader (Leptonica) to read that page.
 */
export function tiffWithFirstPage(bytes: Uint8Array, page: TiffPage): Uint8Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  view.setUint32(4, page.directoryOffset, byteOrder(view));
  return copy;
}

function byteOrder(view: DataView): boolean {
  const order = view.getUint16(0);
  if (order === 0x4949) return true;
  if (order === 0x4d4d) return false;
  throw new InvalidDocumentError('Document declared as image/tiff is not a TIFF image (bad byte order mark)');
}

interface Directory {
  readonly frame: TiffPage;
  readonly reducedResolution: boolean;
  readonly next: number;
}

function readDirectory(view: DataView, offset: number, littleEndian: boolean): Directory {
  const entries = view.getUint16(offset, littleEndian);
  let width = 0;
  let height = 0;
  let subfileType = 0;
  let xResolution: number | undefined;
  let yResolution: number | undefined;
  let unit = 2;
  for (let index = 0; index < entries; index += 1) {
    const entry = offset + 2 + index * 12;
    const tag = view.getUint16(entry, littleEndian);
    const type = view.getUint16(entry + 2, littleEndian);
    if (tag === TAG_IMAGE_WIDTH) width = readInteger(view, entry, type, littleEndian);
    else if (tag === TAG_IMAGE_LENGTH) height = readInteger(view, entry, type, littleEndian);
    else if (tag === TAG_NEW_SUBFILE_TYPE) subfileType = readInteger(view, entry, type, littleEndian);
    else if (tag === TAG_X_RESOLUTION) xResolution = readRational(view, entry, littleEndian);
    else if (tag === TAG_Y_RESOLUTION) yResolution = readRational(view, entry, littleEndian);
    else if (tag === TAG_RESOLUTION_UNIT) unit = readInteger(view, entry, type, littleEndian);
  }
  const next = view.getUint32(offset + 2 + entries * 12, littleEndian);
  const toDpi = unit === UNIT_CENTIMETRE ? CENTIMETRES_PER_INCH : unit === 2 ? 1 : 0;
  const frame: TiffPage = {
    directoryOffset: offset,
    width,
    height,
    xDpi: xResolution === undefined ? undefined : plausibleDpi(xResolution * toDpi),
    yDpi: yResolution === undefined ? undefined : plausibleDpi(yResolution * toDpi),
  };
  return { frame, reducedResolution: (subfileType & REDUCED_RESOLUTION_BIT) !== 0, next };
}

/** A SHORT or LONG value stored in the entry itself. */
function readInteger(view: DataView, entry: number, type: number, littleEndian: boolean): number {
  if (type === TYPE_SHORT) return view.getUint16(entry + 8, littleEndian);
  if (type === TYPE_LONG) return view.getUint32(entry + 8, littleEndian);
  throw new InvalidDocumentError(`TIFF image is corrupt: unexpected field type ${type}`);
}

/** A RATIONAL value: numerator and denominator stored at the offset the entry holds. */
function readRational(view: DataView, entry: number, littleEndian: boolean): number | undefined {
  const valueOffset = view.getUint32(entry + 8, littleEndian);
  const numerator = view.getUint32(valueOffset, littleEndian);
  const denominator = view.getUint32(valueOffset + 4, littleEndian);
  return denominator === 0 ? undefined : numerator / denominator;
}
