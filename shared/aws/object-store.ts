import { createHash } from 'node:crypto';
import { GetObjectCommand, NoSuchKey, NotFound, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type * as v from 'valibot';
import { DocpipeError, InvalidDocumentError } from '../errors.js';
import { parseContract } from '../contracts/validate.js';
import type { S3Ref } from '../contracts/stages.js';
import type { RecentObjects } from './recent-objects.js';
import { toDocpipeError } from './sdk-errors.js';

/** Checks sha256() makes while it reads an object; each may throw to stop the read. */
export interface ReadChecks {
  /** Sees the object's size (its Content-Length) before the body is read. */
  readonly size?: (size: number) => void;
  /** How many bytes from the start `prefix` sees (default 4096). */
  readonly prefixBytes?: number;
  /** Sees the object's first `prefixBytes` (all of it when shorter) as soon as they have arrived. */
  readonly prefix?: (bytes: Uint8Array) => void;
}

const DEFAULT_PREFIX_BYTES = 4096;

/** Stops a body nobody will read, so its connection is not left waiting. */
function discard(body: unknown): void {
  const stream = body as { destroy?: () => void } | undefined;
  stream?.destroy?.();
}

/**
 * Reads and writes objects: uploads by reference, derived JSON documents by key.
 *
 * Given `recent` (a runtime running every stage in one process), it keeps what it writes and reads there and serves
 * `read`/`readJson` from it; every write still goes to S3, and `sha256` (Ingest's read of an upload, which decides what
 * the document is) always reads S3 and replaces what was held for that object.
 */
export class ObjectStore {
  /**
   * Writes and upload hashes (sha256, which replaces what is held for the upload) started through this store: a read
   * during which one started may have fetched what it replaced, so it is not kept.
   */
  private replacementsStarted = 0;

  constructor(
    private readonly s3: S3Client,
    private readonly recent?: RecentObjects,
  ) {}

  /** Reads the whole object. */
  async read(ref: S3Ref): Promise<Uint8Array> {
    const held = this.recent?.get(ref);
    if (held !== undefined) return held;
    const replacementsBefore = this.replacementsStarted;
    let bytes: Uint8Array;
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
      bytes = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      throw this.translate(error, ref);
    }
    if (this.replacementsStarted === replacementsBefore) this.recent?.set(ref, bytes.slice());
    return bytes;
  }

  /**
   * Reads the object once, streaming it through SHA-256 without holding it in memory, and returns the hex digest and
   * byte count. `checks.size` sees the object's size before its body is read and `checks.prefix` its first
   * `prefixBytes` as soon as they have arrived; either may throw to stop the read there (the rest is never
   * downloaded). One GET does what a HEAD, a ranged GET and a GET did.
   */
  async sha256(ref: S3Ref, checks: ReadChecks = {}): Promise<{ hash: string; size: number }> {
    this.replacementsStarted += 1;
    this.recent?.delete(ref);
    let body: AsyncIterable<Uint8Array> | undefined;
    let announced: number | undefined;
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
      body = out.Body as AsyncIterable<Uint8Array> | undefined;
      announced = out.ContentLength;
    } catch (error) {
      throw this.translate(error, ref);
    }
    try {
      if (checks.size && announced !== undefined) checks.size(announced);
    } catch (error) {
      discard(body);
      throw error;
    }
    const hash = createHash('sha256');
    const wanted = checks.prefix ? (checks.prefixBytes ?? DEFAULT_PREFIX_BYTES) : 0;
    const prefix: Uint8Array[] = [];
    // The whole object, for `recent`, while it is small enough to be kept there.
    let kept: Uint8Array[] | undefined = this.recent && this.recent.accepts(announced ?? 0) ? [] : undefined;
    let size = 0;
    let prefixChecked = wanted === 0;
    try {
      for await (const chunk of body ?? []) {
        hash.update(chunk);
        if (!prefixChecked) prefix.push(chunk);
        size += chunk.byteLength;
        kept?.push(chunk);
        if (kept && !this.recent?.accepts(size)) kept = undefined;
        if (!prefixChecked && size >= wanted) {
          prefixChecked = true;
          checks.prefix?.(Buffer.concat(prefix).subarray(0, wanted));
        }
      }
    } catch (error) {
      // A check's own error stops the loop (which destroys the body); anything else came from the download.
      if (error instanceof DocpipeError) throw error;
      throw toDocpipeError(error, `reading s3://${ref.bucket}/${ref.key}`);
    }
    if (!prefixChecked) checks.prefix?.(Buffer.concat(prefix));
    if (kept) this.recent?.set(ref, Buffer.concat(kept));
    return { hash: hash.digest('hex'), size };
  }

  async readJson<S extends v.GenericSchema>(ref: S3Ref, schema: S): Promise<v.InferOutput<S>> {
    const bytes = await this.read(ref);
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(bytes).toString('utf8'));
    } catch (error) {
      throw new InvalidDocumentError(`s3://${ref.bucket}/${ref.key} is not valid JSON`, { cause: error });
    }
    return parseContract(schema, value, `s3://${ref.bucket}/${ref.key}`);
  }

  async writeJson(ref: S3Ref, value: unknown): Promise<void> {
    const body = JSON.stringify(value);
    // Whatever was held no longer says what S3 has once a write starts (it may fail half-way).
    this.replacementsStarted += 1;
    this.recent?.delete(ref);
    try {
      await this.s3.send(new PutObjectCommand({ Bucket: ref.bucket, Key: ref.key, Body: body, ContentType: 'application/json' }));
    } catch (error) {
      throw toDocpipeError(error, `writing s3://${ref.bucket}/${ref.key}`);
    }
    this.recent?.set(ref, Buffer.from(body, 'utf8'));
  }

  private translate(error: unknown, ref: S3Ref): Error {
    if (error instanceof NoSuchKey || error instanceof NotFound) {
      return new InvalidDocumentError(`The object s3://${ref.bucket}/${ref.key} no longer exists`, { cause: error });
    }
    return toDocpipeError(error, `reading s3://${ref.bucket}/${ref.key}`);
  }
}
