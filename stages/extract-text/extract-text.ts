import type { ObjectStore } from '../../shared/aws/object-store.js';
import { extractInputSchema, extractTextOutputSchema, type ExtractInput, type ExtractTextOutput } from '../../shared/contracts/stages.js';
import { defineTask } from '../../shared/contracts/task.js';
import type { Log } from '../../shared/log.js';
import type { ExtractionRequest, TextExtractor } from '../../shared/ports/text-extractor.js';
import { storePages } from './store-pages.js';
import type { StageDeps } from '../../shared/runtime/stage-deps.js';
import type { TaskFunction } from '../../shared/runtime/task-names.js';

export interface ExtractTextDeps {
  readonly objects: ObjectStore;
  readonly textExtractor: () => Promise<TextExtractor>;
  readonly derivedBucket: string;
  readonly maxPages: number;
  readonly log: Log;
  readonly now: () => Date;
}

/** Seconds the state machine waits between checks of an asynchronous job. */
export const ASYNC_CHECK_SECONDS = 5;

/**
 * Extracts the text of every page and writes the pages to the derived bucket, returning only a reference. Documents
 * the extractor runs as an asynchronous job (Textract for PDFs on AWS) are started here and finished by
 * CheckExtraction after the state machine's wait.
 */
export async function extractText(input: ExtractInput, deps: ExtractTextDeps): Promise<ExtractTextOutput> {
  const { document } = input;
  const started = Date.now();
  const extractor = await deps.textExtractor();
  const request: ExtractionRequest = {
    bytes: await deps.objects.read({ bucket: document.bucket, key: document.key }),
    mediaType: document.mediaType,
    maxPages: deps.maxPages,
    source: { bucket: document.bucket, key: document.key },
  };

  const jobs = extractor.asyncJobs;
  if (jobs && (await jobs.wantsAsync(request))) {
    const jobId = await jobs.start({ bucket: document.bucket, key: document.key }, document.documentId);
    deps.log.info('Text extraction job started', { documentId: document.documentId, jobId });
    return { status: 'IN_PROGRESS', jobId, waitSeconds: ASYNC_CHECK_SECONDS, startedAt: deps.now().toISOString(), checks: 0 };
  }

  // Pages are read, extracted and handed over one at a time; only their text is kept.
  const extraction = await storePages(document, extractor.extractPages(request), deps);
  deps.log.info('Text extracted', {
    documentId: document.documentId,
    pageCount: extraction.pageCount,
    ocrPages: extraction.ocrPages,
    characterCount: extraction.characterCount,
    ms: Date.now() - started,
  });
  return extraction;
}

export const extractTextTask = defineTask('ExtractText', { input: extractInputSchema, output: extractTextOutputSchema }, extractText);

/** The ExtractText Task state's function on a runtime's dependencies (a Lambda handler's, or the local runtime's). */
export function extractTextStage(deps: StageDeps): TaskFunction {
  return extractTextTask({
    objects: deps.objects,
    textExtractor: deps.textExtractor,
    derivedBucket: deps.config.derivedBucket,
    maxPages: deps.config.maxPages,
    log: deps.log,
    now: deps.now,
  });
}
