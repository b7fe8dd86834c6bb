import { DocpipeError } from '../errors.js';

/**
 * A permanent failure injected by DOCPIPE_FAULTS (kind `error`): never retried, so the document ends FAILED with
 * this message as its reason.
 */
export class InjectedFaultError extends DocpipeError {
  override readonly name = 'InjectedFaultError';
  readonly retryable = false;
}
