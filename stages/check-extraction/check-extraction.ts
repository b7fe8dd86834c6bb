import type { ObjectStore } from '../../shared/aws/object-store.js';
import { checkExtractionInputSchema, extractTextOutputSchema, type CheckExtractionInput, type ExtractTextOutput } from '../../shared/contracts/stages.js';
import { defineTask } from '../../shared/contracts/task.js';
import { ExtractionTimedOutError } from '../../shared/errors.js';
import type { Log } from '../../shared/log.js';
import type { TextExtractor } from '../../shared/ports/text-extractor.js';
import { storePages } from '../extract-text/store-pages.js';
import type { StageDeps } from '../../shared/runtime/stage-deps.js';
import type { TaskFunction } from '../../shared/runtime/task-names.js';

export interface CheckExtractionDeps {
  readonly objects: ObjectStore;
  readonly textExtractor: () => Promise<TextExtractor>;
  readonly derivedBucket: string;
  readonly maxPages: number;
  /** How long an asynchronous job may run before the document fails. */
  readonly maxWaitSeconds: number;
  readonly log: Log;
  readonly now: () => Date;
}

/** Checks an asynchronous extraction job: still running (the state machine waits again), or finished and stored. */
export async function checkExtraction(input: CheckExtractionInput, deps: CheckExtractionDeps): Promise<ExtractTextOutput> {
  const { document, job } = input;
  const extractor = await deps.textExtractor();
  if (!extractor.asyncJobs) {
    throw new ExtractionTimedOutError('The configured text extractor runs no asynchronous jobs; the job cannot be checked');
  }
  const result = await extractor.asyncJobs.check(job.jobId, deps.maxPages);
  if (result.status === 'IN_PROGRESS') {
    const waited = (deps.now().getTime() - Date.parse(job.startedAt)) / 1000;
    if (waited > deps.maxWaitSeconds) {
      throw new ExtractionTimedOutError(`Text extraction was still running after ${Math.round(waited)} s (limit ${deps.maxWaitSeconds} s)`);
    }
    return { ...job, checks: job.checks + 1 };
  }
  const extraction = await storePages(document, result.pages, deps);
  deps.log.info('Text extraction job finished', { documentId: document.documentId, pageCount: extraction.pageCount, checks: job.checks + 1 });
  return extraction;
}

export const checkExtractionTask = defineTask(
  'CheckExtraction',
  { input: checkExtractionInputSchema, output: extractTextOutputSchema },
  checkExtraction,
);

/** The CheckExtraction Task state's function on a runtime's dependencies (a Lambda handler's, or the local runtime's). */
export function checkExtractionStage(deps: StageDeps): TaskFunction {
  return checkExtractionTask({
    objects: deps.objects,
    textExtractor: deps.textExtractor,
    derivedBucket: deps.config.derivedBucket,
    maxPages: deps.config.maxPages,
    maxWaitSeconds: deps.config.extractionMaxWaitSeconds,
    log: deps.log,
    now: deps.now,
  });
}
