import { recordFailureInputSchema, recordFailureOutputSchema, type RecordFailureInput, type RecordFailureOutput } from '../../shared/contracts/stages.js';
import { defineTask } from '../../shared/contracts/task.js';
import type { Log } from '../../shared/log.js';
import { uploadIdFor, type RecordStore } from '../../shared/records/records.js';
import { failureReason } from './failure-reason.js';
import type { StageDeps } from '../../shared/runtime/stage-deps.js';
import type { TaskFunction } from '../../shared/runtime/task-names.js';

export interface RecordFailureDeps {
  readonly records: RecordStore;
  readonly log: Log;
  readonly now: () => Date;
}

/**
 * Records why an execution failed, on the upload and (when one was claimed) on the document, so every uploaded object
 * ends with a record that says what happened to it. It works from the original event alone when Ingest never ran.
 */
export async function recordFailure(input: RecordFailureInput, deps: RecordFailureDeps): Promise<RecordFailureOutput> {
  const { state, executionId } = input;
  const bucket = state.detail.bucket.name;
  const key = state.detail.object.key;
  const uploadId = uploadIdFor(state.time, state.id);
  const reason = failureReason(state.error);
  const now = deps.now().toISOString();
  const documentId = state.document?.status === 'CLAIMED' ? state.document.documentId : undefined;

  if (documentId) {
    await deps.records.updateDocument(documentId, {
      status: 'FAILED',
      error: state.error.Error,
      reason,
      failedAt: now,
      updatedAt: now,
    });
  }
  const existing = (await deps.records.uploadsOf(bucket, key)).find((upload) => upload.uploadId === uploadId);
  // Ingest records the upload only once it has read it: an object it refused has only the size its event gave.
  const size = existing?.size ?? state.detail.object.size;
  await deps.records.putUpload({
    uploadId,
    bucket,
    key,
    executionId,
    receivedAt: existing?.receivedAt ?? now,
    ...(size === undefined ? {} : { size }),
    status: 'FAILED',
    updatedAt: now,
    error: state.error.Error,
    reason,
    ...(documentId ? { documentId } : {}),
  });
  deps.log.warn('Document failed', { uploadId, documentId, error: state.error.Error });
  return { uploadId, error: state.error.Error, reason, ...(documentId ? { documentId } : {}) };
}

export const recordFailureTask = defineTask(
  'RecordFailure',
  { input: recordFailureInputSchema, output: recordFailureOutputSchema },
  recordFailure,
);

/** The RecordFailure Task state's function on a runtime's dependencies (a Lambda handler's, or the local runtime's). */
export function recordFailureStage(deps: StageDeps): TaskFunction {
  return recordFailureTask({ records: deps.records, log: deps.log, now: deps.now });
}
