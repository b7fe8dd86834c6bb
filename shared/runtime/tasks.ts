import { checkExtractionTask } from '../../stages/check-extraction/check-extraction.js';
import { classifyTask } from '../../stages/classify/classify.js';
import { extractTextTask } from '../../stages/extract-text/extract-text.js';
import { ingestTask } from '../../stages/ingest/ingest.js';
import { recordFailureTask } from '../../stages/record-failure/record-failure.js';
import { redactTask } from '../../stages/redact/redact.js';
import { storeTask } from '../../stages/store/store.js';
import { summariseTask } from '../../stages/summarise/summarise.js';
import { runInFaultScope } from '../faults/fault-scope.js';
import { correlationOf } from './correlation.js';
import type { StageDeps } from './stage-deps.js';
import type { TaskStateName } from './task-names.js';

/** A Task state's function: JSON in, JSON out. */
export type TaskFunction = (input: unknown) => Promise<unknown>;

export { TASK_STATE_NAMES, type TaskStateName } from './task-names.js';

/** The stage functions that run the Task states of statemachine/pipeline.asl.json. */

export function createTaskFunctions(deps: StageDeps): Record<TaskStateName, TaskFunction> {
  const tasks = stageTasks(deps);
  if (!deps.faults.active) return tasks;
  // Under fault injection, each Task state of each upload is a scope that counts the faults it met (fault-scope.ts).
  const scoped = (state: TaskStateName, task: TaskFunction): TaskFunction => async (input) => {
    const ids = correlationOf(input);
    const scope = `${ids.uploadId ?? ids.documentId ?? ids.executionId ?? 'unknown'}/${state}`;
    const output = await runInFaultScope(scope, () => task(input));
    deps.faults.endScope(scope);
    return output;
  };
  return Object.fromEntries(Object.entries(tasks).map(([state, task]) => [state, scoped(state as TaskStateName, task)])) as Record<TaskStateName, TaskFunction>;
}

function stageTasks(deps: StageDeps): Record<TaskStateName, TaskFunction> {
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
