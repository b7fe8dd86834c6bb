import { setTimeout as delay } from 'node:timers/promises';
import { DetectDocumentTextCommand, type DetectDocumentTextCommandOutput, type TextractClient } from '@aws-sdk/client-textract';
import { InvalidDocumentError, PageLimitExceededError, TransientError } from '../../errors.js';
import type { AsyncTextJobs, ExtractedPage, ExtractionRequest, TextExtractor } from '../../ports/text-extractor.js';
import { getTextDetectionPages, startTextDetection, type TextractSource } from './textract-async.js';
import { pagesFromBlocks } from './textract-blocks.js';
import { textractError } from './textract-errors.js';
import { countTiffPages } from './tiff-page-count.js';

/** Largest document Textract reads from request bytes (DetectDocumentText). */
export const TEXTRACT_SYNC_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The port's request, plus where the document is in S3. With `source`, PDFs and multi-page TIFFs are read by an
 * asynchronous Textract job (any page count up to the limit); without it, only through DetectDocumentText, which
 * reads one page.
 */
export interface TextractExtractionRequest extends ExtractionRequest {
  readonly source?: TextractSource;
}

export interface TextractTextExtractorOptions {
  readonly client: TextractClient;
  /**
   * Wait between two status checks of an asynchronous job.
   * @default 5000
   */
  readonly pollIntervalMs?: number;
  /**
   * Longest wait for an asynchronous job; after it, a TransientError (the state machine retries).
   * @default 600000 (10 minutes)
   */
  readonly maxWaitMs?: number;
  /** How to wait (tests pass one that returns at once). */
  readonly sleep?: (ms: number) => Promise<void>;
}

type ExtractionPath = { readonly kind: 'plain-text' | 'sync' } | { readonly kind: 'async'; readonly source: TextractSource };

/**
 * TextExtractor on Amazon Textract. Images (PNG, JPEG, single-page TIFF) up to 10 MB go to DetectDocumentText
 * with their bytes; PDFs and multi-page TIFFs with an S3 `source` go to StartDocumentTextDetection, polled until
 * done (the state machine may instead drive that path itself with startTextDetection / getTextDetectionPages).
 * A PDF known to have one page (`pageCount`), or without a source, is sent as bytes, which Textract accepts for a
 * single page only. Plain text is decoded.
 */
export class TextractTextExtractor implements TextExtractor {
  private readonly client: TextractClient;
  private readonly pollIntervalMs: number;
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: TextractTextExtractorOptions) {
    this.client = options.client;
    this.pollIntervalMs = options.pollIntervalMs ?? 5000;
    this.maxWaitMs = options.maxWaitMs ?? 600_000;
    this.sleep = options.sleep ?? ((ms) => delay(ms));
  }

  async *extractPages(request: TextractExtractionRequest): AsyncIterable<ExtractedPage> {
    const path = this.choosePath(request);
    switch (path.kind) {
      case 'plain-text':
        yield { pageNumber: 1, text: new TextDecoder('utf-8').decode(request.bytes), method: 'plain-text', confidence: 1 };
        return;
      case 'sync':
        yield* await this.detectSync(request.bytes);
        return;
      case 'async':
        yield* await this.detectAsync(path.source, request.maxPages);
        return;
    }
  }

  /** The state machine's start / wait / check loop for PDFs and multi-page TIFFs (no stage waits on the job). */
  readonly asyncJobs: AsyncTextJobs = {
    wantsAsync: async (request) => request.source !== undefined && this.choosePath(request).kind === 'async',
    start: (source, idempotencyKey) =>
      startTextDetection(this.client, source, { clientRequestToken: idempotencyKey.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64) }),
    check: (jobId, maxPages) => getTextDetectionPages(this.client, jobId, { maxPages }),
  };

  async close(): Promise<void> {
    // Nothing held: the SDK client is shared and owned by the caller.
  }

  private choosePath(request: TextractExtractionRequest): ExtractionPath {
    const { mediaType, bytes, source, maxPages } = request;
    if (mediaType === 'text/plain') return { kind: 'plain-text' };
    const tiffPages = mediaType === 'image/tiff' ? (countTiffPages(bytes) ?? 1) : 1;
    if (tiffPages > maxPages) {
      throw new PageLimitExceededError(`The document has ${tiffPages} pages, more than the limit of ${maxPages}`);
    }
    // A PDF known to have one page is read synchronously (DetectDocumentText takes single-page PDFs up to 10 MB): no
    // job to start and poll, so three fewer state transitions and no waiting between checks.
    const onePagePdf = mediaType === 'application/pdf' && request.pageCount === 1 && bytes.byteLength <= TEXTRACT_SYNC_MAX_BYTES;
    const multiPage = (mediaType === 'application/pdf' && !onePagePdf) || tiffPages > 1;
    if (multiPage && source !== undefined) return { kind: 'async', source };
    if (tiffPages > 1) {
      throw new InvalidDocumentError(
        `A TIFF of ${tiffPages} pages needs Textract's asynchronous path, which reads the document from S3, and no S3 source was given`,
      );
    }
    if (bytes.byteLength > TEXTRACT_SYNC_MAX_BYTES) {
      throw new InvalidDocumentError(
        `The document is ${bytes.byteLength} bytes, more than the ${TEXTRACT_SYNC_MAX_BYTES} bytes Textract reads in one request`,
      );
    }
    return { kind: 'sync' };
  }

  private async detectSync(bytes: Uint8Array): Promise<ExtractedPage[]> {
    let response: DetectDocumentTextCommandOutput;
    try {
      response = await this.client.send(new DetectDocumentTextCommand({ Document: { Bytes: bytes } }));
    } catch (error) {
      throw textractError(error, 'Textract DetectDocumentText');
    }
    return pagesFromBlocks(response.Blocks ?? [], response.DocumentMetadata?.Pages);
  }

  private async detectAsync(source: TextractSource, maxPages: number): Promise<ExtractedPage[]> {
    const jobId = await startTextDetection(this.client, source);
    let waited = 0;
    for (;;) {
      const result = await getTextDetectionPages(this.client, jobId, { maxPages });
      if (result.status === 'SUCCEEDED') return result.pages;
      if (waited + this.pollIntervalMs > this.maxWaitMs) {
        throw new TransientError(`Textract job ${jobId} was still running after ${this.maxWaitMs} ms`);
      }
      await this.sleep(this.pollIntervalMs);
      waited += this.pollIntervalMs;
    }
  }
}
