import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createDocumentClient, createS3Client } from '../../shared/aws/clients.js';
import { RecordStore } from '../../shared/records/records.js';
import type { DocumentRecord, UploadRecord } from '../../shared/records/types.js';
import { LOCAL_NAMES } from '../../local/paths.js';
import { listBucket } from '../../local/reconcile/bucket-listing.js';
import { NOTHING_ALIVE, quietFor } from '../../local/reconcile/liveness.js';
import { planReconcile } from '../../local/reconcile/reconcile-plan.js';
import { reconcile } from '../../local/reconcile/reconcile.js';
import type { ReconcileReport } from '../../local/reconcile/reconcile.js';
import { useLocalEndpoints } from '../../local/services.js';
import { TERMINAL_UPLOAD_STATUSES } from '../../local/uploads.js';
import { startTestRuntime } from '../helpers/runtime.js';

const run = promisify(execFile);
const TERMS = ['harbour', 'orchard', 'granite', 'lantern', 'meadow', 'copper', 'thistle', 'juniper', 'falcon', 'willow', 'saffron', 'cobalt'];

/** A distinct small document per term, so each file is its own document. */
function note(term: string): string {
  return `Site report on the ${term} project. The ${term} team finished the survey and filed the ${term} budget for review by the board.`;
}

function startUp(dataDir: string, inbox: string): { child: ChildProcess; output: () => string } {
  const child = spawn('node', ['bin/docpipe.js', '--data-dir', dataDir, 'up', '--inbox', inbox, '--s3-port', '0', '--dynamodb-port', '0', '--no-seed', '--concurrency', '1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

interface Snapshot {
  readonly keys: string[];
  readonly uploads: UploadRecord[];
  readonly documents: DocumentRecord[];
}

async function snapshot(records: RecordStore): Promise<Snapshot> {
  const s3 = createS3Client();
  try {
    const keys = (await listBucket(s3, LOCAL_NAMES.uploadBucket)).map((object) => object.key).sort();
    return { keys, uploads: await records.listUploads(), documents: await records.listDocuments() };
  } finally {
    s3.destroy();
  }
}

/** Every object's uploads are all terminal and no document is left PROCESSING. */
function allTerminal(state: Snapshot): boolean {
  return (
    state.keys.every((key) => {
      const ofKey = state.uploads.filter((upload) => upload.key === key);
      return ofKey.length > 0 && ofKey.every((upload) => TERMINAL_UPLOAD_STATUSES.has(upload.status));
    }) && state.documents.every((document) => document.status !== 'PROCESSING')
  );
}

describe('crash recovery of a real docpipe up', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'docpipe-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves no document stuck after a SIGKILL in the middle of a batch and a restart', async () => {
    // Prepare: a running docpipe up with a batch of files in its inbox.
    const dataDir = join(dir, 'data');
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox, { recursive: true });
    const first = startUp(dataDir, inbox);
    await until(() => first.output().includes('docpipe is up'), 'the first docpipe up to start');
    for (const term of TERMS) writeFileSync(join(inbox, `${term}.txt`), note(term));

    // Act: kill it without warning once the first document is done, then look, then start it again.
    await until(() => /^ok /m.test(first.output()), 'the first document to finish');
    first.child.kill('SIGKILL');
    await exited(first.child);
    const { stdout: planned } = await run('node', ['bin/docpipe.js', '--data-dir', dataDir, 'reconcile', '--dry-run', '--json'], { timeout: 120_000 });
    const dryRun = JSON.parse(planned) as ReconcileReport;

    const second = startUp(dataDir, inbox);
    try {
      await until(() => second.output().includes('docpipe is up'), 'the second docpipe up to start');
      const runtime = JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8')) as { s3Endpoint: string; dynamoEndpoint: string };
      useLocalEndpoints(runtime);
      const records = new RecordStore(createDocumentClient(), LOCAL_NAMES.table);
      let state: Snapshot = { keys: [], uploads: [], documents: [] };
      await until(async () => {
        state = await snapshot(records);
        return state.keys.length === TERMS.length && allTerminal(state);
      }, 'every object to reach a terminal record');

      // Assess: the crash left unfinished work, and after the restart every file is one SUCCEEDED document.
      expect(dryRun.dryRun).toBe(true);
      expect(dryRun.actions.filter((action) => action.kind === 'redrive').length).toBeGreaterThan(0);
      expect(state.keys).toEqual(TERMS.map((term) => `${term}.txt`).sort());
      expect(state.documents.filter((document) => document.status === 'SUCCEEDED')).toHaveLength(TERMS.length);
      expect(state.uploads.filter((upload) => upload.status === 'FAILED')).toEqual([]);
      for (const term of TERMS) {
        expect(state.uploads.filter((upload) => upload.key === `${term}.txt` && upload.status === 'SUCCEEDED')).toHaveLength(1);
      }
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  }, 420_000);
});

describe('docpipe reconcile', () => {
  it('re-drives an object whose event was missed and an upload whose execution died, each to SUCCEEDED', async () => {
    // Prepare: a runtime that misses one object's event, and records left by an execution that died after its claim.
    const test = await startTestRuntime();
    try {
      test.runtime.services.s3.removeAllListeners('event');
      await test.s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.uploadBucket, Key: 'missed.txt', Body: note('missed') }));
      await test.s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.uploadBucket, Key: 'interrupted.txt', Body: note('interrupted') }));
      const deadExecution = 'arn:aws:states:local:000000000000:execution:docpipe-pipeline:interrupted-dead';
      const uploadId = '2026-01-01T00:00:00Z#0d7c1a52-5d0e-4c1e-9a52-000000000001';
      const at = new Date().toISOString();
      await test.records.putUpload({ uploadId, bucket: LOCAL_NAMES.uploadBucket, key: 'interrupted.txt', status: 'PROCESSING', executionId: deadExecution, receivedAt: at, updatedAt: at });
      // The dead execution had claimed the interrupted file's document (its id is the hash of the same bytes).
      const interruptedId = await documentIdOf(note('interrupted'));
      await test.records.claimDocument({
        documentId: interruptedId,
        contentHash: 'unused',
        status: 'PROCESSING',
        bucket: LOCAL_NAMES.uploadBucket,
        key: 'interrupted.txt',
        mediaType: 'text/plain',
        size: note('interrupted').length,
        executionId: deadExecution,
        createdAt: at,
        updatedAt: at,
      });

      // Act
      const report = await reconcile(
        {
          s3: test.s3,
          records: test.records,
          bucket: LOCAL_NAMES.uploadBucket,
          region: LOCAL_NAMES.region,
          liveness: NOTHING_ALIVE,
          redrive: async (event) => void test.runtime.runner.start(event),
          log: test.runtime.log,
        },
        { dryRun: false },
      );
      await test.runtime.runner.idle();

      // Assess
      expect(report.actions.map((action) => `${action.kind}:${action.key}`).sort()).toEqual([
        'redrive:interrupted.txt',
        'redrive:missed.txt',
        'release:interrupted.txt',
      ]);
      const missed = await test.records.uploadsOf(LOCAL_NAMES.uploadBucket, 'missed.txt');
      expect(missed.map((upload) => upload.status)).toEqual(['SUCCEEDED']);
      const interrupted = await test.records.uploadsOf(LOCAL_NAMES.uploadBucket, 'interrupted.txt');
      expect(interrupted.map((upload) => [upload.uploadId, upload.status])).toEqual([[uploadId, 'SUCCEEDED']]);
      expect((await test.records.getDocument(interruptedId))?.status).toBe('SUCCEEDED');

      const again = await reconcile(
        { s3: test.s3, records: test.records, bucket: LOCAL_NAMES.uploadBucket, region: LOCAL_NAMES.region, liveness: NOTHING_ALIVE, redrive: async () => undefined, log: test.runtime.log },
        { dryRun: true },
      );
      expect(again.actions).toEqual([]);
      expect(again.settled).toBe(2);
    } finally {
      await test.stop();
    }
  }, 180_000);
});

describe('reconcile plan', () => {
  const at = '2026-03-01T12:00:00.000Z';
  const upload = (fields: Partial<UploadRecord>): UploadRecord => ({
    uploadId: `${at}#u1`,
    bucket: 'b',
    key: 'a.pdf',
    status: 'PROCESSING',
    executionId: 'exec-1',
    receivedAt: at,
    updatedAt: at,
    ...fields,
  });
  const document = (fields: Partial<DocumentRecord>): DocumentRecord => ({
    documentId: 'doc-1',
    contentHash: 'h',
    status: 'SUCCEEDED',
    bucket: 'b',
    key: 'a.pdf',
    mediaType: 'application/pdf',
    size: 10,
    executionId: 'exec-1',
    createdAt: at,
    updatedAt: at,
    ...fields,
  });
  const object = { key: 'a.pdf', size: 10, lastModified: new Date('2026-03-01T11:59:59.000Z') };

  it('completes an upload whose document finished in the execution that died before the upload was marked', () => {
    const plan = planReconcile([object], [upload({ documentId: 'doc-1' })], [document({})], NOTHING_ALIVE);

    expect(plan.actions).toEqual([{ kind: 'complete', key: 'a.pdf', uploadId: `${at}#u1`, documentId: 'doc-1', status: 'SUCCEEDED' }]);
  });

  it('re-drives an object written again after its last recorded upload', () => {
    const rewritten = { ...object, lastModified: new Date('2026-03-01T12:05:00.000Z') };

    const plan = planReconcile([rewritten], [upload({ status: 'SUCCEEDED' })], [], NOTHING_ALIVE);

    expect(plan.actions).toEqual([{ kind: 'redrive', cause: 'newer-object', key: 'a.pdf', size: 10 }]);
  });

  it('leaves recent work alone where the engine cannot be asked, and re-drives it once it has been quiet too long', () => {
    const records = [upload({})];
    const fiveMinutesLater = quietFor(60 * 60_000, () => new Date('2026-03-01T12:05:00.000Z'));
    const twoHoursLater = quietFor(60 * 60_000, () => new Date('2026-03-01T14:00:00.000Z'));

    expect(planReconcile([object], records, [], fiveMinutesLater)).toMatchObject({ inFlight: 1, actions: [] });
    expect(planReconcile([object], records, [], twoHoursLater).actions).toEqual([
      { kind: 'redrive', cause: 'interrupted', key: 'a.pdf', uploadId: `${at}#u1`, size: 10 },
    ]);
  });
});

async function documentIdOf(content: string): Promise<string> {
  const { createHash } = await import('node:crypto');
  const { documentIdFor } = await import('../../stages/ingest/document-id.js');
  return documentIdFor(createHash('sha256').update(content).digest('hex'));
}
