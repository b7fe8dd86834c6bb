/**
 * The real local runtime (local/runtime.ts) in a temporary data folder, with uploads into its bucket and a wait for
 * each upload's execution to end: the normal S3 event → execution path, nothing short-circuited.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../shared/aws/clients.js';
import type { ExecutionRecord } from '../../local/execution-store.js';
import { LOCAL_NAMES } from '../../local/paths.js';
import { startLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from '../../local/runtime.js';
import type { BenchDocument } from './bench-documents.js';
import { UploadThread } from './upload-thread.js';

export interface BenchRuntime {
  readonly runtime: LocalRuntime;
  readonly s3Port: number;
  readonly dynamoPort: number;
  /** Uploads one document and resolves with its execution once it has ended. */
  process(document: BenchDocument): Promise<ExecutionRecord>;
  /**
   * Uploads every document at once (a few PUTs in flight) and resolves when all their executions have ended and their
   * records are written.
   */
  processAll(documents: readonly BenchDocument[]): Promise<ExecutionRecord[]>;
  stop(): Promise<void>;
}

export interface BenchRuntimeOptions extends Partial<LocalRuntimeOptions> {
  /**
   * Upload from a worker thread with its own S3 client (upload-thread.ts), as a user's own program would, instead of
   * from this thread (default). The throughput part does, so the pipeline's figures leave out the uploading client's
   * work; the cost part does not, as it counts every request this thread sends, the uploads' too.
   */
  readonly uploadThread?: boolean;
}

const PARALLEL_UPLOADS = 8;
const TIMEOUT_MS = 30 * 60 * 1000;

function portOf(endpoint: string): number {
  return Number(new URL(endpoint).port);
}

export async function startBenchRuntime(options: BenchRuntimeOptions = {}): Promise<BenchRuntime> {
  const { uploadThread: fromThread, ...runtimeOptions } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'docpipe-bench-'));
  const runtime = await startLocalRuntime({ dataDir, s3Port: 0, dynamoPort: 0, ...runtimeOptions });
  const s3: S3Client = createS3Client();
  const uploads = fromThread ? new UploadThread() : undefined;
  const waiting = new Map<string, (record: ExecutionRecord) => void>();
  runtime.runner.on('execution', (record: ExecutionRecord) => {
    if (record.status === 'RUNNING') return;
    const resolve = waiting.get(record.key);
    if (!resolve) return;
    waiting.delete(record.key);
    resolve(record);
  });

  const ended = (key: string): Promise<ExecutionRecord> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No execution ended for ${key} within ${TIMEOUT_MS / 60000} minutes`)), TIMEOUT_MS);
      timer.unref();
      waiting.set(key, (record) => {
        clearTimeout(timer);
        resolve(record);
      });
    });
  const put = (document: BenchDocument): Promise<unknown> =>
    uploads
      ? uploads.put(LOCAL_NAMES.uploadBucket, document.key, document.bytes)
      : s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.uploadBucket, Key: document.key, Body: document.bytes }));

  return {
    runtime,
    s3Port: portOf(runtime.services.s3Endpoint),
    dynamoPort: portOf(runtime.services.dynamoEndpoint),
    async process(document) {
      const done = ended(document.key);
      await put(document);
      return done;
    },
    async processAll(documents) {
      const done = documents.map((document) => ended(document.key));
      let next = 0;
      const uploader = async (): Promise<void> => {
        for (let index = next++; index < documents.length; index = next++) {
          const document = documents[index];
          if (document) await put(document);
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, documents.length) }, uploader));
      const records = await Promise.all(done);
      // The batch is done once its execution records are on disk too (they are written in the background).
      await runtime.runner.flush();
      return records;
    },
    async stop() {
      s3.destroy();
      await uploads?.close();
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
