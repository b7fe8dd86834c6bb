import { DocpipeError, RedactionFailedError, ThrottlingError, TransientError } from '../../shared/errors.js';

/**
 * Turns a PII detector failure into an error whose message names redaction, so the document's record says why it
 * failed. Throttling and transient failures keep their class (the state machine retries them); anything else is a
 * RedactionFailedError.
 */
export function redactionFailure(error: unknown, what: string): DocpipeError {
  const detail = error instanceof Error ? error.message : String(error);
  const message = `PII redaction of ${what} failed, so nothing about the document was indexed: ${detail || 'no details given'}`;
  if (error instanceof ThrottlingError) return new ThrottlingError(message, { cause: error });
  if (error instanceof TransientError) return new TransientError(message, { cause: error });
  return new RedactionFailedError(message, { cause: error });
}

/** Runs one call to the PII detector (or its loading), rethrowing any failure as a redaction failure. */
export async function guardRedaction<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw redactionFailure(error, what);
  }
}
