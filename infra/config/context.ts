import { ConfigurationError } from '../../shared/errors.js';
import type { PowertoolsLogLevel } from '../constructs/stage-function.js';
import type { DocpipeStackProps } from '../docpipe-stack.js';

/** The stack settings a context value can set. */
export type ContextSettings = Pick<
  DocpipeStackProps,
  | 'bedrockModelId'
  | 'uploadPrefix'
  | 'classifierEndpointArn'
  | 'alarmEmail'
  | 'textractConcurrency'
  | 'logLevel'
  | 'searchCollectionName'
  | 'searchStandbyReplicas'
>;

export interface DocpipeSettings {
  /** @default 'Docpipe' */
  readonly stackName: string;
  readonly stack: ContextSettings;
}

/**
 * The context keys (`npx cdk deploy -c uploadPrefix=incoming/`, or `context` in cdk.json), each with what it sets.
 * Every one is optional.
 */
export const CONTEXT_KEYS = {
  stackName: 'Stack name (default Docpipe).',
  bedrockModelId: 'Bedrock model or cross-Region inference profile id (default us.amazon.nova-lite-v1:0).',
  uploadPrefix: 'Only uploads under this key prefix start the pipeline (default: every upload).',
  classifierEndpointArn: 'Comprehend custom classifier endpoint ARN (default: the embedded classifier).',
  alarmEmail: 'Email address subscribed to the alarm topic.',
  textractConcurrency: 'Concurrency reserved for each stage calling Textract (default 5).',
  logLevel: 'POWERTOOLS_LOG_LEVEL of the stages: DEBUG, INFO, WARN or ERROR (default INFO).',
  searchCollectionName: 'OpenSearch Serverless collection name (default docpipe).',
  searchStandbyReplicas: 'true or false: standby replicas for the collection (default true).',
} as const;

type Read = (key: string) => unknown;

function problem(key: string, expected: string, value: unknown): ConfigurationError {
  return new ConfigurationError(`Context value ${key} must be ${expected} (got ${JSON.stringify(value)})`);
}

/** A string value, trimmed; unset when absent or blank. `verbatim` keeps it as given (a key prefix may be ''). */
function text(read: Read, key: string, verbatim = false): string | undefined {
  const value = read(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw problem(key, 'a string', value);
  if (verbatim) return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function wholeNumber(read: Read, key: string): number | undefined {
  const value = read(key);
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof parsed !== 'number' || !Number.isInteger(parsed)) throw problem(key, 'a whole number', value);
  return parsed;
}

function flag(read: Read, key: string): boolean | undefined {
  const value = read(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw problem(key, 'true or false', value);
}

function logLevel(read: Read, key: string): PowertoolsLogLevel | undefined {
  const value = text(read, key)?.toUpperCase();
  if (value === undefined) return undefined;
  if (value === 'DEBUG' || value === 'INFO' || value === 'WARN' || value === 'ERROR') return value;
  throw problem(key, 'DEBUG, INFO, WARN or ERROR', value);
}

/** Reads the stack settings from context values (strings from `-c key=value`, or JSON values from cdk.json). */
export function readDocpipeContext(read: Read): DocpipeSettings {
  const stackName = text(read, 'stackName') ?? 'Docpipe';
  if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(stackName)) throw problem('stackName', 'a CloudFormation stack name', stackName);
  return {
    stackName,
    stack: {
      bedrockModelId: text(read, 'bedrockModelId'),
      uploadPrefix: text(read, 'uploadPrefix', true),
      classifierEndpointArn: text(read, 'classifierEndpointArn'),
      alarmEmail: text(read, 'alarmEmail'),
      textractConcurrency: wholeNumber(read, 'textractConcurrency'),
      logLevel: logLevel(read, 'logLevel'),
      searchCollectionName: text(read, 'searchCollectionName'),
      searchStandbyReplicas: flag(read, 'searchStandbyReplicas'),
    },
  };
}
