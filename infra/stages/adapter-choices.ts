import type { Port } from './stage-profiles.js';

/** Which adapter serves each port in a deployment: the AWS service's, or the embedded one (which also runs in Lambda). */
export type AdapterChoices = Readonly<Record<Port, 'aws' | 'embedded'>>;

/**
 * This stack's choices: Textract, Comprehend PII, Bedrock and OpenSearch Serverless; the classifier is the embedded
 * model shipped in the repo unless a Comprehend custom classifier endpoint is given (an endpoint costs about $1,300 a
 * month while it exists).
 */
export function deploymentAdapters(options: { readonly classifierEndpointArn?: string | undefined }): AdapterChoices {
  return {
    textExtractor: 'aws',
    classifier: options.classifierEndpointArn === undefined ? 'embedded' : 'aws',
    piiDetector: 'aws',
    summariser: 'aws',
    searchIndex: 'aws',
  };
}
