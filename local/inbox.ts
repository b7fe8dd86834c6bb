import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Log } from '../shared/log.js';
import { uploadFile } from './uploads.js';

/** Uploaded files move here (inside the inbox) so the inbox shows what is still waiting. */
export const UPLOADED_FOLDER = 'uploaded';

/**
 * Watches a folder and uploads every file that lands in it into the local bucket (which starts an execution), then
 * moves the file to `<inbox>/uploaded/`. Files already there at start are uploaded too.
 */
export class InboxWatcher {
  private watcher: FSWatcher | undefined;
  private readonly pending = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly log: Log,
    private readonly onUploaded: (key: string) => void = () => undefined,
  ) {}

  start(): void {
    mkdirSync(join(this.dir, UPLOADED_FOLDER), { recursive: true });
    this.watcher = watch(this.dir, { recursive: true }, (_event, name) => {
      if (name) this.consider(join(this.dir, name.toString()));
    });
    this.scan(this.dir);
  }

  stop(): void {
    this.watcher?.close();
  }

  private scan(dir: string): void {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && !this.isUploadedFolder(full)) this.scan(full);
      else if (entry.isFile()) this.consider(full);
    }
  }

  private isUploadedFolder(path: string): boolean {
    const rel = relative(this.dir, path).split(sep);
    return rel[0] === UPLOADED_FOLDER;
  }

  private consider(path: string): void {
    const rel = relative(this.dir, path);
    if (this.pending.has(path) || this.isUploadedFolder(path) || rel.split(sep).some((part) => part.startsWith('.'))) return;
    this.pending.add(path);
    void this.uploadWhenStable(path, rel.split(sep).join('/')).finally(() => this.pending.delete(path));
  }

  /** Waits until the file stops growing (a copy in progress), then uploads it. */
  private async uploadWhenStable(path: string, key: string): Promise<void> {
    let last = -1;
    for (;;) {
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat?.isFile()) return;
      if (stat.size === last) break;
      last = stat.size;
      await new Promise((r) => setTimeout(r, 300));
    }
    try {
      await uploadFile(this.s3, this.bucket, { path, key });
      const target = join(this.dir, UPLOADED_FOLDER, key);
      mkdirSync(join(target, '..'), { recursive: true });
      renameSync(path, target);
      this.onUploaded(key);
    } catch (error) {
      this.log.error('Inbox upload failed', { key, error: error instanceof Error ? error.name : 'Error' });
    }
  }
}

/** Copies the project's sample documents into a new inbox, once per data folder. */
export function seedInbox(inbox: string, samples: readonly string[], markerFile: string): number {
  if (existsSync(markerFile)) return 0;
  mkdirSync(inbox, { recursive: true });
  let count = 0;
  for (const sample of samples) {
    const name = sample.split(/[\\/]/).pop();
    if (!name) continue;
    copyFileSync(sample, join(inbox, name));
    count += 1;
  }
  writeFileSync(markerFile, `${new Date().toISOString()}\n`);
  return count;
}
