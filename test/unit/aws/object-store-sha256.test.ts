import { createHash } from 'node:crypto';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ObjectStore } from '../../../shared/aws/object-store.js';
import { InvalidDocumentError } from '../../../shared/errors.js';
import { LOCAL_NAMES } from '../../../local/paths.js';
import { startTestEmulators, type TestEmulators } from '../../helpers/emulators.js';

/** Ingest's one read of an upload: size checked first, type from the first bytes, the whole through SHA-256. */
describe('ObjectStore.sha256 with checks', () => {
  let emulators: TestEmulators;
  let s3: S3Client;
  let objects: ObjectStore;
  const bytes = Buffer.from(Array.from({ length: 100_000 }, (_, i) => i % 251));
  const ref = { bucket: LOCAL_NAMES.uploadBucket, key: 'big.bin' };

  beforeAll(async () => {
    emulators = await startTestEmulators('docpipe-object-store-');
    s3 = emulators.s3;
    objects = new ObjectStore(s3);
    await s3.send(new PutObjectCommand({ Bucket: ref.bucket, Key: ref.key, Body: bytes }));
  });

  afterAll(() => emulators.stop());

  it('hashes the whole object and shows the checks its size and exactly its first bytes', async () => {
    const seen: { size?: number; prefix?: Uint8Array } = {};

    const result = await objects.sha256(ref, { size: (size) => (seen.size = size), prefixBytes: 4096, prefix: (prefix) => (seen.prefix = prefix) });

    expect(result).toEqual({ hash: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    expect(seen.size).toBe(bytes.length);
    expect(Buffer.from(seen.prefix ?? new Uint8Array()).equals(bytes.subarray(0, 4096))).toBe(true);
  });

  it('stops with the error a check throws', async () => {
    const tooBig = new InvalidDocumentError('too big');
    await expect(objects.sha256(ref, { size: () => { throw tooBig; } })).rejects.toBe(tooBig);
    const wrongType = new InvalidDocumentError('wrong type');
    await expect(objects.sha256(ref, { prefix: () => { throw wrongType; } })).rejects.toBe(wrongType);
  });

  it('shows a short object whole to the prefix check', async () => {
    await s3.send(new PutObjectCommand({ Bucket: ref.bucket, Key: 'short.txt', Body: 'hi' }));
    let prefix = '';

    await objects.sha256({ bucket: ref.bucket, key: 'short.txt' }, { prefix: (b) => (prefix = Buffer.from(b).toString('utf8')) });

    expect(prefix).toBe('hi');
  });

  it('says a missing object no longer exists', async () => {
    await expect(objects.sha256({ bucket: ref.bucket, key: 'gone.bin' })).rejects.toThrow(/no longer exists/);
  });
});
