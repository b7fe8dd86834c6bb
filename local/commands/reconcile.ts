import { createDocumentClient, createS3Client } from '../../shared/aws/clients.js';
import { RecordStore } from '../../shared/records/records.js';
import { ExecutionStore } from '../execution-store.js';
import { fileLog } from '../file-log.js';
import { printJson, table } from '../format.js';
import { dataPaths, ensureDataDirs, LOCAL_NAMES } from '../paths.js';
import { closeInterruptedExecutions } from '../reconcile/interrupted-executions.js';
import { NOTHING_ALIVE, quietFor, runningExecutions } from '../reconcile/liveness.js';
import { reannounceObjects } from '../reconcile/reannounce.js';
import { reconcile, type ReconcileReport, type ReconcileSources } from '../reconcile/reconcile.js';
import { redriveFolder, requestRedrive } from '../reconcile/redrive-requests.js';
import { readAdvertisedRuntime, startLocalRuntime } from '../runtime.js';
import { useLocalEndpoints } from '../services.js';
import { TERMINAL_UPLOAD_STATUSES } from '../uploads.js';

export interface ReconcileOptions {
  readonly dataDir: string;
  readonly dryRun: boolean;
  readonly json: boolean;
  /** Reconcile a deployed pipeline's bucket and table (endpoints and credentials from the AWS SDK's settings). */
  readonly bucket?: string;
  readonly table?: string;
  /** Deployed pipeline: minutes after which a PROCESSING record (or an unrecorded object) is presumed abandoned. */
  readonly staleAfterMinutes: number;
}

interface Outcome {
  readonly key: string;
  readonly uploadId: string;
  readonly status: string;
}

/**
 * Compares the upload bucket with the record table and re-drives every object without a terminal record. Locally it
 * works through a running `docpipe up` (which starts the executions) or, when none runs, on the data folder itself,
 * waiting for the re-driven executions. With --bucket and --table it reconciles a deployed pipeline.
 */
export async function reconcileCommand(options: ReconcileOptions): Promise<number> {
  if (options.bucket !== undefined || options.table !== undefined) return reconcileDeployed(options);
  const paths = dataPaths(options.dataDir);
  ensureDataDirs(paths);
  const advertised = readAdvertisedRuntime(paths);
  const log = fileLog(paths.logFile, { service: 'docpipe', command: 'reconcile' });

  if (advertised) {
    useLocalEndpoints(advertised);
    const s3 = createS3Client();
    const records = new RecordStore(createDocumentClient(), LOCAL_NAMES.table);
    try {
      const running = new ExecutionStore(paths.executions).list({ status: 'RUNNING' });
      const folder = redriveFolder(paths.root);
      const report = await reconcile(
        { ...localSources(s3, records, log), liveness: runningExecutions(running), redrive: async (event) => requestRedrive(folder, event) },
        { dryRun: options.dryRun },
      );
      print(report, [], options.json, 'handed to the running docpipe up');
    } finally {
      s3.destroy();
    }
    return 0;
  }

  const runtime = await startLocalRuntime({ dataDir: options.dataDir, recover: false });
  const s3 = createS3Client();
  let outcomes: Outcome[] = [];
  try {
    if (!options.dryRun) closeInterruptedExecutions(runtime.executions);
    const report = await reconcile(
      { ...localSources(s3, runtime.deps.records, log), liveness: NOTHING_ALIVE, redrive: async (event) => void runtime.runner.start(event) },
      { dryRun: options.dryRun },
    );
    await runtime.runner.idle();
    outcomes = await finalStatuses(runtime.deps.records, report);
    print(report, outcomes, options.json, 'processed');
  } finally {
    s3.destroy();
    await runtime.close();
  }
  return outcomes.some((outcome) => !TERMINAL_UPLOAD_STATUSES.has(outcome.status)) ? 1 : 0;
}

async function reconcileDeployed(options: ReconcileOptions): Promise<number> {
  if (!options.bucket || !options.table) throw new Error('--bucket and --table go together: the upload bucket and the record table of the deployment');
  const s3 = createS3Client();
  const records = new RecordStore(createDocumentClient(), options.table);
  try {
    const report = await reconcile(
      {
        s3,
        records,
        bucket: options.bucket,
        region: process.env.AWS_REGION ?? LOCAL_NAMES.region,
        liveness: quietFor(options.staleAfterMinutes * 60_000),
        redrive: reannounceObjects(s3, records),
        log: fileLog(dataPaths(options.dataDir).logFile, { service: 'docpipe', command: 'reconcile' }),
      },
      { dryRun: options.dryRun },
    );
    print(report, [], options.json, 'announced again to the deployed pipeline');
  } finally {
    s3.destroy();
  }
  return 0;
}

function localSources(s3: ReconcileSources['s3'], records: RecordStore, log: ReconcileSources['log']): Pick<ReconcileSources, 's3' | 'records' | 'bucket' | 'region' | 'log'> {
  return { s3, records, bucket: LOCAL_NAMES.uploadBucket, region: LOCAL_NAMES.region, log };
}

async function finalStatuses(records: RecordStore, report: ReconcileReport): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const { key, uploadId } of report.redriven) {
    const upload = (await records.uploadsOf(LOCAL_NAMES.uploadBucket, key)).find((u) => u.uploadId === uploadId);
    outcomes.push({ key, uploadId, status: upload?.status ?? 'MISSING' });
  }
  return outcomes;
}

function print(report: ReconcileReport, outcomes: readonly Outcome[], json: boolean, redriveVerb: string): void {
  if (json) {
    printJson({ ...report, outcomes });
    return;
  }
  const statusOf = new Map(outcomes.map((outcome) => [`${outcome.key}\u0000${outcome.uploadId}`, outcome.status]));
  const rows = report.actions.map((action) => {
    if (action.kind === 'release') return [action.key, 'release claim', action.documentId, ''];
    if (action.kind === 'complete') return [action.key, 'complete upload', action.documentId, action.status];
    const redriven = report.redriven.find((r) => r.key === action.key && (action.uploadId === undefined || r.uploadId === action.uploadId));
    const status = redriven ? (statusOf.get(`${redriven.key}\u0000${redriven.uploadId}`) ?? '') : '';
    return [action.key, `re-drive (${action.cause})`, action.uploadId ?? '', status];
  });
  if (rows.length > 0) process.stdout.write(`${table(['key', 'action', 'upload / document', 'result'], rows)}\n\n`);
  const verb = report.dryRun ? 'would be re-driven (dry run)' : redriveVerb;
  process.stdout.write(
    `${report.objects} objects: ${report.settled} settled, ${report.inFlight} in flight, ` +
      `${report.actions.filter((a) => a.kind === 'redrive').length} ${verb}\n`,
  );
}
