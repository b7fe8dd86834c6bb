import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import FilesystemStore from 's3rver/lib/stores/filesystem.js';
import { installCompletePuts } from '../../../local/s3-complete-puts.mjs';

const MB = 1024 * 1024;

/** s3rver's file store as the emulators' thread runs it, noting how much of the object file is on disk when its metadata write starts. */
function watchedStore(root: string): { store: FilesystemStore; onDiskAtMetadata: number[] } {
  const store = new FilesystemStore(root);
  const onDiskAtMetadata: number[] = [];
  const putMetadata = store.putMetadata.bind(store);
  store.putMetadata = async (bucket, key, metadata, md5) => {
    const path = store.getResourcePath(bucket, key, 'object');
    onDiskAtMetadata.push(existsSync(path) ? statSync(path).size : -1);
    return putMetadata(bucket, key, metadata, md5);
  };
  return { store, onDiskAtMetadata };
}

describe('the local S3\'s PUT', () => {
  let root: string;

  beforeAll(() => installCompletePuts());
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'docpipe-s3-puts-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['as one buffer', (body: Buffer): Buffer | Readable => body],
    ['as a stream of chunks', (body: Buffer): Buffer | Readable => Readable.from([body.subarray(0, MB), body.subarray(MB, 2 * MB), body.subarray(2 * MB)])],
  ])('has the whole object on disk before it writes the metadata and answers, given the body %s', async (_form, contentOf) => {
    const body = Buffer.alloc(3 * MB + 17);
    for (let index = 0; index < body.length; index += 1) body[index] = index % 251;
    const { store, onDiskAtMetadata } = watchedStore(root);

    const result = await store.putObject({ bucket: 'uploads', key: 'scans/page.png', content: contentOf(body), metadata: { 'content-type': 'image/png' } });

    expect(onDiskAtMetadata).toEqual([body.length]);
    expect(result).toEqual({ size: body.length, md5: createHash('md5').update(body).digest('hex') });
    expect(readFileSync(store.getResourcePath('uploads', 'scans/page.png', 'object')).equals(body)).toBe(true);
  });

  it('fails the PUT when the body breaks off, and writes no metadata for it', async () => {
    const { store, onDiskAtMetadata } = watchedStore(root);
    const broken = new Readable({
      read() {
        this.push(Buffer.alloc(1024, 1));
        this.destroy(new Error('connection reset by the client'));
      },
    });

    await expect(store.putObject({ bucket: 'uploads', key: 'broken.bin', content: broken, metadata: {} })).rejects.toThrow('connection reset by the client');
    expect(onDiskAtMetadata).toEqual([]);
  });
});
