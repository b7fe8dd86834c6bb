// s3rver's file store answers a PUT once the body has gone through its MD5 hash, not once the object file is written:
// the write is still queued on the thread pool when the answer and the ObjectCreated event go out. So a GET right
// after (Ingest's read of an upload, started by that event) could find the file empty or short: a valid upload failed
// as "The file is empty", or was hashed on part of its bytes. S3 reads what was written once the PUT has answered;
// this makes the emulator do the same. Plain JavaScript: it runs in the emulators' worker thread (emulator-thread.mjs).
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import FilesystemStore from 's3rver/lib/stores/filesystem.js';

/**
 * Writes an object's file, then its metadata, and resolves with its size and MD5 only once both are written. The
 * content is a Buffer or a readable stream, as s3rver's own putObject takes it.
 *
 * @param {{ bucket: string, key: string, content: Buffer | NodeJS.ReadableStream, metadata: Record<string, string> }} object
 */
async function putObjectWhenWritten(object) {
  const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
  await mkdir(dirname(objectPath), { recursive: true });
  const md5 = createHash('md5');
  let size = 0;
  if (Buffer.isBuffer(object.content)) {
    await writeFile(objectPath, object.content);
    md5.update(object.content);
    size = object.content.length;
  } else {
    const measure = new Transform({
      transform(chunk, encoding, callback) {
        md5.update(chunk, encoding);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    await pipeline(object.content, measure, createWriteStream(objectPath));
  }
  const digest = md5.digest('hex');
  await this.putMetadata(object.bucket, object.key, object.metadata, digest);
  return { size, md5: digest };
}

/** Makes s3rver's file store answer a PUT only once the object is on disk. */
export function installCompletePuts() {
  FilesystemStore.prototype.putObject = putObjectWhenWritten;
}
