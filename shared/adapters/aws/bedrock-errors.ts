import { ConfigurationError, TransientError } from '../../errors.js';
import { accessDenied, translateAwsError } from './aws-errors.js';

/** Translates a Bedrock Runtime SDK error into docpipe's errors, naming the model in permanent failures. */
export function bedrockError(error: unknown, doing: string, modelId: string): Error {
  return translateAwsError(error, doing, {
    ValidationException: (message, cause) =>
      new ConfigurationError(
        `Bedrock rejected the request to model ${modelId}: ${message} (check DOCPIPE_BEDROCK_MODEL_ID; some models are reached only through an inference profile id such as us.${modelId})`,
        { cause },
      ),
    ResourceNotFoundException: (message, cause) =>
      new ConfigurationError(`Bedrock model ${modelId} was not found in this region (DOCPIPE_BEDROCK_MODEL_ID): ${message}`, {
        cause,
      }),
    AccessDeniedException: accessDenied(
      `to Bedrock model ${modelId} (enable access to the model in the Bedrock console and allow bedrock:InvokeModel on it)`,
    ),
    ModelErrorException: (message, cause) =>
      new TransientError(`Bedrock model ${modelId} failed while processing the request: ${message}`, { cause }),
  });
}
