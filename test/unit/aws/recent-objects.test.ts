import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import * as v from 'valibot';
import { ObjectStore } from '../../../shared/aws/object-store.js';
import { RecentObjects } from '../../../shared/aws/recent-objects.js';
import { LOCAL_NAMES } from '../../../local/paths.js';
import { startTestEmulators, type TestEmulators } from '../../helpers/emulators.js';

const ref = (key: string): { bucket: string; key: string } => ({ bucket: LOCAL_NAMES.derivedBucket, key });
const bytesOf = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const textOf = (bytes: Uint8Array | undefined): string | undefined => (bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8'));

describe('RecentObjects', () => {
  it('lets the least recently used objects go first once over its byte budget', () => {
    const recent = new RecentObjects({ maxBytes: 10, maxObjectBytes: 4 });
    recent.set(ref('a'), bytesOf('aaaa'));
    recent.set(ref('b'), bytesOf('bbbb'));
    expect(textOf(recent.get(ref('a')))).toBe('aaaa'); // a is now the most recently used

    recent.set(ref('c'), bytesOf('cccc'));

    expect(textOf(recent.get(ref('b')))).toBeUndefined();
    expect(textOf(recent.get(ref('a')))).toBe('aaaa');
    expect(textOf(recent.get(ref('c')))).toBe('cccc');
    expect(recent.stats()).toEqual({ objects: 2, bytes: 8, hits: 3, misses: 1 });
  });

  it('keeps no object over maxObjectBytes, and drops what it held for that key', () => {
    const recent = new RecentObjects({ maxBytes: 100, maxObjectBytes: 4 });
    recent.set(ref('a'), bytesOf('aaaa'));

    recent.set(ref('a'), bytesOf('aaaaa'));

    expect(recent.get(ref('a'))).toBeUndefined();
    expect(recent.stats().bytes).toBe(0);
  });

  it('hands out copies, so a reader changing its bytes changes nothing held', () => {
    const recent = new RecentObjects();
    recent.set(ref('a'), bytesOf('abc'));

    const copy = recent.get(ref('a'));
    copy?.fill(0);

    expect(textOf(recent.get(ref('a')))).toBe('abc');
  });

  it('refuses limits that could hold nothing', () => {
    expect(() => new RecentObjects({ maxBytes: 1, maxObjectBytes: 2 })).toThrow(/maxObjectBytes <= maxBytes/);
  });
});

/** The object store of a runtime running every stage in one process. */
describe('ObjectStore with RecentObjects', () => {
  let emulators: TestEmulators;
  let s3: S3Client;
  const schema = v.object({ n: v.number() });

  beforeAll(async () => {
    emulators = await startTestEmulators('docpipe-recent-objects-');
    s3 = emulators.s3;
  });

  afterAll(() => emulators.stop());

  /** Puts an upload into S3 behind the store's back. */
  const putUpload = async (key: string, body: string): Promise<{ bucket: string; key: string }> => {
    await s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.uploadBucket, Key: key, Body: body }));
    return { bucket: LOCAL_NAMES.uploadBucket, key };
  };

  it('writes JSON to S3 and reads it back from memory', async () => {
    const recent = new RecentObjects();
    const objects = new ObjectStore(s3, recent);
    const target = ref('written/one.json');
    await objects.writeJson(target, { n: 1 });

    // What S3 has is what was written.
    expect(await new ObjectStore(s3).readJson(target, schema)).toEqual({ n: 1 });
    // With the object gone from S3, the store still answers, from memory.
    await s3.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: target.key }));
    expect(await objects.readJson(target, schema)).toEqual({ n: 1 });
    expect(recent.stats().hits).toBe(1);
  });

  it('keeps what it read, and validates what it serves from memory like what it fetches', async () => {
    const objects = new ObjectStore(s3, new RecentObjects());
    const target = ref('read/two.json');
    await s3.send(new PutObjectCommand({ Bucket: target.bucket, Key: target.key, Body: JSON.stringify({ n: 'two' }) }));

    await expect(objects.readJson(target, schema)).rejects.toThrow(/read\/two\.json/);
    await s3.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: target.key }));
    await expect(objects.readJson(target, schema)).rejects.toThrow(/read\/two\.json/);
    expect(Buffer.from(await objects.read(target)).toString('utf8')).toBe('{"n":"two"}');
  });

  it('hashes an upload from S3 every time, keeping its bytes for the next read', async () => {
    const objects = new ObjectStore(s3, new RecentObjects());
    const upload = await putUpload('recent/upload.bin', 'first version');
    await objects.sha256(upload);
    // The upload is replaced: the next hash reads S3 again and replaces what was kept.
    await putUpload(upload.key, 'second version');

    const { hash } = await objects.sha256(upload);
    await s3.send(new DeleteObjectCommand({ Bucket: upload.bucket, Key: upload.key }));

    expect(hash).toBe(createHash('sha256').update('second version').digest('hex'));
    expect(Buffer.from(await objects.read(upload)).toString('utf8')).toBe('second version');
  });

  it('keeps nothing of an upload whose read was stopped by a check', async () => {
    const recent = new RecentObjects();
    const objects = new ObjectStore(s3, recent);
    const upload = await putUpload('recent/refused.bin', 'not wanted');

    await expect(objects.sha256(upload, { prefix: () => { throw new Error('wrong type'); } })).rejects.toThrow('wrong type');

    expect(recent.stats().objects).toBe(0);
  });
});

describe('ObjectStore with RecentObjects, a read overtaken by a write', () => {
  it('does not keep what a read fetched while a write of the same store started', async () => {
    // An S3 client whose GET answers with the old body only once released, and whose PUT lands at once.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const s3 = {
      send: async (command: unknown) => {
        if (command instanceof GetObjectCommand) {
          await gate;
          return { Body: { transformToByteArray: async () => bytesOf('{"n":1}') } };
        }
        return {};
      },
    } as unknown as S3Client;
    const objects = new ObjectStore(s3, new RecentObjects());
    const target = ref('raced.json');

    const staleRead = objects.read(target);
    await objects.writeJson(target, { n: 2 });
    release();

    expect(textOf(await staleRead)).toBe('{"n":1}');
    expect(await objects.readJson(target, v.object({ n: v.number() }))).toEqual({ n: 2 });
  });

  it('does not keep what a read fetched while the upload was hashed again (a re-upload of the same key)', async () => {
    // The first GET (ExtractText's read of the first upload) answers with the old bytes only once released; the next
    // (Ingest's hash of the re-upload) at once with the new ones.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let gets = 0;
    const s3 = {
      send: async (command: unknown) => {
        if (!(command instanceof GetObjectCommand)) return {};
        gets += 1;
        if (gets === 1) {
          await gate;
          return { Body: { transformToByteArray: async () => bytesOf('first upload') } };
        }
        const body = bytesOf('second upload');
        return { ContentLength: body.byteLength, Body: (async function* () { yield body; })() };
      },
    } as unknown as S3Client;
    const objects = new ObjectStore(s3, new RecentObjects());
    const upload = { bucket: LOCAL_NAMES.uploadBucket, key: 'raced/upload.pdf' };

    const staleRead = objects.read(upload);
    const { size } = await objects.sha256(upload);
    release();

    expect(textOf(await staleRead)).toBe('first upload');
    expect(size).toBe('second upload'.length);
    // What is held is what was hashed last, not what the overtaken read fetched.
    expect(textOf(await objects.read(upload))).toBe('second upload');
    expect(gets).toBe(2);
  });
});
