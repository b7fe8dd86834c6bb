import { ComprehendClient } from '@aws-sdk/client-comprehend';
import type { Classifier } from '../../ports/classifier.js';
import { ComprehendClassifier } from './comprehend-classifier.js';

export interface ClassifierConfig {
  /** Comprehend custom classifier endpoint; when absent the embedded classifier is used. */
  readonly endpointArn?: string | undefined;
  /** Model file of the embedded classifier. */
  readonly modelPath: string;
  /** Client for the endpoint (default: one with the SDK's default settings). */
  readonly comprehend?: ComprehendClient;
}

/**
 * The classifier for a configuration: the Comprehend endpoint when an ARN is set (about $1,300 a month while it
 * exists), else the embedded model, which is also the AWS default. The embedded module is loaded only when used.
 */
export async function createClassifier(config: ClassifierConfig): Promise<Classifier> {
  if (config.endpointArn) {
    return new ComprehendClassifier({ client: config.comprehend ?? new ComprehendClient({}), endpointArn: config.endpointArn });
  }
  const { EmbeddedClassifier } = await import('../embedded/classifier/index.js');
  return EmbeddedClassifier.fromFile(config.modelPath);
}
