import { awsAdapterOverrides } from '../shared/adapters/aws/select.js';
import { DEFAULT_BEDROCK_MODEL_ID, loadAwsAdapterSettings } from '../shared/adapters/aws/aws-settings.js';
import type { TextExtractor } from '../shared/ports/text-extractor.js';
import type { AdapterOverrides } from '../shared/runtime/stage-deps.js';

export const PROVIDERS = ['embedded', 'aws'] as const;
export type Providers = (typeof PROVIDERS)[number];

/**
 * Adapters for `--providers aws`: the local state machine calls the real AI services (Textract, Comprehend, Bedrock)
 * with the caller's AWS credentials, while S3, DynamoDB and search stay local unless DOCPIPE_SEARCH /
 * DOCPIPE_OPENSEARCH_ENDPOINT say otherwise. Settings already in the environment win over these defaults.
 */
export function hybridAdapterOverrides(env: NodeJS.ProcessEnv = process.env): AdapterOverrides {
  const settings = loadAwsAdapterSettings({
    DOCPIPE_TEXT_EXTRACTOR: 'textract',
    DOCPIPE_PII_DETECTOR: 'comprehend',
    DOCPIPE_SUMMARISER: 'bedrock',
    DOCPIPE_BEDROCK_MODEL_ID: DEFAULT_BEDROCK_MODEL_ID,
    ...env,
  });
  const overrides = awsAdapterOverrides(settings);
  const textract = overrides.textExtractor;
  if (!textract) return overrides;
  return {
    ...overrides,
    // Textract's asynchronous jobs read the document from real S3; the local bucket is out of its reach, so documents
    // go to Textract as bytes (images, single-page PDFs).
    textExtractor: async () => bytesOnly(await textract()),
  };
}

function bytesOnly(inner: TextExtractor): TextExtractor {
  return {
    extractPages: (request) => inner.extractPages({ bytes: request.bytes, mediaType: request.mediaType, maxPages: request.maxPages }),
    close: () => inner.close(),
  };
}

/** `--providers aws` calls AWS with the caller's credentials: fail up front, clearly, when there are none. */
export async function assertAwsCredentials(): Promise<void> {
  const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
  try {
    await fromNodeProviderChain()();
  } catch (error) {
    throw new Error(
      '--providers aws calls Textract, Comprehend and Bedrock with your AWS credentials, and none were found ' +
        '(set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and AWS_REGION)',
      { cause: error },
    );
  }
}
