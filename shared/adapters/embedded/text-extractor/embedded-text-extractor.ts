import type { ExtractedPage, ExtractionRequest, TextExtractor } from '../../../ports/text-extractor.js';
import { extractImagePages } from './image-pages.js';
import { OcrService, type OcrPassCount } from './ocr-service.js';
import { extractPdfPages } from './pdf-pages.js';
import { plainTextPages } from './plain-text-pages.js';

export interface EmbeddedTextExtractorOptions {
  /**
   * Pages (from one document or several extracted at once) that may be recognised in parallel. Each page is read
   * by `ocrPasses` OCR passes at once, each on an engine (worker thread) of its own holding an English model, so
   * this starts up to `ocrPasses` times as many engines.
   * @default 1
   */
  readonly ocrWorkers?: number;
  /**
   * OCR passes over each page, merged: 3 (all of OCR_PASSES), 2 (the first two: less CPU, fewer words right) or 1
   * (the primary pass alone: about a third of the CPU), see ocr-settings.ts for what each reads.
   * @default 3
   */
  readonly ocrPasses?: OcrPassCount;
  /**
   * A PDF page whose text layer has fewer letters than this (or is mostly junk) is OCRed instead.
   * @default 20
   */
  readonly minTextLayerChars?: number;
}

const DEFAULT_OCR_WORKERS = 1;
const DEFAULT_OCR_PASSES = 3;
const DEFAULT_MIN_TEXT_LAYER_CHARS = 20;

/**
 * Text extraction without any cloud service: plain text as is, PDF text layers through pdf.js, and scans
 * (images, and PDF pages without usable text) through tesseract.js with the bundled English model.
 */
export class EmbeddedTextExtractor implements TextExtractor {
  readonly #ocr: OcrService;
  readonly #minTextLayerChars: number;

  constructor(options: EmbeddedTextExtractorOptions = {}) {
    const ocrWorkers = options.ocrWorkers ?? DEFAULT_OCR_WORKERS;
    const minTextLayerChars = options.minTextLayerChars ?? DEFAULT_MIN_TEXT_LAYER_CHARS;
    if (!Number.isInteger(ocrWorkers) || ocrWorkers < 1) {
      throw new RangeError(`ocrWorkers must be a positive integer, got ${ocrWorkers}`);
    }
    if (!Number.isInteger(minTextLayerChars) || minTextLayerChars < 0) {
      throw new RangeError(`minTextLayerChars must be a non-negative integer, got ${minTextLayerChars}`);
    }
    const ocrPasses = options.ocrPasses ?? DEFAULT_OCR_PASSES;
    if (ocrPasses !== 1 && ocrPasses !== 2 && ocrPasses !== 3) {
      throw new RangeError(`ocrPasses must be 1, 2 or 3, got ${String(ocrPasses)}`);
    }
    this.#ocr = new OcrService(ocrWorkers, ocrPasses);
    this.#minTextLayerChars = minTextLayerChars;
  }

  async *extractPages(request: ExtractionRequest): AsyncGenerator<ExtractedPage> {
    switch (request.mediaType) {
      case 'text/plain':
        yield* plainTextPages(request.bytes, request.maxPages);
        return;
      case 'application/pdf':
        yield* extractPdfPages(
          request.bytes,
          { maxPages: request.maxPages, minTextLayerLetters: this.#minTextLayerChars },
          this.#ocr,
        );
        return;
      case 'image/png':
      case 'image/jpeg':
      case 'image/tiff':
        yield* extractImagePages(request, this.#ocr);
        return;
    }
  }

  /** Terminates the OCR engines; the extractor starts new ones if it is used again. */
  close(): Promise<void> {
    return this.#ocr.close();
  }
}

/** Builds the embedded TextExtractor (the default adapter when running on one machine). */
export function createEmbeddedTextExtractor(options: EmbeddedTextExtractorOptions = {}): EmbeddedTextExtractor {
  return new EmbeddedTextExtractor(options);
}
