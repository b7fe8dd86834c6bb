import { ConfigurationError, InvalidDocumentError, TransientError } from '../../errors.js';
import { accessDenied, translateAwsError, type AwsErrorRules } from './aws-errors.js';

const COMPREHEND_RULES: AwsErrorRules = {
  InvalidRequestException: (message, cause) =>
    new InvalidDocumentError(`Comprehend rejected the text as invalid: ${message}`, { cause }),
  TextSizeLimitExceededException: (message, cause) =>
    new InvalidDocumentError(`The text is larger than Comprehend accepts in one request: ${message}`, { cause }),
  UnsupportedLanguageException: (message, cause) =>
    new ConfigurationError(`Comprehend does not support the configured language (DOCPIPE_COMPREHEND_LANGUAGE): ${message}`, {
      cause,
    }),
  ResourceNotFoundException: (message, cause) =>
    new ConfigurationError(
      `The Comprehend endpoint does not exist (check DOCPIPE_CLASSIFIER_ENDPOINT_ARN): ${message}`,
      { cause },
    ),
  // An endpoint that is being created or updated answers this until it is in service.
  ResourceUnavailableException: (message, cause) =>
    new TransientError(`The Comprehend endpoint is not available yet: ${message}`, { cause }),
  AccessDeniedException: accessDenied(
    'to Amazon Comprehend (the role needs comprehend:DetectPiiEntities, and comprehend:ClassifyDocument on the classifier endpoint)',
  ),
};

/** Translates a Comprehend SDK error into docpipe's errors (throttling and 5xx included, see translateAwsError). */
export function comprehendError(error: unknown, doing: string): Error {
  return translateAwsError(error, doing, COMPREHEND_RULES);
}
