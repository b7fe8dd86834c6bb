/**
 * Errors with stable names. The state machine's Retry and Catch match on `name` (Lambda reports it as errorType),
 * so never rename one without changing statemachine/pipeline.asl.json.
 */
export abstract class DocpipeError extends Error {
  /** True when retrying the same input may succeed (throttling, timeouts, unavailable services). */
  abstract readonly retryable: boolean;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A dependency asked us to slow down. Retried with backoff. */
export class ThrottlingError extends DocpipeError {
  override readonly name = 'ThrottlingError';
  readonly retryable = true;
}

/** A dependency failed in a way that may pass (timeout, 5xx, dropped connection). Retried with backoff. */
export class TransientError extends DocpipeError {
  override readonly name = 'TransientError';
  readonly retryable = true;
}

/** The document cannot be processed as it is (wrong type, corrupt, encrypted, empty, too large). Never retried. */
export class InvalidDocumentError extends DocpipeError {
  override readonly name = 'InvalidDocumentError';
  readonly retryable = false;
}

/** The document has more pages than the configured limit. Never retried. */
export class PageLimitExceededError extends DocpipeError {
  override readonly name = 'PageLimitExceededError';
  readonly retryable = false;
}

/** A stage received input that breaks its contract (a bug or a hand-made event). Never retried. */
export class ContractViolationError extends DocpipeError {
  override readonly name = 'ContractViolationError';
  readonly retryable = false;
}

/** A required setting is missing or malformed. Raised at start-up. */
export class ConfigurationError extends DocpipeError {
  override readonly name = 'ConfigurationError';
  readonly retryable = false;
}

/** The caller's role may not use a service or resource (IAM policy, model access, key policy). Never retried. */
export class AccessDeniedError extends DocpipeError {
  override readonly name = 'AccessDeniedError';
  readonly retryable = false;
}

/** Names the ASL retries on; kept here so tests can check the definition against the classes. */
export const RETRYABLE_ERROR_NAMES = ['ThrottlingError', 'TransientError'] as const;

/** An asynchronous extraction job ran past its time limit (setting DOCPIPE_EXTRACTION_MAX_WAIT_SECONDS). Never retried. */
export class ExtractionTimedOutError extends DocpipeError {
  override readonly name = 'ExtractionTimedOutError';
  readonly retryable = false;
}

/**
 * PII redaction could not be done (the detector failed or could not be loaded). Redaction fails closed: the document
 * fails and nothing about it is indexed. Never retried as such; a throttled or transient detector failure keeps its
 * own retryable class, with a message that names redaction.
 */
export class RedactionFailedError extends DocpipeError {
  override readonly name = 'RedactionFailedError';
  readonly retryable = false;
}
