import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getConfigModel } from 's3rver/lib/models/config.js';
import FilesystemStore from 's3rver/lib/stores/filesystem.js';
import { installBucketSettingsCache } from '../../../local/s3-bucket-settings.mjs';

const corsFor = (origin: string): string =>
  `<CORSConfiguration><CORSRule><AllowedOrigin>${origin}</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>`;
const Cors = getConfigModel('cors');
const Tagging = getConfigModel('tagging');

describe('the local S3\'s bucket settings', () => {
  let root: string;
  let store: FilesystemStore;

  beforeAll(() => installBucketSettingsCache());
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'docpipe-s3-settings-'));
    store = new FilesystemStore(root);
    await store.putBucket('uploads');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const corsFile = (): string => store.getResourcePath('uploads', undefined, 'cors.xml');

  it('reads a bucket\'s settings file once and answers later requests from memory', async () => {
    writeFileSync(corsFile(), corsFor('https://first.example'));

    const first = await store.getSubresource('uploads', undefined, 'cors');
    // A change behind the store's back is not seen: the file is not read again.
    writeFileSync(corsFile(), corsFor('https://second.example'));
    const second = await store.getSubresource('uploads', undefined, 'cors');

    expect(second).toBe(first);
    expect(second?.toXML()).toContain('https://first.example');
  });

  it('remembers that a bucket has no settings, until some are put', async () => {
    expect(await store.getSubresource('uploads', undefined, 'cors')).toBeNull();

    await store.putSubresource('uploads', undefined, new Cors(corsFor('https://app.example')));

    expect((await store.getSubresource('uploads', undefined, 'cors'))?.toXML()).toContain('https://app.example');
    expect(readFileSync(corsFile(), 'utf8')).toContain('https://app.example');
  });

  it('forgets settings that are deleted, or whose bucket is deleted', async () => {
    await store.putSubresource('uploads', undefined, new Cors(corsFor('https://app.example')));
    expect(await store.getSubresource('uploads', undefined, 'cors')).not.toBeNull();

    await store.deleteSubresource('uploads', undefined, 'cors');
    expect(await store.getSubresource('uploads', undefined, 'cors')).toBeNull();

    await store.putSubresource('uploads', undefined, new Cors(corsFor('https://app.example')));
    expect(await store.getSubresource('uploads', undefined, 'cors')).not.toBeNull();
    await store.deleteBucket('uploads');
    await store.putBucket('uploads');
    expect(await store.getSubresource('uploads', undefined, 'cors')).toBeNull();
  });

  it('keeps each bucket\'s settings apart', async () => {
    await store.putBucket('derived');
    await store.putSubresource('uploads', undefined, new Cors(corsFor('https://uploads.example')));

    expect(await store.getSubresource('derived', undefined, 'cors')).toBeNull();
    expect((await store.getSubresource('uploads', undefined, 'cors'))?.toXML()).toContain('https://uploads.example');
  });

  it('reads an object\'s settings (tagging) from disk each time', async () => {
    const tagging = (value: string): string => `<Tagging><TagSet><Tag><Key>team</Key><Value>${value}</Value></Tag></TagSet></Tagging>`;
    await store.putSubresource('uploads', 'page.png', new Tagging(tagging('ops')));
    expect((await store.getSubresource('uploads', 'page.png', 'tagging'))?.toXML()).toContain('ops');

    writeFileSync(store.getResourcePath('uploads', 'page.png', 'tagging.xml'), tagging('finance'));

    expect((await store.getSubresource('uploads', 'page.png', 'tagging'))?.toXML()).toContain('finance');
  });

  it('writes an object\'s metadata (allowed headers and the user\'s own) and its MD5 before it resolves', async () => {
    await store.putMetadata('uploads', 'a.pdf', { 'content-type': 'application/pdf', 'x-amz-meta-source': 'scanner', 'x-forwarded-for': '10.0.0.1' }, 'abc123');

    expect(JSON.parse(readFileSync(store.getResourcePath('uploads', 'a.pdf', 'metadata.json'), 'utf8'))).toEqual({
      'content-type': 'application/pdf',
      'x-amz-meta-source': 'scanner',
    });
    expect(readFileSync(store.getResourcePath('uploads', 'a.pdf', 'object.md5'), 'utf8')).toBe('abc123');
  });
});
