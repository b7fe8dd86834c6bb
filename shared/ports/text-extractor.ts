import type { MediaType } from '../contracts/media-type.js';

/** How a page's text was obtained. */
export type ExtractionMethod = 'text-layer' | 'ocr' | 'plain-text';

export interface ExtractedPage {
  /** 1-based page number. */
  readonly pageNumber: number;
  readonly text: string;
  readonly method: ExtractionMethod;
  /** Mean confidence in [0, 1]; 1 for a text layer or plain text. */
  readonly confidence: number;
}

export interface ExtractionRequest {
  readonly bytes: Uint8Array;
  readonly mediaType: MediaType;
  /** Stop with a PageLimitExceededError when the document has more pages than this. */
  readonly maxPages: number;
}

/** Port: turns a document's bytes into page texts (Amazon Textract on AWS, text layer + tesseract.js locally). */
export interface TextExtractor {
  /** Yields the pages in order, one at a time, so large documents are never held in memory at once. */
  extractPages(request: ExtractionRequest): AsyncIterable<ExtractedPage>;
  /** Releases workers (OCR engines) held by the adapter. */
  close(): Promise<void>;
}
