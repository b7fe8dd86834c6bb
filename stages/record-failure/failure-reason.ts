/** A caught error as the state machine hands it over: `Error` is the error name, `Cause` its details. */
export interface CaughtError {
  readonly Error: string;
  readonly Cause?: string | undefined;
}

/**
 * Turns a caught error into a sentence a person understands. On AWS, `Cause` is the Lambda error as JSON
 * (`{"errorType","errorMessage","trace"}`); locally it is the message itself.
 */
export function failureReason(caught: CaughtError): string {
  const message = causeMessage(caught.Cause);
  switch (caught.Error) {
    case 'States.Timeout':
      return 'Processing took longer than the stage time limit';
    case 'States.HeartbeatTimeout':
      return 'A stage stopped reporting progress';
    case 'ThrottlingError':
      return `A service kept throttling requests and retries ran out${message ? `: ${message}` : ''}`;
    case 'TransientError':
      return `A service kept failing and retries ran out${message ? `: ${message}` : ''}`;
    case 'Lambda.TooManyRequestsException':
    case 'Lambda.ServiceException':
    case 'Lambda.SdkClientException':
      return `The stage could not be run (${caught.Error})${message ? `: ${message}` : ''}`;
    default:
      return message || `Failed with ${caught.Error}`;
  }
}

function causeMessage(cause: string | undefined): string {
  if (!cause) return '';
  const trimmed = cause.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as { errorMessage?: unknown };
      if (typeof parsed.errorMessage === 'string') return parsed.errorMessage;
    } catch {
      // Not JSON after all: use it as it is.
    }
  }
  // Local engine causes are "Name: message" when they come from a wrapped error.
  return trimmed.length > 500 ? `${trimmed.slice(0, 497)}...` : trimmed;
}
