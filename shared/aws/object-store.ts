import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { z } from 'zod';
import { InvalidDocumentError } from '../errors.js';
import { parseContract } from '../contracts/validate.js';
import type { S3Ref } from '../contracts/stages.js';
import { toDocpipeError } from './sdk-errors.js';

export interface ObjectHead {
  readonly size: number;
  readonly etag: string | undefined;
  readonly contentType: string | undefined;
}

/** Reads and writes objects: uploads by reference, derived JSON documents by key. */
export class ObjectStore {
  constructor(private readonly s3: S3Client) {}

  async head(ref: S3Ref): Promise<ObjectHead> {
    try {
      const out = await this.s3.send(new HeadObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
      return { size: out.ContentLength ?? 0, etag: out.ETag, contentType: out.ContentType };
    } catch (error) {
      throw this.translate(error, ref);
    }
  }

  /** Reads bytes, optionally only the first `length` bytes (a ranged GET). */
  async read(ref: S3Ref, length?: number): Promise<Uint8Array> {
    try {
      const out = await this.s3.send(
        new GetObjectCommand({
          Bucket: ref.bucket,
          Key: ref.key,
          ...(length === undefined ? {} : { Range: `bytes=0-${Math.max(0, length - 1)}` }),
        }),
      );
      if (!out.Body) return new Uint8Array();
      return await out.Body.transformToByteArray();
    } catch (error) {
      throw this.translate(error, ref);
    }
  }

  /** Streams the object through SHA-256 without holding it in memory. Returns the hex digest and byte count. */
  async sha256(ref: S3Ref): Promise<{ hash: string; size: number }> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
      const hash = createHash('sha256');
      let size = 0;
      const body = out.Body as AsyncIterable<Uint8Array> | undefined;
      if (body) {
        for await (const chunk of body) {
          hash.update(chunk);
          size += chunk.byteLength;
        }
      }
      return { hash: hash.digest('hex'), size };
    } catch (error) {
      throw this.translate(error, ref);
    }
  }

  async readJson<S extends z.ZodType>(ref: S3Ref, schema: S): Promise<z.infer<S>> {
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
    try {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: ref.bucket,
          Key: ref.key,
          Body: JSON.stringify(value),
          ContentType: 'application/json',
        }),
      );
    } catch (error) {
      throw toDocpipeError(error, `writing s3://${ref.bucket}/${ref.key}`);
    }
  }

  private translate(error: unknown, ref: S3Ref): Error {
    if (error instanceof NoSuchKey || error instanceof NotFound) {
      return new InvalidDocumentError(`The object s3://${ref.bucket}/${ref.key} no longer exists`, { cause: error });
    }
    return toDocpipeError(error, `reading s3://${ref.bucket}/${ref.key}`);
  }
}
