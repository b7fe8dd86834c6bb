import { ConfigurationError } from '../../shared/errors.js';

/** Geographic prefixes of Bedrock's cross-Region (system-defined) inference profile ids, e.g. `us.amazon.nova-lite-v1:0`. */
export const INFERENCE_PROFILE_PREFIXES = ['us', 'us-gov', 'eu', 'apac', 'jp', 'au', 'ca', 'global'] as const;

/** An inexpensive current model: Amazon Nova Lite through the US cross-Region inference profile. */
export const DEFAULT_BEDROCK_MODEL_ID = 'us.amazon.nova-lite-v1:0';

const MODEL_ID = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:[a-z0-9-]+)*$/;

export interface BedrockModel {
  /** The foundation model, e.g. `amazon.nova-lite-v1:0`. */
  readonly foundationModelId: string;
  /** The cross-Region inference profile, when the id names one, e.g. `us.amazon.nova-lite-v1:0`. */
  readonly inferenceProfileId?: string;
  /** The profile's geography (`us`, `eu`, `global` ...). */
  readonly geography?: string;
}

/** What a Bedrock model id names: a foundation model, or a cross-Region inference profile and the model behind it. */
export function parseBedrockModelId(modelId: string): BedrockModel {
  if (!MODEL_ID.test(modelId)) {
    throw new ConfigurationError(
      `bedrockModelId "${modelId}" must be a Bedrock model id (amazon.nova-lite-v1:0) or cross-Region inference profile id (us.amazon.nova-lite-v1:0); ARNs are not accepted`,
    );
  }
  const [first = '', ...rest] = modelId.split('.');
  const isProfile = (INFERENCE_PROFILE_PREFIXES as readonly string[]).includes(first) && rest.length >= 2;
  return isProfile ? { foundationModelId: rest.join('.'), inferenceProfileId: modelId, geography: first } : { foundationModelId: modelId };
}

export interface ArnParts {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

/**
 * The resources `bedrock:InvokeModel` (which also authorises the Converse API) needs: the foundation model in this
 * Region; or, through an inference profile, the profile and the foundation model in every Region the profile may
 * route to (Bedrock picks the Region per request; a global profile's model also has a Region-less ARN).
 */
export function bedrockInvokeResources(model: BedrockModel, arn: ArnParts): string[] {
  const { partition, region, account } = arn;
  if (model.inferenceProfileId === undefined) return [`arn:${partition}:bedrock:${region}::foundation-model/${model.foundationModelId}`];
  return [
    `arn:${partition}:bedrock:${region}:${account}:inference-profile/${model.inferenceProfileId}`,
    `arn:${partition}:bedrock:*::foundation-model/${model.foundationModelId}`,
    ...(model.geography === 'global' ? [`arn:${partition}:bedrock:::foundation-model/${model.foundationModelId}`] : []),
  ];
}
