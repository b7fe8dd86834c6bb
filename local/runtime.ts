import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { loadStageConfig, type StageConfig } from '../shared/config.js';
import type { Log } from '../shared/log.js';
import { awsStores } from '../shared/runtime/aws-stores.js';
import { buildStageDeps, type AdapterOverrides, type StageDeps } from '../shared/runtime/stage-deps.js';
import { createTaskFunctions } from '../shared/runtime/tasks.js';
import { isObjectCreated, toObjectCreatedEvent, type S3NotificationRecord } from './events.js';
import { ExecutionStore } from './execution-store.js';
import { fileLog } from './file-log.js';
import { dataPaths, ensureDataDirs, LOCAL_NAMES, type DataPaths } from './paths.js';
import { PipelineRunner } from './pipeline-runner.js';
import { provisionLocalResources, startEmbeddedServices, useLocalEndpoints, type EmbeddedServices } from './services.js';
import { createS3Client } from '../shared/aws/clients.js';
import { closeInterruptedExecutions } from './reconcile/interrupted-executions.js';
import { NOTHING_ALIVE } from './reconcile/liveness.js';
import { reconcile, type ReconcileReport } from './reconcile/reconcile.js';
import { clearRedriveRequests, redriveFolder, watchRedriveRequests } from './reconcile/redrive-requests.js';

/**
 * Executions in flight at once unless told otherwise: one per core, plus one. A stage spends part of its time waiting on
 * the local S3 and DynamoDB (and an OCR stage on an OCR worker); with one execution more than there are cores, one is
 * ready to use a core while the others wait (measured in bench/README.md, "Executions in flight").
 */
export const DEFAULT_CONCURRENCY = availableParallelism() + 1;

export interface LocalRuntimeOptions {
  readonly dataDir: string;
  /** 0 picks free ports. */
  readonly s3Port?: number;
  readonly dynamoPort?: number;
  /** Executions in flight at once. Default DEFAULT_CONCURRENCY (one per core, plus one). */
  readonly concurrency?: number;
  /** Fixed wait before each retry, in ms (tests); default: the definition's backoff. */
  readonly retryDelayMs?: number;
  readonly overrides?: AdapterOverrides;
  /** Extra settings (DOCPIPE_*), over the process environment. */
  readonly env?: NodeJS.ProcessEnv;
  /** Write runtime.json so other docpipe commands use this runtime's services (what `docpipe up` does). */
  readonly advertise?: boolean;
  /**
   * Re-drive, at start, every upload a stopped runtime left without a terminal record (default true). Off for
   * `docpipe reconcile`, which plans and reports the same work itself.
   */
  readonly recover?: boolean;
  /**
   * Serve a stage's reads of what this process last wrote or read from memory (default true); false makes every S3
   * read the Lambda functions would make on AWS (the cost benchmark counts them).
   */
  readonly recentObjects?: boolean;
}

export interface LocalRuntime {
  readonly paths: DataPaths;
  readonly services: EmbeddedServices;
  readonly runner: PipelineRunner;
  readonly executions: ExecutionStore;
  readonly deps: StageDeps;
  readonly config: StageConfig;
  readonly log: Log;
  /** What the start-up recovery found and re-drove; undefined when it was off. */
  readonly recovery: ReconcileReport | undefined;
  close(): Promise<void>;
}

/** The endpoints of a running `docpipe up`, read from its runtime file; undefined when none runs. */
export interface AdvertisedRuntime {
  readonly pid: number;
  readonly s3Endpoint: string;
  readonly dynamoEndpoint: string;
  readonly startedAt: string;
}

export function readAdvertisedRuntime(paths: DataPaths): AdvertisedRuntime | undefined {
  if (!existsSync(paths.runtimeFile)) return undefined;
  try {
    const runtime = JSON.parse(readFileSync(paths.runtimeFile, 'utf8')) as AdvertisedRuntime;
    process.kill(runtime.pid, 0);
    return runtime;
  } catch {
    return undefined;
  }
}

export function localStageConfig(paths: DataPaths, env: NodeJS.ProcessEnv = {}): StageConfig {
  return loadStageConfig({
    DOCPIPE_TABLE_NAME: LOCAL_NAMES.table,
    DOCPIPE_DERIVED_BUCKET: LOCAL_NAMES.derivedBucket,
    DOCPIPE_SEARCH_INDEX_PATH: paths.searchIndex,
    ...process.env,
    ...env,
  });
}

/**
 * Starts the one-machine pipeline: s3rver and dynalite on 127.0.0.1 with data under the data folder, the stage
 * functions in-process, and aws-local-stepfunctions running statemachine/pipeline.asl.json for every ObjectCreated
 * event in the upload bucket.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const paths = dataPaths(options.dataDir);
  ensureDataDirs(paths);
  const running = readAdvertisedRuntime(paths);
  if (running && running.pid !== process.pid) {
    throw new Error(`docpipe up is already running on this data folder (pid ${running.pid}); stop it first or use another --data-dir`);
  }
  const log = fileLog(paths.logFile, { service: 'docpipe' });
  const services = await startEmbeddedServices(paths, {
    s3Port: options.s3Port ?? 0,
    dynamoPort: options.dynamoPort ?? 0,
    onFailure: (error) => log.error('The local S3 and DynamoDB stopped', { error: error.message }),
  });
  useLocalEndpoints(services);
  await provisionLocalResources();

  const config = localStageConfig(paths, options.env);
  const deps = buildStageDeps(config, log, options.overrides, { stores: awsStores({ recentObjects: options.recentObjects }) });
  const executions = new ExecutionStore(paths.executions);
  const runner = new PipelineRunner({
    tasks: createTaskFunctions(deps),
    executions,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    log,
    ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
  });

  services.s3.on('event', (notification: { Records?: S3NotificationRecord[] }) => {
    for (const record of notification.Records ?? []) {
      // Derived objects live in another bucket, so the pipeline's own writes never start an execution.
      if (!isObjectCreated(record) || record.s3.bucket.name !== LOCAL_NAMES.uploadBucket) continue;
      void runner.start(toObjectCreatedEvent(record));
    }
  });

  // Only this process uses the data folder now: whatever a stopped runtime left unfinished is re-driven.
  const redriveRequests = redriveFolder(paths.root);
  let recovery: ReconcileReport | undefined;
  if (options.recover !== false) {
    clearRedriveRequests(redriveRequests);
    const interrupted = closeInterruptedExecutions(executions);
    const s3 = createS3Client();
    try {
      recovery = await reconcile(
        {
          s3,
          records: deps.records,
          bucket: LOCAL_NAMES.uploadBucket,
          region: LOCAL_NAMES.region,
          liveness: NOTHING_ALIVE,
          redrive: async (event) => void runner.start(event),
          log,
        },
        { dryRun: false },
      );
    } finally {
      s3.destroy();
    }
    if (interrupted > 0 || recovery.actions.length > 0) {
      log.warn('Recovered unfinished work', { interruptedExecutions: interrupted, redriven: recovery.redriven.length, actions: recovery.actions.length });
    }
  }
  const stopRedriveRequests = options.advertise ? watchRedriveRequests(redriveRequests, (event) => void runner.start(event), log) : undefined;

  if (options.advertise) {
    const advertised: AdvertisedRuntime = {
      pid: process.pid,
      s3Endpoint: services.s3Endpoint,
      dynamoEndpoint: services.dynamoEndpoint,
      startedAt: new Date().toISOString(),
    };
    writeFileSync(paths.runtimeFile, JSON.stringify(advertised, null, 2));
  }
  log.info('Local runtime started', { s3Endpoint: services.s3Endpoint, dynamoEndpoint: services.dynamoEndpoint });

  return {
    paths,
    services,
    runner,
    executions,
    deps,
    config,
    log,
    recovery,
    async close() {
      stopRedriveRequests?.();
      // An upload answered just now may have its event still on its way from the emulators' thread.
      await services.flushEvents();
      await runner.idle();
      await runner.flush();
      if (options.advertise) rmSync(paths.runtimeFile, { force: true });
      await deps.close();
      await services.close();
    },
  };
}
