/** The Task states of statemachine/pipeline.asl.json. */
export const TASK_STATE_NAMES = ['Ingest', 'ExtractText', 'CheckExtraction', 'Classify', 'Redact', 'Summarise', 'Store', 'RecordFailure'] as const;
export type TaskStateName = (typeof TASK_STATE_NAMES)[number];

/** A Task state's function: JSON in, JSON out. */
export type TaskFunction = (input: unknown) => Promise<unknown>;
