import { DocpipeError, ThrottlingError, TransientError } from '../errors.js';

const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'SlowDown',
  'RequestThrottled',
  'RequestThrottledException',
  'LimitExceededException',
  'ServiceQuotaExceededException',
]);

const TRANSIENT_NAMES = new Set([
  'InternalServerError',
  'InternalServerException',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'ModelNotReadyException',
  'ModelTimeoutException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * Maps an AWS SDK (or network) error to the error classes the state machine retries on. Anything not known to be
 * throttling or transient is returned unchanged, so it fails fast with its own name and message.
 */
export function toDocpipeError(error: unknown, doing: string): Error {
  if (error instanceof DocpipeError) return error;
  if (!(error instanceof Error)) return new TransientError(`${doing} failed: ${String(error)}`);
  const meta = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
  const status = meta?.httpStatusCode;
  const code = (error as { code?: string }).code;
  const retryable = (error as { $retryable?: { throttling?: boolean } }).$retryable;
  if (THROTTLING_NAMES.has(error.name) || retryable?.throttling === true || status === 429) {
    return new ThrottlingError(`${doing} was throttled (${error.name})`, { cause: error });
  }
  if (
    TRANSIENT_NAMES.has(error.name) ||
    (code !== undefined && TRANSIENT_NAMES.has(code)) ||
    (status !== undefined && status >= 500)
  ) {
    return new TransientError(`${doing} failed transiently (${error.name})`, { cause: error });
  }
  return error;
}
