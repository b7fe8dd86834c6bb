import type { MediaType } from '../contracts/media-type.js';

/** Where the document is stored, for services that read it themselves (Textract's asynchronous jobs). */
export interface DocumentSource {
  readonly bucket: string;
  readonly key: string;
}

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
  /** The stored object, when the extractor may read it by reference instead of from `bytes`. */
  readonly source?: DocumentSource;
  /** The document's page count when an earlier step already read it (a PDF's text layers), else unknown. */
  readonly pageCount?: number;
}

export type AsyncTextJobResult = { readonly status: 'IN_PROGRESS' } | { readonly status: 'SUCCEEDED'; readonly pages: readonly ExtractedPage[] };

/**
 * Long-running extraction the state machine drives itself (start, then wait and check in a loop), so no stage waits
 * on a job. Textract's asynchronous text detection on AWS; the embedded extractor answers at once and has none.
 */
export interface AsyncTextJobs {
  /** True when this document should go through an asynchronous job (false: `extractPages` answers at once). */
  wantsAsync(request: ExtractionRequest): Promise<boolean>;
  /** Starts a job; the same `idempotencyKey` returns the same job when a start is retried. */
  start(source: DocumentSource, idempotencyKey: string): Promise<string>;
  check(jobId: string, maxPages: number): Promise<AsyncTextJobResult>;
}

/** Port: turns a document's bytes into page texts (Amazon Textract on AWS, text layer + tesseract.js locally). */
export interface TextExtractor {
  /** Yields the pages in order, one at a time, so large documents are never held in memory at once. */
  extractPages(request: ExtractionRequest): AsyncIterable<ExtractedPage>;
  /** Present when the extractor can run asynchronous jobs. */
  readonly asyncJobs?: AsyncTextJobs;
  /** Releases workers (OCR engines) held by the adapter. */
  close(): Promise<void>;
}
