import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InvalidDocumentError, PageLimitExceededError } from '../../../errors.js';
import type { ExtractedPage } from '../../../ports/text-extractor.js';
import type { OcrService } from './ocr-service.js';
import { openPdf } from './pdf-document.js';
import { renderPageForOcr } from './pdf-page-image.js';
import { textFromTextItems, type PositionedText } from './pdf-text-layer.js';
import { isUsableTextLayer, letterCount } from './text-layer-quality.js';

type TextContentItem = Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number];
/** A text run, as opposed to a marked-content boundary. */
type TextRun = Extract<TextContentItem, { str: string }>;

export interface PdfExtractionOptions {
  readonly maxPages: number;
  /** A text layer with fewer letters than this is not trusted: the page is OCRed. */
  readonly minTextLayerLetters: number;
}

/**
 * Yields a PDF's pages in order, one at a time: the text layer where it is usable, OCR of the rendered page
 * where it is not. Each page's resources are released before the next is read, and the document is destroyed
 * when iteration ends, early or not.
 */
export async function* extractPdfPages(
  bytes: Uint8Array,
  options: PdfExtractionOptions,
  ocr: OcrService,
): AsyncGenerator<ExtractedPage> {
  const pdf = await openPdf(bytes);
  try {
    const pageCount = checkedPageCount(pdf.document, options.maxPages);
    for (let pageNumber = 1; pageNumber <= pageCount; pageNumber += 1) {
      yield await extractPage(pdf.document, pageNumber, options, ocr);
    }
  } finally {
    await pdf.close();
  }
}

/**
 * Reads only the text layers of a PDF, without OCR: the pages, and whether every page had a usable one. Lets a
 * paid OCR service (Textract) be skipped for born-digital PDFs.
 */
export async function readPdfTextLayers(
  bytes: Uint8Array,
  options: PdfExtractionOptions,
): Promise<{ readonly pages: ExtractedPage[]; readonly complete: boolean; readonly pageCount: number }> {
  const pdf = await openPdf(bytes);
  try {
    const pageCount = checkedPageCount(pdf.document, options.maxPages);
    const pages: ExtractedPage[] = [];
    for (let pageNumber = 1; pageNumber <= pageCount; pageNumber += 1) {
      const page = await loadPage(pdf.document, pageNumber);
      try {
        const text = await textLayer(page, pageNumber);
        if (!isUsableTextLayer(text, options.minTextLayerLetters)) return { pages, complete: false, pageCount };
        pages.push({ pageNumber, text, method: 'text-layer', confidence: 1 });
      } finally {
        page.cleanup();
      }
    }
    return { pages, complete: true, pageCount };
  } finally {
    await pdf.close();
  }
}

/** The document's page count, once it is known to be within the limit. */
function checkedPageCount(document: PDFDocumentProxy, maxPages: number): number {
  const pageCount = document.numPages;
  if (pageCount === 0) throw new InvalidDocumentError('PDF has no pages');
  if (pageCount > maxPages) throw new PageLimitExceededError(`PDF has ${pageCount} pages, over the limit of ${maxPages} (setting DOCPIPE_MAX_PAGES)`);
  return pageCount;
}

async function extractPage(
  document: PDFDocumentProxy,
  pageNumber: number,
  options: PdfExtractionOptions,
  ocr: OcrService,
): Promise<ExtractedPage> {
  const page = await loadPage(document, pageNumber);
  try {
    const layerText = await textLayer(page, pageNumber);
    if (isUsableTextLayer(layerText, options.minTextLayerLetters)) {
      return { pageNumber, text: layerText, method: 'text-layer', confidence: 1 };
    }
    const rendered = await renderPageForOcr(document, page).catch((error: unknown) => {
      throw new InvalidDocumentError(`PDF page ${pageNumber} cannot be rendered: ${describe(error)}`, { cause: error });
    });
    const recognised = await ocr.recognize(rendered);
    // A sparse but genuine text layer (a short note) beats OCR that found even less.
    if (letterCount(recognised.text) < letterCount(layerText) && isUsableTextLayer(layerText, 1)) {
      return { pageNumber, text: layerText, method: 'text-layer', confidence: 1 };
    }
    return { pageNumber, text: recognised.text, method: 'ocr', confidence: recognised.confidence };
  } finally {
    page.cleanup();
  }
}

async function loadPage(document: PDFDocumentProxy, pageNumber: number): Promise<PDFPageProxy> {
  try {
    return await document.getPage(pageNumber);
  } catch (error) {
    throw new InvalidDocumentError(`PDF page ${pageNumber} cannot be read: ${describe(error)}`, { cause: error });
  }
}

async function textLayer(page: PDFPageProxy, pageNumber: number): Promise<string> {
  try {
    const content = await page.getTextContent();
    const runs: PositionedText[] = content.items.filter((item): item is TextRun => 'str' in item);
    return textFromTextItems(runs);
  } catch (error) {
    throw new InvalidDocumentError(`PDF page ${pageNumber} has an unreadable text layer: ${describe(error)}`, {
      cause: error,
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
