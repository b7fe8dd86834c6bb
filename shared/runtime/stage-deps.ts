import { fileURLToPath } from 'node:url';
import { noInstrument, type ClientInstrument } from '../aws/client-instrument.js';
import type { ObjectStore } from '../aws/object-store.js';
import type { StageConfig } from '../config.js';
import { ConfigurationError } from '../errors.js';
import { FaultInjector } from '../faults/fault-injector.js';
import { withFaults } from '../faults/faulty-adapters.js';
import type { Log } from '../log.js';
import type { Classifier } from '../ports/classifier.js';
import type { PiiDetector } from '../ports/pii-detector.js';
import type { SearchIndex } from '../ports/search-index.js';
import type { Summariser } from '../ports/summariser.js';
import type { TextExtractor } from '../ports/text-extractor.js';
import type { RecordStore } from '../records/records.js';
import { lazy } from './lazy.js';

/** The model shipped in the repo, trained on the project's own generated fixtures (`npm run train`). */
export const DEFAULT_CLASSIFIER_MODEL = fileURLToPath(
  new URL('../adapters/embedded/classifier/model/document-types.json', import.meta.url),
);

/**
 * Everything the stages depend on, built once per process (Lambda cold start or local runtime). Adapters are imported
 * and created on first use, so a stage loads only what it needs (the OCR engine only in ExtractText, the model only in
 * Classify).
 */
export interface StageDeps {
  readonly config: StageConfig;
  /** The S3 object store, created on first use from the `stores` option; a stage given no such store fails here. */
  readonly objects: ObjectStore;
  /** The DynamoDB record store, created on first use from the `stores` option, like `objects`. */
  readonly records: RecordStore;
  readonly log: Log;
  readonly now: () => Date;
  readonly textExtractor: () => Promise<TextExtractor>;
  readonly classifier: () => Promise<Classifier>;
  readonly piiDetector: () => Promise<PiiDetector>;
  readonly summariser: () => Promise<Summariser>;
  readonly searchIndex: () => Promise<SearchIndex>;
  /** Decides which port calls DOCPIPE_FAULTS fails; inactive when no faults are configured. */
  readonly faults: FaultInjector;
  /** Releases workers and files held by the adapters created so far. */
  close(): Promise<void>;
}

/** Ports an embedding runtime (tests, fault injection, AWS adapters) may replace. */
export type AdapterOverrides = Partial<Pick<StageDeps, 'textExtractor' | 'classifier' | 'piiDetector' | 'summariser' | 'searchIndex'>>;

/**
 * How the object and record stores are made. The caller names them, so that a stage's Lambda bundle holds only the SDK
 * clients the stage uses (RecordFailure has no S3 client, Classify no DynamoDB one): stage-deps.ts imports neither.
 * The local runtime passes both (shared/runtime/aws-stores.ts).
 */
export interface StageStores {
  readonly objects?: (instrument: ClientInstrument) => ObjectStore;
  readonly records?: (tableName: string, instrument: ClientInstrument) => RecordStore;
}

export interface StageDepsOptions {
  /** Wraps the S3 and DynamoDB clients (X-Ray capture on Lambda). */
  readonly instrument?: ClientInstrument;
  readonly stores?: StageStores;
}

function missingStore(which: string): never {
  throw new ConfigurationError(`This stage was built without ${which}: pass its factory in the stores option of buildStageDeps`);
}

export function buildStageDeps(config: StageConfig, log: Log, overrides: AdapterOverrides = {}, options: StageDepsOptions = {}): StageDeps {
  const instrument = options.instrument ?? noInstrument;
  const stores = options.stores ?? {};
  const objects = lazy(() => stores.objects?.(instrument) ?? missingStore('an object store'));
  const records = lazy(() => stores.records?.(config.tableName, instrument) ?? missingStore('a record store'));
  const opened: { close(): Promise<void> }[] = [];
  const tracked = <T extends { close(): Promise<void> }>(resource: T): T => {
    opened.push(resource);
    return resource;
  };

  const faults = new FaultInjector(config.faults, log);
  const ports = withFaults({
    textExtractor:
      overrides.textExtractor ??
      lazy(async () => {
        const { createEmbeddedTextExtractor } = await import('../adapters/embedded/text-extractor/index.js');
        return tracked(createEmbeddedTextExtractor({ ocrWorkers: config.ocrWorkers, ocrPasses: config.ocrPasses }));
      }),
    classifier:
      overrides.classifier ??
      lazy(async () => {
        const { EmbeddedClassifier } = await import('../adapters/embedded/classifier/index.js');
        return EmbeddedClassifier.fromFile(config.classifierModelPath ?? DEFAULT_CLASSIFIER_MODEL);
      }),
    piiDetector:
      overrides.piiDetector ??
      lazy(async () => {
        const { EmbeddedPiiDetector } = await import('../adapters/embedded/pii/index.js');
        return new EmbeddedPiiDetector();
      }),
    summariser:
      overrides.summariser ??
      lazy(async () => {
        const { EmbeddedSummariser } = await import('../adapters/embedded/summariser/index.js');
        return new EmbeddedSummariser();
      }),
    searchIndex:
      overrides.searchIndex ??
      lazy(async () => {
        if (!config.searchIndexPath) {
          throw new ConfigurationError('DOCPIPE_SEARCH_INDEX_PATH must be set for the embedded search index');
        }
        const { SqliteSearchIndex } = await import('../adapters/embedded/search-index/index.js');
        const index = tracked(new SqliteSearchIndex({ path: config.searchIndexPath }));
        await index.ensureIndex();
        return index;
      }),
  }, faults);

  return {
    config,
    get objects() {
      return objects();
    },
    get records() {
      return records();
    },
    log,
    now: () => new Date(),
    ...ports,
    faults,
    async close() {
      await Promise.all(opened.splice(0).map((resource) => resource.close()));
    },
  };
}
