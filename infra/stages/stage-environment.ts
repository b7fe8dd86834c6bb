import { posix } from 'node:path';
import { ConfigurationError } from '../../shared/errors.js';
import { CLASSIFIER_MODEL_IN_BUNDLE, LAMBDA_TASK_ROOT } from '../bundling/stage-bundle.js';
import type { AdapterChoices } from './adapter-choices.js';
import type { Port } from './stage-profiles.js';

/** The deployment's values a stage's settings are made of (tokens in the stack, plain strings in tests). */
export interface StageSettingsInputs {
  readonly tableName: string;
  readonly derivedBucket: string;
  readonly bedrockModelId: string;
  readonly classifierEndpointArn?: string | undefined;
  readonly openSearchEndpoint: string;
  readonly openSearchIndex: string;
  /** Where the bundle is unpacked. @default '/var/task' */
  readonly taskRoot?: string;
}

/** The settings (shared/config.ts) every stage reads at cold start. */
function stageConfig(inputs: StageSettingsInputs): Record<string, string> {
  return { DOCPIPE_TABLE_NAME: inputs.tableName, DOCPIPE_DERIVED_BUCKET: inputs.derivedBucket };
}

/** The adapter settings (shared/adapters/aws/aws-settings.ts) of one port, as the deployment serves it. */
function portSettings(port: Port, adapters: AdapterChoices, inputs: StageSettingsInputs): Record<string, string> {
  const aws = adapters[port] === 'aws';
  switch (port) {
    case 'textExtractor':
      // The bundle carries pdf.js's text-layer reader (AWS_ADAPTERS in infra/bundling/adapter-modules.ts): a PDF
      // whose every page has a usable text layer keeps it, and only the others (and images) go to Textract.
      return aws ? { DOCPIPE_TEXT_EXTRACTOR: 'textract', DOCPIPE_PDF_TEXT_LAYER: 'first' } : {};
    case 'classifier':
      if (!aws) return { DOCPIPE_CLASSIFIER_MODEL: posix.join(inputs.taskRoot ?? LAMBDA_TASK_ROOT, CLASSIFIER_MODEL_IN_BUNDLE) };
      if (inputs.classifierEndpointArn === undefined) {
        throw new ConfigurationError('The Comprehend classifier needs classifierEndpointArn');
      }
      return { DOCPIPE_CLASSIFIER_ENDPOINT_ARN: inputs.classifierEndpointArn };
    case 'piiDetector':
      return aws ? { DOCPIPE_PII_DETECTOR: 'comprehend' } : {};
    case 'summariser':
      return aws ? { DOCPIPE_SUMMARISER: 'bedrock', DOCPIPE_BEDROCK_MODEL_ID: inputs.bedrockModelId } : {};
    case 'searchIndex':
      if (!aws) throw new ConfigurationError('The embedded search index keeps a file; Lambda has no lasting disk for it');
      return {
        DOCPIPE_SEARCH: 'opensearch',
        DOCPIPE_OPENSEARCH_ENDPOINT: inputs.openSearchEndpoint,
        DOCPIPE_OPENSEARCH_SERVICE: 'aoss',
        DOCPIPE_OPENSEARCH_INDEX: inputs.openSearchIndex,
      };
  }
}

/**
 * A stage's environment: the stage settings, and the adapter settings of the ports it calls only (a port it does not
 * call keeps its embedded default, which it never loads).
 */
export function stageEnvironment(ports: readonly Port[], adapters: AdapterChoices, inputs: StageSettingsInputs): Record<string, string> {
  return Object.assign(stageConfig(inputs), ...ports.map((port) => portSettings(port, adapters, inputs))) as Record<string, string>;
}
