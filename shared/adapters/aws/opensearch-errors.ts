import { AccessDeniedError, ConfigurationError, ContractViolationError, ThrottlingError, TransientError } from '../../errors.js';

/** OpenSearch answered with a status of 300 or more; `body` is its parsed response body. */
export class OpenSearchResponseError extends Error {
  override readonly name = 'OpenSearchResponseError';

  constructor(
    method: string,
    path: string,
    readonly statusCode: number,
    readonly body: unknown,
  ) {
    const { type, reason } = errorReason(body);
    super(`${method} ${path}: OpenSearch answered ${statusCode}${type || reason ? ` (${[type, reason].filter(Boolean).join(': ')})` : ''}`);
  }
}

/** No response came from OpenSearch: the connection failed, broke off, or timed out. */
export class OpenSearchConnectionError extends Error {
  override readonly name = 'OpenSearchConnectionError';
}

/** The `error.type` and `error.reason` OpenSearch puts in an error response body, when present. */
export function errorReason(body: unknown): { type: string; reason: string } {
  const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
  if (typeof error === 'string') return { type: '', reason: error };
  if (typeof error !== 'object' || error === null) return { type: '', reason: '' };
  const type = 'type' in error && typeof error.type === 'string' ? error.type : '';
  const reason = 'reason' in error && typeof error.reason === 'string' ? error.reason : '';
  return { type, reason };
}

/** Maps an HTTP status and reason from OpenSearch to docpipe's errors. */
export function errorForStatus(status: number, detail: string, doing: string, cause?: unknown): Error {
  const options = cause === undefined ? undefined : { cause };
  if (status === 429) return new ThrottlingError(`${doing} was throttled by OpenSearch${detail ? `: ${detail}` : ''}`, options);
  if (status >= 500) return new TransientError(`${doing} failed in OpenSearch (${status})${detail ? `: ${detail}` : ''}`, options);
  if (status === 401 || status === 403) {
    return new AccessDeniedError(
      `${doing}: OpenSearch refused the signed request (${status}); the role needs the collection's data access policy or the domain's access policy${detail ? `: ${detail}` : ''}`,
      options,
    );
  }
  if (status === 404) {
    return new ConfigurationError(`${doing}: not found in OpenSearch (does the index exist? run ensureIndex)${detail ? `: ${detail}` : ''}`, options);
  }
  return new ContractViolationError(`${doing}: OpenSearch rejected the request (${status})${detail ? `: ${detail}` : ''}`, options);
}

/**
 * Translates an OpenSearch client error: an HTTP error by its status (see errorForStatus), a timeout or connection
 * failure to TransientError. Other errors pass unchanged.
 */
export function openSearchError(error: unknown, doing: string): Error {
  if (error instanceof OpenSearchResponseError) {
    const { type, reason } = errorReason(error.body);
    return errorForStatus(error.statusCode, [type, reason].filter(Boolean).join(': '), doing, error);
  }
  if (error instanceof OpenSearchConnectionError) {
    return new TransientError(`${doing}: OpenSearch could not be reached (${error.name}: ${error.message})`, { cause: error });
  }
  return error instanceof Error ? error : new TransientError(`${doing} failed: ${String(error)}`);
}

/** True for the error of creating an index that already exists. */
export function isIndexAlreadyExists(error: unknown): boolean {
  return error instanceof OpenSearchResponseError && errorReason(error.body).type === 'resource_already_exists_exception';
}

/** True for a 404 answer (an index that does not exist). */
export function isNotFound(error: unknown): boolean {
  return error instanceof OpenSearchResponseError && error.statusCode === 404;
}
