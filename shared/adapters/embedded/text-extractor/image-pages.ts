import { loadImage, type Image } from '@napi-rs/canvas';
import { InvalidDocumentError, PageLimitExceededError } from '../../../errors.js';
import type { ExtractedPage, ExtractionRequest } from '../../../ports/text-extractor.js';
import { assertImageSizeAcceptable, type ImageFrame } from './image-frame.js';
import { assertJpegComplete, readJpegHeader } from './jpeg-header.js';
import { rasterizeForOcr } from './ocr-raster.js';
import { planOcrScaling } from './ocr-scaling.js';
import type { OcrService } from './ocr-service.js';
import { assertPngIntact, readPngHeader } from './png-header.js';
import { UnreadableImageError } from './tesseract-engine.js';
import { readTiffPages, tiffWithFirstPage } from './tiff-pages.js';

/** One page of an image document: its header facts and a way to decode its pixels. */
interface ImagePage {
  readonly frame: ImageFrame;
  decode(): Promise<Image>;
}

/**
 * OCRs a PNG, JPEG or TIFF, one page at a time (a TIFF may hold several). Sizes are checked from the headers
 * before any pixel is decoded.
 */
export async function* extractImagePages(request: ExtractionRequest, ocr: OcrService): AsyncGenerator<ExtractedPage> {
  const pages = imagePages(request, ocr);
  if (pages.length > request.maxPages) {
    throw new PageLimitExceededError(`Image has ${pages.length} pages, over the limit of ${request.maxPages} (setting DOCPIPE_MAX_PAGES)`);
  }
  pages.forEach((page, index) => assertImageSizeAcceptable(page.frame, pageLabel(request, index, pages.length)));
  for (const [index, page] of pages.entries()) {
    const image = await page.decode();
    const frame = { ...page.frame, width: image.width, height: image.height };
    const scaling = planOcrScaling(frame);
    const result = await ocr.recognize(rasterizeForOcr(image, scaling));
    yield { pageNumber: index + 1, text: result.text, method: 'ocr', confidence: result.confidence };
  }
}

function imagePages(request: ExtractionRequest, ocr: OcrService): ImagePage[] {
  const { bytes, mediaType } = request;
  switch (mediaType) {
    case 'image/png':
      return [{ frame: readPngHeader(bytes), decode: () => decodeImage(bytes, 'PNG image', assertPngIntact) }];
    case 'image/jpeg':
      return [{ frame: readJpegHeader(bytes), decode: () => decodeImage(bytes, 'JPEG image', assertJpegComplete) }];
    case 'image/tiff':
      return readTiffPages(bytes, request.maxPages).map((page, index) => ({
        frame: page,
        decode: () => decodeTiffPage(ocr, tiffWithFirstPage(bytes, page), `TIFF page ${index + 1}`),
      }));
    default:
      throw new InvalidDocumentError(`${mediaType} is not an image type`);
  }
}

/**
 * Decodes PNG or JPEG pixels with the canvas (which also applies a JPEG's EXIF orientation), after checking the
 * file is whole: the canvas decodes a damaged or cut-off file without complaint, filling the gaps.
 */
async function decodeImage(bytes: Uint8Array, label: string, assertIntact?: (bytes: Uint8Array) => void): Promise<Image> {
  assertIntact?.(bytes);
  try {
    return await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new InvalidDocumentError(`${label} is corrupt and cannot be decoded: ${describe(error)}`, { cause: error });
  }
}

/** The canvas reads no TIFF, so Leptonica (inside the OCR engine) decodes the page into PNG first. */
async function decodeTiffPage(ocr: OcrService, singlePageTiff: Uint8Array, label: string): Promise<Image> {
  try {
    return await decodeImage(await ocr.decodeToPng(singlePageTiff), label);
  } catch (error) {
    if (error instanceof UnreadableImageError) {
      throw new InvalidDocumentError(`${label} is corrupt or uses an unsupported compression`, { cause: error });
    }
    throw error;
  }
}

function pageLabel(request: ExtractionRequest, index: number, pageCount: number): string {
  const format = request.mediaType.slice('image/'.length).toUpperCase();
  return pageCount > 1 ? `${format} page ${index + 1}` : `${format} image`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
