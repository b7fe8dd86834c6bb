import { checkExtractionTask } from '../../stages/check-extraction/check-extraction.js';
import { classifyTask } from '../../stages/classify/classify.js';
import { extractTextTask } from '../../stages/extract-text/extract-text.js';
import { ingestTask } from '../../stages/ingest/ingest.js';
import { recordFailureTask } from '../../stages/record-failure/record-failure.js';
import { redactTask } from '../../stages/redact/redact.js';
import { storeTask } from '../../stages/store/store.js';
import { summariseTask } from '../../stages/summarise/summarise.js';
import type { StageDeps } from './stage-deps.js';
import type { TaskStateName } from './task-names.js';

/** A Task state's function: JSON in, JSON out. */
export type TaskFunction = (input: unknown) => Promise<unknown>;

export { TASK_STATE_NAMES, type TaskStateName } from './task-names.js';

/** The stage functions that run the Task states of statemachine/pipeline.asl.json. */

export function createTaskFunctions(deps: StageDeps): Record<TaskStateName, TaskFunction> {
  const { config } = deps;
  return {
    Ingest: ingestTask({ objects: deps.objects, records: deps.records, log: deps.log, maxBytes: config.maxBytes, now: deps.now }),
    ExtractText: extractTextTask({
      objects: deps.objects,
      textExtractor: deps.textExtractor,
      derivedBucket: config.derivedBucket,
      maxPages: config.maxPages,
      log: deps.log,
      now: deps.now,
    }),
    CheckExtraction: checkExtractionTask({
      objects: deps.objects,
      textExtractor: deps.textExtractor,
      derivedBucket: config.derivedBucket,
      maxPages: config.maxPages,
      maxWaitSeconds: config.extractionMaxWaitSeconds,
      log: deps.log,
      now: deps.now,
    }),
    Classify: classifyTask({ objects: deps.objects, classifier: deps.classifier, maxAnalysisChars: config.maxAnalysisChars, log: deps.log }),
    Redact: redactTask({ objects: deps.objects, piiDetector: deps.piiDetector, derivedBucket: config.derivedBucket, log: deps.log }),
    Summarise: summariseTask({
      objects: deps.objects,
      summariser: deps.summariser,
      piiDetector: deps.piiDetector,
      derivedBucket: config.derivedBucket,
      maxAnalysisChars: config.maxAnalysisChars,
      log: deps.log,
    }),
    Store: storeTask({ objects: deps.objects, records: deps.records, searchIndex: deps.searchIndex, log: deps.log, now: deps.now }),
    RecordFailure: recordFailureTask({ records: deps.records, log: deps.log, now: deps.now }),
  };
}
