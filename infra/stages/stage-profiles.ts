import type { TaskStateName } from '../../shared/runtime/task-names.js';

/** The ports (shared/ports) whose adapter a stage may call. Each one decides a stage's bundle, settings and grants. */
export const PORTS = ['textExtractor', 'classifier', 'piiDetector', 'summariser', 'searchIndex'] as const;
export type Port = (typeof PORTS)[number];

/** What a stage does with one bucket. */
export type BucketAccess = 'read' | 'write' | 'read-write';

/** What one stage touches: the least it needs, so its role is granted exactly that. */
export interface StageProfile {
  /** The upload bucket (objects people drop in). @default - no access */
  readonly uploads?: BucketAccess;
  /** The derived-text bucket (page texts, redacted text, summaries). @default - no access */
  readonly derived?: BucketAccess;
  /** Reads and writes the records table. @default false */
  readonly records?: boolean;
  /** The ports whose adapters the stage calls (see shared/runtime/tasks.ts). */
  readonly ports: readonly Port[];
  /** Memory in MB. */
  readonly memorySize: number;
  /** Lambda timeout in seconds; must stay below the Task state's TimeoutSeconds in the definition. */
  readonly timeoutSeconds: number;
}

/**
 * One profile per Task state of statemachine/pipeline.asl.json, read off shared/runtime/tasks.ts. The stage list itself
 * comes from TASK_STATE_NAMES: a new Task state gets its function, definition substitution, alarms and dashboard
 * widgets automatically, and TypeScript asks for its profile here (what it may touch is a decision, not a default).
 */
export const STAGE_PROFILES: Readonly<Record<TaskStateName, StageProfile>> = {
  Ingest: { uploads: 'read', records: true, ports: [], memorySize: 512, timeoutSeconds: 100 },
  ExtractText: { uploads: 'read', derived: 'write', ports: ['textExtractor'], memorySize: 1024, timeoutSeconds: 300 },
  CheckExtraction: { derived: 'write', ports: ['textExtractor'], memorySize: 1024, timeoutSeconds: 240 },
  Classify: { derived: 'read', ports: ['classifier'], memorySize: 1024, timeoutSeconds: 120 },
  Redact: { derived: 'read-write', ports: ['piiDetector'], memorySize: 512, timeoutSeconds: 240 },
  Summarise: { derived: 'read-write', ports: ['summariser', 'piiDetector'], memorySize: 512, timeoutSeconds: 240 },
  Store: { derived: 'read', records: true, ports: ['searchIndex'], memorySize: 512, timeoutSeconds: 100 },
  RecordFailure: { records: true, ports: [], memorySize: 256, timeoutSeconds: 45 },
};
