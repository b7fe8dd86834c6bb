import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createDocumentClient, createS3Client } from '../../shared/aws/clients.js';
import { RecordStore } from '../../shared/records/records.js';
import type { UploadRecord } from '../../shared/records/types.js';
import { LOCAL_NAMES } from '../../local/paths.js';
import { startLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from '../../local/runtime.js';
import { waitForUpload } from '../../local/uploads.js';

export interface TestRuntime {
  readonly runtime: LocalRuntime;
  readonly s3: S3Client;
  readonly records: RecordStore;
  readonly dataDir: string;
  /** Puts an object in the upload bucket and waits for its upload record to reach a terminal status. */
  upload(key: string, body: Uint8Array | string): Promise<UploadRecord>;
  stop(): Promise<void>;
}

/** The real local runtime on free ports with a temporary data folder, retries without waiting. */
export async function startTestRuntime(
  options: Partial<LocalRuntimeOptions> = {},
  uploadWait: { readonly timeoutMs: number; readonly pollMs: number } = { timeoutMs: 240_000, pollMs: 100 },
): Promise<TestRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'docpipe-test-'));
  const runtime = await startLocalRuntime({ dataDir, s3Port: 0, dynamoPort: 0, concurrency: 2, retryDelayMs: 0, ...options });
  const s3 = createS3Client();
  const records = new RecordStore(createDocumentClient(), LOCAL_NAMES.table);
  return {
    runtime,
    s3,
    records,
    dataDir,
    async upload(key, body) {
      const known = new Set((await records.uploadsOf(LOCAL_NAMES.uploadBucket, key)).map((u) => u.uploadId));
      await s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.uploadBucket, Key: key, Body: body }));
      const upload = await waitForUpload(records, LOCAL_NAMES.uploadBucket, key, known, uploadWait);
      if (!upload) throw new Error(`No terminal record for ${key}`);
      return upload;
    },
    async stop() {
      s3.destroy();
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
