import { ConfigurationError, ContractViolationError, InvalidDocumentError } from '../../errors.js';
import { accessDenied, translateAwsError, type AwsErrorRules } from './aws-errors.js';

const TEXTRACT_RULES: AwsErrorRules = {
  UnsupportedDocumentException: (message, cause) =>
    new InvalidDocumentError(
      `Textract cannot read this document: its format is not supported (PNG, JPEG, TIFF or PDF; a PDF or TIFF of more than one page needs the asynchronous path) (${message})`,
      { cause },
    ),
  BadDocumentException: (message, cause) =>
    new InvalidDocumentError(`Textract cannot read this document: it is corrupt, encrypted or not what its type says (${message})`, {
      cause,
    }),
  DocumentTooLargeException: (message, cause) =>
    new InvalidDocumentError(
      `The document is too large for Textract (10 MB for a direct request; 500 MB and 3,000 pages for a PDF or TIFF read from S3) (${message})`,
      { cause },
    ),
  InvalidParameterException: (message, cause) =>
    new InvalidDocumentError(`Textract rejected the document or request as invalid: ${message}`, { cause }),
  InvalidS3ObjectException: (message, cause) =>
    new ConfigurationError(
      `Textract cannot read the document from S3: the object is missing, in another region than Textract, or not readable by Textract (${message})`,
      { cause },
    ),
  InvalidKMSKeyException: (message, cause) =>
    new ConfigurationError(`Textract cannot use the KMS key of the document or its output: ${message}`, { cause }),
  InvalidJobIdException: (message, cause) =>
    new ContractViolationError(`Textract does not know this text detection job (results are kept 7 days): ${message}`, {
      cause,
    }),
  IdempotentParameterMismatchException: (message, cause) =>
    new ContractViolationError(`A Textract job was started twice with one client request token and other parameters: ${message}`, {
      cause,
    }),
  AccessDeniedException: accessDenied(
    'to Amazon Textract (the role needs textract:DetectDocumentText, textract:StartDocumentTextDetection and textract:GetDocumentTextDetection)',
  ),
};

/** Translates a Textract SDK error into docpipe's errors (throttling and 5xx included, see translateAwsError). */
export function textractError(error: unknown, doing: string): Error {
  return translateAwsError(error, doing, TEXTRACT_RULES);
}
