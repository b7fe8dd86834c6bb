import { SingleBar, Presets } from 'cli-progress';
import { createDocumentClient, createS3Client } from '../../shared/aws/clients.js';
import { RecordStore } from '../../shared/records/records.js';
import type { DocumentRecord, UploadRecord } from '../../shared/records/types.js';
import { printJson, table, truncate } from '../format.js';
import { dataPaths, ensureDataDirs, LOCAL_NAMES } from '../paths.js';
import { readAdvertisedRuntime, startLocalRuntime, type LocalRuntime } from '../runtime.js';
import { useLocalEndpoints } from '../services.js';
import { assertAwsCredentials, hybridAdapterOverrides, type Providers } from '../providers.js';
import { WorkQueue } from '../queue.js';
import { collectFiles, uploadFile, waitForUpload } from '../uploads.js';

export interface ProcessOptions {
  readonly dataDir: string;
  readonly json: boolean;
  readonly concurrency: number;
  readonly timeoutSeconds: number;
  readonly providers: Providers;
}

export interface ProcessedFile {
  readonly file: string;
  readonly key: string;
  readonly documentId: string | null;
  readonly status: 'SUCCEEDED' | 'FAILED' | 'DUPLICATE' | 'TIMED_OUT';
  readonly reason: string | null;
  readonly documentType: string | null;
  readonly duplicateOf: string | null;
}

/**
 * Uploads files into the local bucket, waits for every execution and reports each file's outcome. Uses a running
 * `docpipe up` when there is one (same data folder), otherwise starts the embedded services in this process.
 */
export async function processCommand(inputs: readonly string[], options: ProcessOptions): Promise<number> {
  const files = collectFiles(inputs);
  if (files.length === 0) throw new Error('No files to process');
  const paths = dataPaths(options.dataDir);
  ensureDataDirs(paths);

  const advertised = readAdvertisedRuntime(paths);
  if (advertised && options.providers !== 'embedded') {
    throw new Error('docpipe up is running on this data folder with its own adapters; stop it to process with --providers aws');
  }
  let runtime: LocalRuntime | undefined;
  if (advertised) useLocalEndpoints(advertised);
  else {
    if (options.providers === 'aws') await assertAwsCredentials();
    runtime = await startLocalRuntime({
      dataDir: options.dataDir,
      concurrency: options.concurrency,
      ...(options.providers === 'aws' ? { overrides: hybridAdapterOverrides() } : {}),
    });
  }

  const s3 = createS3Client();
  const records = new RecordStore(createDocumentClient(), LOCAL_NAMES.table);
  const bar = options.json || !process.stderr.isTTY ? undefined : new SingleBar({ format: 'processing [{bar}] {value}/{total} {file}', hideCursor: true }, Presets.shades_classic);
  bar?.start(files.length, 0, { file: '' });

  const results: ProcessedFile[] = [];
  const uploads = new WorkQueue(4);
  try {
    const outcomes = files.map((file) =>
      uploads
        .run(async () => {
          const known = new Set((await records.uploadsOf(LOCAL_NAMES.uploadBucket, file.key)).map((u) => u.uploadId));
          await uploadFile(s3, LOCAL_NAMES.uploadBucket, file).catch((error: unknown) => {
            throw new Error(`Could not upload ${file.path} to the local bucket: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
          });
          return known;
        })
        .then(async (known) => {
          const upload = await waitForUpload(records, LOCAL_NAMES.uploadBucket, file.key, known, {
            timeoutMs: options.timeoutSeconds * 1000,
            pollMs: Math.min(2000, 250 + files.length * 10),
          });
          const document = upload?.documentId ? await records.getDocument(upload.documentId) : undefined;
          bar?.increment(1, { file: truncate(file.key, 40) });
          return describeOutcome(file.path, file.key, upload, document, options.timeoutSeconds);
        }),
    );
    for (const outcome of await Promise.all(outcomes)) results.push(outcome);
  } finally {
    bar?.stop();
    s3.destroy();
    await runtime?.close();
  }

  if (options.json) printJson({ files: results });
  else {
    process.stdout.write(
      `${table(
        ['key', 'status', 'type', 'document', 'reason'],
        results.map((r) => [truncate(r.key, 48), r.status, r.documentType ?? '', r.documentId ?? '', truncate(r.reason ?? '', 80)]),
      )}\n`,
    );
    const counts = countBy(results.map((r) => r.status));
    process.stdout.write(`\n${results.length} files: ${Object.entries(counts).map(([s, n]) => `${n} ${s.toLowerCase()}`).join(', ')}\n`);
  }
  return results.some((r) => r.status === 'FAILED' || r.status === 'TIMED_OUT') ? 1 : 0;
}

function describeOutcome(
  path: string,
  key: string,
  upload: UploadRecord | undefined,
  document: DocumentRecord | undefined,
  timeoutSeconds: number,
): ProcessedFile {
  if (!upload) {
    return {
      file: path,
      key,
      documentId: null,
      status: 'TIMED_OUT',
      reason: `No result within ${timeoutSeconds}s (the execution may still be running: see docpipe executions)`,
      documentType: null,
      duplicateOf: null,
    };
  }
  const status = upload.status === 'PROCESSING' ? 'TIMED_OUT' : upload.status;
  return {
    file: path,
    key,
    documentId: upload.documentId ?? null,
    status,
    reason: upload.reason ?? null,
    documentType: document?.documentType ?? null,
    duplicateOf: upload.duplicateOf ?? null,
  };
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
