/**
 * Uploads from a worker thread with its own S3 client (upload-worker.mjs), as a user's own program would: the
 * uploads' request building, signing and sending are not charged to the thread that runs the pipeline.
 */
import { Worker } from 'node:worker_threads';
import { s3ClientConfig } from '../../shared/aws/s3-client.js';

interface Answer {
  readonly id: number;
  readonly ok: boolean;
  readonly message?: string;
}

export class UploadThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;

  /** The client reaches the endpoint and region this process's SDK clients use (the local runtime's, once started). */
  constructor(env: NodeJS.ProcessEnv = process.env) {
    const endpoint = env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
    const clientConfig = { ...s3ClientConfig(env), ...(endpoint ? { endpoint } : {}), ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}) };
    this.worker = new Worker(new URL('./upload-worker.mjs', import.meta.url), { workerData: { clientConfig } });
    this.worker.on('message', (answer: Answer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if (answer.ok) waiting.resolve();
      else waiting.reject(new Error(`Upload failed: ${answer.message ?? 'no details given'}`));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`The upload thread exited (code ${code})`)));
  }

  /** Uploads a copy of the bytes (the caller keeps its own). */
  put(bucket: string, key: string, bytes: Uint8Array): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, bucket, key, bytes });
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('The upload thread was closed');
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }
}
