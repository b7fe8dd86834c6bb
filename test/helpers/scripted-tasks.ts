import type { TaskFunction, TaskStateName } from '../../shared/runtime/tasks.js';

/** Ingest's answer for a new document, as the scripted Task states give it. */
export const claimed = {
  status: 'CLAIMED',
  uploadId: 'u1',
  bucket: 'docpipe-uploads',
  key: 'invoice.pdf',
  receivedAt: '2026-01-01T00:00:00.000Z',
  documentId: 'doc-1',
  contentHash: 'a'.repeat(64),
  mediaType: 'application/pdf',
  size: 10,
};

/** ExtractText's answer: the text is ready. */
export const extraction = { status: 'COMPLETE', text: { bucket: 'd', key: 'extracted/doc-1/pages.json' }, pageCount: 1, characterCount: 5, method: 'text-layer', confidence: 1, ocrPages: 0 };

/**
 * A stand-in for every Task state of statemachine/pipeline.asl.json that answers as the stage would on the success
 * path (or as `overrides` say), and the names of the states called, in order.
 */
export function scriptedTasks(overrides: Partial<Record<TaskStateName, TaskFunction>> = {}): { tasks: Record<TaskStateName, TaskFunction>; calls: string[] } {
  const calls: string[] = [];
  const wrap = (name: TaskStateName, fn: TaskFunction): TaskFunction => async (input) => {
    calls.push(name);
    return fn(input);
  };
  const defaults: Record<TaskStateName, TaskFunction> = {
    Ingest: async () => claimed,
    ExtractText: async () => extraction,
    CheckExtraction: async () => extraction,
    Classify: async () => ({ label: 'invoice', confidence: 0.9, scores: { invoice: 0.9, receipt: 0.1 } }),
    Redact: async () => ({ redactedText: { bucket: 'd', key: 'r' }, piiCounts: {}, entityCount: 0 }),
    Summarise: async () => ({ summary: { bucket: 'd', key: 's' }, sentenceCount: 1 }),
    Store: async () => ({ documentId: 'doc-1', status: 'SUCCEEDED', documentType: 'invoice', indexed: true }),
    RecordFailure: async () => ({ uploadId: 'u1', error: 'x', reason: 'y' }),
  };
  const tasks = Object.fromEntries(
    (Object.keys(defaults) as TaskStateName[]).map((name) => [name, wrap(name, overrides[name] ?? defaults[name])]),
  ) as Record<TaskStateName, TaskFunction>;
  return { tasks, calls };
}
