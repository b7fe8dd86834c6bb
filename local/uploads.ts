import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { RecordStore } from '../shared/records/records.js';
import type { UploadRecord } from '../shared/records/types.js';

export interface FileToUpload {
  readonly path: string;
  /** Object key: the file name, or the path under the folder given (folder name included). */
  readonly key: string;
}

/** Expands files and folders (recursively; hidden files skipped) into files with their object keys. */
export function collectFiles(inputs: readonly string[]): FileToUpload[] {
  const files: FileToUpload[] = [];
  for (const input of inputs) {
    const path = resolve(input);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) throw new Error(`No such file or folder: ${input}`);
    if (stat.isFile()) {
      files.push({ path, key: basename(path) });
      continue;
    }
    const root = resolve(path, '..');
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith('.')) continue;
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile()) files.push({ path: full, key: relative(root, full).split(sep).join('/') });
      }
    };
    walk(path);
  }
  return files;
}

export async function uploadFile(s3: S3Client, bucket: string, file: FileToUpload): Promise<void> {
  const size = statSync(file.path).size;
  await s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: file.key, Body: createReadStream(file.path), ContentLength: size }),
  );
}

export const TERMINAL_UPLOAD_STATUSES = new Set(['SUCCEEDED', 'FAILED', 'DUPLICATE']);

/**
 * Waits until the upload of `key` that is not among `known` reaches a terminal status. Works whether the pipeline
 * runs in this process or in a separate `docpipe up`, since both write the same records.
 */
export async function waitForUpload(
  records: RecordStore,
  bucket: string,
  key: string,
  known: ReadonlySet<string>,
  options: { timeoutMs: number; pollMs?: number; signal?: AbortSignal },
): Promise<UploadRecord | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline && !options.signal?.aborted) {
    const fresh = (await records.uploadsOf(bucket, key)).filter((upload) => !known.has(upload.uploadId));
    const done = fresh.find((upload) => TERMINAL_UPLOAD_STATUSES.has(upload.status));
    if (done) return done;
    await new Promise((r) => setTimeout(r, options.pollMs ?? 200));
  }
  return undefined;
}
