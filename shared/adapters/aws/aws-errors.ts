import { toDocpipeError } from '../../aws/sdk-errors.js';
import { AccessDeniedError, DocpipeError } from '../../errors.js';

/** Builds the error to throw for one AWS error name, from the service's own message. */
export type AwsErrorRule = (serviceMessage: string, cause: Error) => Error;

/** Error names an adapter knows to be permanent, each with the error it becomes. */
export type AwsErrorRules = Readonly<Record<string, AwsErrorRule>>;

/**
 * Translates an AWS SDK error: names in `rules` become the error their rule builds (permanent failures with a
 * message a person can act on); throttling and transient failures become ThrottlingError / TransientError
 * (see toDocpipeError); anything else is passed on unchanged.
 */
export function translateAwsError(error: unknown, doing: string, rules: AwsErrorRules): Error {
  if (error instanceof Error && !(error instanceof DocpipeError) && Object.hasOwn(rules, error.name)) {
    const rule = rules[error.name];
    if (rule !== undefined) return rule(error.message, error);
  }
  return toDocpipeError(error, doing);
}

/** The rule for `AccessDeniedException`: a non-retryable AccessDeniedError naming what the role lacks. */
export function accessDenied(what: string): AwsErrorRule {
  return (serviceMessage, cause) =>
    new AccessDeniedError(`Access denied ${what}: ${serviceMessage || 'no detail given'}`, { cause });
}
