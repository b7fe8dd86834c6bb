import { ConfigurationError } from '../errors.js';

/** The ports a fault can be injected into, with the names DOCPIPE_FAULTS accepts for each. */
export const FAULT_PORTS = ['extract', 'classify', 'pii', 'summarise', 'index'] as const;
export type FaultPort = (typeof FAULT_PORTS)[number];

const PORT_ALIASES: Readonly<Record<string, FaultPort>> = {
  extract: 'extract',
  classify: 'classify',
  pii: 'pii',
  redact: 'pii',
  summarise: 'summarise',
  summarize: 'summarise',
  index: 'index',
  search: 'index',
};

/**
 * What an injected fault throws: `throttle` a ThrottlingError and `transient` a TransientError (both retried by the
 * state machine), `error` a permanent error that ends the document FAILED.
 */
export type FaultKind = 'throttle' | 'transient' | 'error';

const KIND_ALIASES: Readonly<Record<string, FaultKind>> = {
  throttle: 'throttle',
  throttling: 'throttle',
  transient: 'transient',
  error: 'error',
  permanent: 'error',
};

/**
 * Retryable faults strike one call at most this many times in a row by default, below the state machine's smallest
 * retry budget (3 retries for TransientError), so retries always recover unless a rule asks for longer streaks.
 */
export const DEFAULT_MAX_IN_A_ROW = 2;

export interface FaultRule {
  readonly port: FaultPort;
  readonly kind: FaultKind;
  /** Probability in [0, 1] that a call fails. */
  readonly rate: number;
  /** Retryable faults only: most consecutive failures of the same call before it is let through. */
  readonly maxInARow: number;
}

export interface FaultPlan {
  readonly rules: readonly FaultRule[];
  /** Seeds every fault decision, so the same documents fail the same way on every run. */
  readonly seed: string;
}

export const NO_FAULTS: FaultPlan = { rules: [], seed: '' };

const SYNTAX = '<port>:<kind>:<rate>[:<max in a row>] separated by commas, e.g. extract:throttle:0.3,summarise:error:1';

/**
 * Parses DOCPIPE_FAULTS. Ports: extract, classify, pii (or redact), summarise, index (or search). Kinds: throttle,
 * transient, error (or permanent). Rate: a number from 0 to 1. Throws a ConfigurationError naming the bad part.
 */
export function parseFaultRules(text: string | undefined): FaultRule[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((part) => parseRule(part.trim()));
}

/** The problem with a DOCPIPE_FAULTS value, or undefined when it parses. */
export function faultRulesProblem(text: string | undefined): string | undefined {
  try {
    parseFaultRules(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function parseRule(part: string): FaultRule {
  const fields = part.split(':').map((field) => field.trim().toLowerCase());
  if (fields.length < 3 || fields.length > 4) throw new ConfigurationError(`fault "${part}" does not read ${SYNTAX}`);
  const [portName = '', kindName = '', rateText = '', streakText] = fields;
  const port = PORT_ALIASES[portName];
  if (!port) throw new ConfigurationError(`fault "${part}": unknown port "${portName}" (one of ${Object.keys(PORT_ALIASES).join(', ')})`);
  const kind = KIND_ALIASES[kindName];
  if (!kind) throw new ConfigurationError(`fault "${part}": unknown kind "${kindName}" (one of ${Object.keys(KIND_ALIASES).join(', ')})`);
  const rate = Number(rateText);
  if (rateText === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new ConfigurationError(`fault "${part}": rate "${rateText}" must be a number from 0 to 1`);
  }
  let maxInARow = DEFAULT_MAX_IN_A_ROW;
  if (streakText !== undefined) {
    maxInARow = Number(streakText);
    if (!Number.isInteger(maxInARow) || maxInARow < 1) {
      throw new ConfigurationError(`fault "${part}": max in a row "${streakText}" must be a whole number of at least 1`);
    }
    if (kind === 'error') throw new ConfigurationError(`fault "${part}": max in a row applies to throttle and transient faults only`);
  }
  return { port, kind, rate, maxInARow };
}
