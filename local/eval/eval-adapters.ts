import { relative } from 'node:path';
import { loadStageConfig, type StageConfig } from '../../shared/config.js';
import { silentLog } from '../../shared/log.js';
import { AWS_STORES } from '../../shared/runtime/aws-stores.js';
import { buildStageDeps, DEFAULT_CLASSIFIER_MODEL, type AdapterOverrides, type StageDeps } from '../../shared/runtime/stage-deps.js';
import { LOCAL_NAMES } from '../paths.js';
import { assertAwsCredentials, hybridAdapterOverrides, type Providers } from '../providers.js';

/** The ports an evaluation exercises. */
export type EvaluatedPort = 'piiDetector' | 'classifier' | 'textExtractor' | 'summariser';

/** What served a port: `embedded`, or `aws` (Comprehend, Textract, Bedrock), with a detail such as a model file. */
export interface AdapterDescription {
  readonly providers: Providers;
  readonly port: EvaluatedPort;
  readonly adapter: 'embedded' | 'aws';
  readonly detail?: string;
}

/** The adapters the pipeline would use, built by the pipeline's own factory, and the settings it reads. */
export interface EvalAdapters {
  readonly providers: Providers;
  readonly config: StageConfig;
  readonly deps: Pick<StageDeps, EvaluatedPort>;
  describe(port: EvaluatedPort): AdapterDescription;
  close(): Promise<void>;
}

/**
 * Builds the adapters exactly as `docpipe process` selects them: the embedded ones by default (honouring
 * DOCPIPE_CLASSIFIER_MODEL and DOCPIPE_OCR_WORKERS), or with `aws` the real AI services under the caller's
 * credentials (checked up front). Nothing is created until first used.
 */
export async function openEvalAdapters(providers: Providers, env: NodeJS.ProcessEnv = process.env): Promise<EvalAdapters> {
  let overrides: AdapterOverrides = {};
  if (providers === 'aws') {
    await assertAwsCredentials();
    overrides = hybridAdapterOverrides(env);
  }
  const config = loadStageConfig({ DOCPIPE_TABLE_NAME: LOCAL_NAMES.table, DOCPIPE_DERIVED_BUCKET: LOCAL_NAMES.derivedBucket, ...env });
  const deps = buildStageDeps(config, silentLog, overrides, { stores: AWS_STORES });
  return {
    providers,
    config,
    deps,
    describe(port) {
      if (overrides[port]) return { providers, port, adapter: 'aws' };
      if (port === 'classifier') {
        const model = config.classifierModelPath ?? DEFAULT_CLASSIFIER_MODEL;
        return { providers, port, adapter: 'embedded', detail: `model ${relative(process.cwd(), model) || model}` };
      }
      return { providers, port, adapter: 'embedded' };
    },
    close: () => deps.close(),
  };
}
