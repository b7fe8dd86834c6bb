import { checkExtractionStage } from '../../stages/check-extraction/check-extraction.js';
import { classifyStage } from '../../stages/classify/classify.js';
import { extractTextStage } from '../../stages/extract-text/extract-text.js';
import { ingestStage } from '../../stages/ingest/ingest.js';
import { recordFailureStage } from '../../stages/record-failure/record-failure.js';
import { redactStage } from '../../stages/redact/redact.js';
import { storeStage } from '../../stages/store/store.js';
import { summariseStage } from '../../stages/summarise/summarise.js';
import { withFaultScope } from './fault-scoped-task.js';
import type { StageDeps } from './stage-deps.js';
import type { TaskFunction, TaskStateName } from './task-names.js';

export { TASK_STATE_NAMES, type TaskFunction, type TaskStateName } from './task-names.js';

/**
 * Every stage's function on the runtime's dependencies. A runtime that runs all Task states in one process (the local
 * runtime) takes them all from here; a Lambda handler imports only its own stage's (stages/<stage>/handler.ts), so its
 * bundle holds no other stage's code.
 */
export const STAGES: Readonly<Record<TaskStateName, (deps: StageDeps) => TaskFunction>> = {
  Ingest: ingestStage,
  ExtractText: extractTextStage,
  CheckExtraction: checkExtractionStage,
  Classify: classifyStage,
  Redact: redactStage,
  Summarise: summariseStage,
  Store: storeStage,
  RecordFailure: recordFailureStage,
};

/** The stage functions that run the Task states of statemachine/pipeline.asl.json. */
export function createTaskFunctions(deps: StageDeps): Record<TaskStateName, TaskFunction> {
  return Object.fromEntries(
    Object.entries(STAGES).map(([state, stage]) => [state, withFaultScope(state as TaskStateName, stage(deps), deps)]),
  ) as Record<TaskStateName, TaskFunction>;
}
