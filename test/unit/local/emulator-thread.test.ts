import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { PutCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../../shared/aws/clients.js';
import type { S3NotificationRecord } from '../../../local/events.js';
import { dataPaths, ensureDataDirs, LOCAL_NAMES } from '../../../local/paths.js';
import { ensureTable, startEmbeddedServices, type EmbeddedServices } from '../../../local/services.js';
import { startTestEmulators, type TestEmulators } from '../../helpers/emulators.js';

/** s3rver and dynalite run in their own thread; the runtime reaches them over HTTP and hears S3's events. */
describe('the emulators thread', () => {
  let emulators: TestEmulators;
  let dir: string;
  let services: EmbeddedServices;
  let s3: S3Client;

  beforeAll(async () => {
    emulators = await startTestEmulators('docpipe-emulators-');
    ({ dir, services, s3 } = emulators);
  });

  afterAll(() => emulators.stop());

  it('emits every object written as an ObjectCreated record by the time flushEvents resolves', async () => {
    const heard: S3NotificationRecord[] = [];
    services.s3.on('event', (notification: { Records?: S3NotificationRecord[] }) => heard.push(...(notification.Records ?? [])));

    await s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.uploadBucket, Key: 'notes/a.txt', Body: 'hello' }));
    await services.flushEvents();

    expect(heard.map((record) => [record.eventName, record.s3.bucket.name, record.s3.object.key, record.s3.object.size])).toEqual([
      ['ObjectCreated:Put', LOCAL_NAMES.uploadBucket, 'notes/a.txt', 5],
    ]);
    expect(services.s3.httpServer.address().address).toBe('127.0.0.1');
  });

  it('keeps a key with `..` and `.` segments inside its data folder, and gives it back exactly', async () => {
    const climb = '../'.repeat(8);
    const keys = [`escape/${climb}docpipe-escaped-object.txt`, 'odd/./dot.txt', 'odd/%docpipe%literal'];
    for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.uploadBucket, Key: key, Body: key }));

    const bodies = await Promise.all(
      keys.map(async (key) => (await s3.send(new GetObjectCommand({ Bucket: LOCAL_NAMES.uploadBucket, Key: key }))).Body?.transformToString()),
    );
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: LOCAL_NAMES.uploadBucket }));

    expect(bodies).toEqual(keys);
    expect(listed.Contents?.map((object) => object.Key)).toEqual(expect.arrayContaining(keys));
    const bucketDir = join(dataPaths(dir).s3, LOCAL_NAMES.uploadBucket);
    expect(existsSync(resolve(bucketDir, 'escape', climb, 'docpipe-escaped-object.txt._S3rver_object'))).toBe(false);
    expect(readdirSync(resolve(dir, '..')).filter((name) => name.startsWith('docpipe-escaped'))).toEqual([]);
  });

  it('keeps DynamoDB items in the table', async () => {
    await ensureTable(LOCAL_NAMES.table);
    const db = createDocumentClient();
    try {
      await db.send(new PutCommand({ TableName: LOCAL_NAMES.table, Item: { pk: 'P#1', sk: 'S', value: 42 } }));
      const out = await db.send(new GetCommand({ TableName: LOCAL_NAMES.table, Key: { pk: 'P#1', sk: 'S' } }));
      expect(out.Item?.value).toBe(42);
    } finally {
      db.destroy();
    }
  });

  it('reports a port already in use with its address', async () => {
    const paths = dataPaths(mkdtempSync(join(tmpdir(), 'docpipe-emulators-busy-')));
    ensureDataDirs(paths);
    const s3Port = Number(new URL(services.s3Endpoint).port);

    try {
      await expect(startEmbeddedServices(paths, { s3Port, dynamoPort: 0 })).rejects.toThrow(new RegExp(`^Could not start the local S3.*127\\.0\\.0\\.1:${s3Port}`));
    } finally {
      rmSync(paths.root, { recursive: true, force: true });
    }
  });
});
