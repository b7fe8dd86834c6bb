/**
 * The reliability report: runs each failure scenario through the real local pipeline and writes docs/reliability.md,
 * one row per scenario with documents in, records out by status, retries, failures, documents stuck (must be 0),
 * wall and CPU time. Run with `npm run reliability` (about ten minutes on two cores).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { runBadInputCorpus } from '../fixtures/bad/run-corpus.js';
import { writeBornDigitalPdf, writeScannedPdf } from '../fixtures/large/generate.js';
import { createDocumentClient, createS3Client } from '../shared/aws/clients.js';
import { RecordStore } from '../shared/records/records.js';
import type { UploadRecord } from '../shared/records/types.js';
import { ExecutionStore } from '../local/execution-store.js';
import { LOCAL_NAMES } from '../local/paths.js';
import { listBucket } from '../local/reconcile/bucket-listing.js';
import { NOTHING_ALIVE } from '../local/reconcile/liveness.js';
import { reconcile } from '../local/reconcile/reconcile.js';
import { useLocalEndpoints } from '../local/services.js';
import { TERMINAL_UPLOAD_STATUSES } from '../local/uploads.js';
import { startTestRuntime, type TestRuntime } from '../test/helpers/runtime.js';
import { ALL_PII, leaksIn, PII_LEAK_CASES } from '../test/reliability/pii-leak-cases.js';

const COMMAND = 'npm run reliability';
const OUTPUT = fileURLToPath(new URL('../docs/reliability.md', import.meta.url));
const WAIT_MS = 900_000;

interface Row {
  readonly scenario: string;
  readonly what: string;
  readonly documentsIn: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly retries: number;
  /** Documents that ended FAILED although the scenario expects them to succeed (or the reverse). */
  readonly unexpected: number;
  readonly stuck: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly note: string;
}

interface Outcome {
  readonly statuses: Record<string, number>;
  readonly stuck: number;
  readonly retries: number;
}

/** The tests' runtime (its own temporary folder, retries without waiting) and the scenario's outcome. */
interface Harness extends TestRuntime {
  outcome(): Promise<Outcome>;
}

async function harness(env: NodeJS.ProcessEnv = {}): Promise<Harness> {
  const test = await startTestRuntime({ env }, { timeoutMs: WAIT_MS, pollMs: 200 });
  const { runtime, s3, records } = test;
  return {
    ...test,
    async outcome() {
      await runtime.runner.idle();
      const retries = runtime.executions
        .list()
        .flatMap((summary) => runtime.executions.get(summary.name)?.history ?? [])
        .filter((event) => event.type === 'StateRetried').length;
      return { ...(await recordOutcome(s3, records)), retries };
    },
  };
}

/** Uploads by status, and what is stuck: uploads or documents still PROCESSING, objects with no upload record. */
async function recordOutcome(s3: S3Client, records: RecordStore): Promise<Omit<Outcome, 'retries'>> {
  const [objects, uploads, documents] = await Promise.all([listBucket(s3, LOCAL_NAMES.uploadBucket), records.listUploads(), records.listDocuments()]);
  const statuses: Record<string, number> = {};
  for (const upload of uploads) statuses[upload.status] = (statuses[upload.status] ?? 0) + 1;
  const recorded = new Set(uploads.map((upload) => upload.key));
  const stuck =
    uploads.filter((upload) => !TERMINAL_UPLOAD_STATUSES.has(upload.status)).length +
    documents.filter((document) => document.status === 'PROCESSING').length +
    objects.filter((object) => !recorded.has(object.key)).length;
  return { statuses, stuck };
}

/** Wall and CPU time of one scenario. */
async function timed<T>(run: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
}

/** Small text documents, each distinct. */
function notes(count: number, topic: string): { key: string; body: string }[] {
  const words = ['harbour', 'orchard', 'granite', 'lantern', 'meadow', 'copper', 'thistle', 'juniper', 'falcon', 'willow', 'saffron', 'cobalt'];
  return Array.from({ length: count }, (_, i) => {
    const word = `${words[i % words.length] ?? 'note'}${Math.floor(i / words.length) || ''}`;
    return {
      key: `${topic}/${word}.txt`,
      body: `Site report on the ${word} project. The ${word} team finished the survey and filed the ${word} budget for review by the board.`,
    };
  });
}

const SAMPLE_PDFS = ['invoice-1.pdf', 'contract-1.pdf', 'letter-1.pdf', 'memo-1.pdf', 'report-1.pdf', 'resume-1.pdf'];

function samplePdfs(): { key: string; body: Uint8Array }[] {
  return SAMPLE_PDFS.map((name) => ({ key: `samples/${name}`, body: readFileSync(fileURLToPath(new URL(`../fixtures/documents/${name}`, import.meta.url))) }));
}

async function badInput(): Promise<Row> {
  const total: Outcome = { statuses: {}, stuck: 0, retries: 0 };
  const { value, wallMs, cpuMs } = await timed(() =>
    runBadInputCorpus(async (settings) => {
      const h = await harness(settings);
      return {
        upload: (key, body) => h.upload(key, body),
        records: h.records,
        async stop() {
          try {
            merge(total, await h.outcome());
          } finally {
            await h.stop();
          }
        },
      };
    }),
  );
  return row('Bad input corpus', 'every case of fixtures/bad/cases.ts, uploaded at once per settings group', value.documentsIn, total, value.failures.length, wallMs, cpuMs,
    `${value.failures.length} cases whose status or reason differs from the corpus's expectation`);
}

async function faults(name: string, spec: string, expected: (upload: UploadRecord) => boolean, what: string): Promise<Row> {
  const documents = [...notes(8, 'faults'), ...samplePdfs()];
  const { value, wallMs, cpuMs } = await timed(async () => {
    const h = await harness({ DOCPIPE_FAULTS: spec, DOCPIPE_FAULTS_SEED: 'reliability' });
    try {
      const uploads = await Promise.all(documents.map((d) => h.upload(d.key, d.body)));
      const unexpected = uploads.filter((u) => !expected(u)).length;
      const injected = Object.values(h.runtime.deps.faults.injected()).reduce((sum, n) => sum + n, 0);
      return { outcome: await h.outcome(), unexpected, injected };
    } finally {
      await h.stop();
    }
  });
  return row(name, `${what}: \`DOCPIPE_FAULTS=${spec}\``, documents.length, value.outcome, value.unexpected, wallMs, cpuMs, `${value.injected} faults injected`);
}

async function missedEvents(): Promise<Row> {
  const documents = notes(10, 'missed');
  const { value, wallMs, cpuMs } = await timed(async () => {
    const h = await harness();
    try {
      h.runtime.services.s3.removeAllListeners('event');
      for (const d of documents) await h.s3.send(new PutObjectCommand({ Bucket: LOCAL_NAMES.uploadBucket, Key: d.key, Body: d.body }));
      const before = await recordOutcome(h.s3, h.records);
      const report = await reconcile(
        { s3: h.s3, records: h.records, bucket: LOCAL_NAMES.uploadBucket, region: LOCAL_NAMES.region, liveness: NOTHING_ALIVE, redrive: async (event) => void h.runtime.runner.start(event), log: h.runtime.log },
        { dryRun: false },
      );
      const outcome = await h.outcome();
      return { outcome, unexpected: outcome.statuses.SUCCEEDED === documents.length ? 0 : documents.length - (outcome.statuses.SUCCEEDED ?? 0), before: before.stuck, redriven: report.redriven.length };
    } finally {
      await h.stop();
    }
  });
  return row('Reconcile of missed events', 'objects put while the runtime ignores their events, then `reconcile`', documents.length, value.outcome, value.unexpected, wallMs, cpuMs,
    `${value.before} objects without a record before, ${value.redriven} re-driven`);
}

async function duplicates(): Promise<Row> {
  const [first, second] = notes(2, 'duplicates');
  const { value, wallMs, cpuMs } = await timed(async () => {
    const h = await harness();
    try {
      const a = first ?? { key: 'a.txt', body: 'a' };
      const b = second ?? { key: 'b.txt', body: 'b' };
      for (let i = 0; i < 3; i += 1) await h.upload(a.key, a.body);
      await Promise.all([h.upload(b.key, b.body), h.upload(`copies/${b.key}`, b.body)]);
      const documents = await h.records.listDocuments();
      const index = await h.runtime.deps.searchIndex();
      const entries = (await index.search({ pageSize: 50 })).total;
      const outcome = await h.outcome();
      return { outcome, documents: documents.length, entries, unexpected: (outcome.statuses.DUPLICATE === 3 && documents.length === 2 && entries === 2) ? 0 : 1 };
    } finally {
      await h.stop();
    }
  });
  return row('Duplicates', 'one file uploaded 3× under one key; one content under two keys at once', 5, value.outcome, value.unexpected, wallMs, cpuMs,
    `${value.documents} documents, ${value.entries} index entries`);
}

async function largeDocuments(): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'docpipe-large-'));
  try {
    const digital = await writeBornDigitalPdf(dir, 300);
    const scanned = await writeScannedPdf(dir, 5);
    const { value, wallMs, cpuMs } = await timed(async () => {
      const h = await harness();
      try {
        const uploads = [await h.upload('large/born-digital-300.pdf', readFileSync(digital.path)), await h.upload('large/scanned-5.pdf', readFileSync(scanned.path))];
        return { outcome: await h.outcome(), unexpected: uploads.filter((u) => u.status !== 'SUCCEEDED').length };
      } finally {
        await h.stop();
      }
    });
    return row('Large documents', '300-page born-digital PDF and 5-page scanned PDF (fixtures/large/generate.ts)', 2, value.outcome, value.unexpected, wallMs, cpuMs,
      `${(digital.bytes / 1024).toFixed(0)} KiB and ${(scanned.bytes / 1024).toFixed(0)} KiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function piiLeak(): Promise<Row> {
  const { value, wallMs, cpuMs } = await timed(async () => {
    const h = await harness();
    try {
      for (const leakCase of PII_LEAK_CASES) await h.upload(leakCase.key, await leakCase.body());
      const index = await h.runtime.deps.searchIndex();
      const inIndex: string[] = [];
      for (const piiValue of ALL_PII) if ((await index.search({ text: piiValue })).total > 0) inIndex.push(piiValue);
      const documents = await h.records.listDocuments();
      const inSummaries = new Set(documents.flatMap((d) => leaksIn([d.summary ?? '', ...(d.keyPoints ?? [])].join('\n'), ALL_PII)));
      const inLog = new Set(leaksIn(readFileSync(h.runtime.paths.logFile, 'utf8'), ALL_PII));
      const leaked = new Set([...inIndex, ...inSummaries, ...inLog]);
      return { outcome: await h.outcome(), inIndex: inIndex.length, inSummaries: inSummaries.size, inLog: inLog.size, leaked: leaked.size };
    } finally {
      await h.stop();
    }
  });
  return row('PII leak', 'documents with PII in titles, first sentences, tables, split lines, a PDF heading', PII_LEAK_CASES.length, value.outcome, value.leaked, wallMs, cpuMs,
    `${ALL_PII.length} PII values: ${value.inIndex} found in the index, ${value.inSummaries} in summaries, ${value.inLog} in the log`);
}

async function crashRestart(): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'docpipe-crash-'));
  const documents = [...notes(12, 'crash'), ...samplePdfs()];
  try {
    const { value, wallMs, cpuMs } = await timed(async () => {
      const dataDir = join(dir, 'data');
      const inbox = join(dir, 'inbox');
      mkdirSync(inbox, { recursive: true });
      const first = startUp(dataDir, inbox);
      await until(() => first.output().includes('docpipe is up'));
      for (const d of documents) {
        mkdirSync(join(inbox, d.key, '..'), { recursive: true });
        writeFileSync(join(inbox, d.key), d.body);
      }
      await until(() => (first.output().match(/^ok /gm) ?? []).length >= 3);
      first.child.kill('SIGKILL');
      await exited(first.child);
      const killedAfter = (first.output().match(/^(ok|FAIL) /gm) ?? []).length;

      const second = startUp(dataDir, inbox);
      try {
        await until(() => second.output().includes('docpipe is up'));
        useLocalEndpoints(JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8')) as { s3Endpoint: string; dynamoEndpoint: string });
        const s3 = createS3Client();
        const records = new RecordStore(createDocumentClient(), LOCAL_NAMES.table);
        let outcome: Omit<Outcome, 'retries'> = { statuses: {}, stuck: 1 };
        await until(async () => {
          outcome = await recordOutcome(s3, records);
          const objects = await listBucket(s3, LOCAL_NAMES.uploadBucket);
          return objects.length === documents.length && outcome.stuck === 0;
        });
        const succeeded = new Set((await records.listUploads()).filter((u) => u.status === 'SUCCEEDED').map((u) => u.key));
        s3.destroy();
        const executions = new ExecutionStore(join(dataDir, 'executions'));
        const histories = executions.list().map((summary) => executions.get(summary.name));
        const retries = histories.flatMap((record) => record?.history ?? []).filter((event) => event.type === 'StateRetried').length;
        const interrupted = histories.filter((record) => record?.error === 'Interrupted').length;
        const recovered = recoveryLine(readFileSync(join(dataDir, 'logs', 'docpipe.log'), 'utf8'));
        return { outcome: { ...outcome, retries }, killedAfter, interrupted, recovered, unexpected: documents.filter((d) => !succeeded.has(d.key)).length };
      } finally {
        second.child.kill('SIGTERM');
        await exited(second.child);
      }
    });
    return row('Crash and restart', '`docpipe up` SIGKILLed mid-batch (inbox of 18 files), then started again', documents.length, value.outcome, value.unexpected, wallMs, cpuMs,
      `killed after ${value.killedAfter} of ${documents.length} finished; at restart ${value.interrupted} interrupted executions closed, ${value.recovered} objects re-driven`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many objects the start-up recovery re-drove, from its log line. */
function recoveryLine(log: string): number {
  const line = log.split('\n').find((entry) => entry.includes('"message":"Recovered unfinished work"'));
  return line ? Number((JSON.parse(line) as { redriven?: number }).redriven ?? 0) : 0;
}

function startUp(dataDir: string, inbox: string): { child: ChildProcess; output: () => string } {
  const child = spawn('node', ['bin/docpipe.js', '--data-dir', dataDir, 'up', '--inbox', inbox, '--s3-port', '0', '--dynamodb-port', '0', '--no-seed'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('Timed out waiting for docpipe up');
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

function merge(total: Outcome, add: Outcome): void {
  for (const [status, count] of Object.entries(add.statuses)) total.statuses[status] = (total.statuses[status] ?? 0) + count;
  (total as { stuck: number }).stuck += add.stuck;
  (total as { retries: number }).retries += add.retries;
}

function row(scenario: string, what: string, documentsIn: number, outcome: Outcome, unexpected: number, wallMs: number, cpuMs: number, note: string): Row {
  const result = { scenario, what, documentsIn, statuses: outcome.statuses, retries: outcome.retries, unexpected, stuck: outcome.stuck, wallMs, cpuMs, note };
  process.stderr.write(`${scenario}: ${JSON.stringify(result)}\n`);
  return result;
}

function render(rows: readonly Row[]): string {
  const count = (r: Row, status: string): string => String(r.statuses[status] ?? 0);
  const lines = [
    '# Reliability',
    '',
    `Generated by \`${COMMAND}\` (bench/reliability.ts) on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
      'embedded adapters, local emulators, retries without waiting. Each scenario runs the real local pipeline in a fresh data folder.',
    '',
    '- **records out**: upload records by status (one per upload event). **retries**: `StateRetried` events in the execution histories.',
    '- **unexpected**: documents that did not end as the scenario expects (FAILED where success was expected, or the reverse; for PII, leaked values outside the known gaps).',
    '- **stuck**: uploads or documents still PROCESSING, plus objects with no upload record, once the scenario ends. It must be 0.',
    '- Times are wall clock and CPU time of this process (the crash scenario runs `docpipe up` in child processes, whose CPU is not counted); the machine is shared, so treat them as rough.',
    '',
    '| scenario | what | documents in | SUCCEEDED | FAILED | DUPLICATE | retries | unexpected | stuck | wall s | CPU s | notes |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) =>
      `| ${r.scenario} | ${r.what} | ${r.documentsIn} | ${count(r, 'SUCCEEDED')} | ${count(r, 'FAILED')} | ${count(r, 'DUPLICATE')} | ${r.retries} | ${r.unexpected} | ${r.stuck} | ${(r.wallMs / 1000).toFixed(1)} | ${(r.cpuMs / 1000).toFixed(1)} | ${r.note} |`,
    ),
    '',
    '## Scenarios',
    '',
    '- **Bad input**: the corpus of fixtures/bad (empty, corrupt, encrypted, wrong type, odd keys ...); each must end FAILED with a reason, or SUCCEEDED for valid content under an odd key.',
    '- **Transient faults**: `DOCPIPE_FAULTS` makes every port throw ThrottlingError or TransientError at the given rate; the state machine retries them and every document succeeds.',
    '- **Permanent faults**: `error` faults are never retried; the documents they hit end FAILED with `Injected permanent fault in <port>` as the reason, none stuck.',
    '- **Crash and restart**: a real `docpipe up` is killed with SIGKILL in the middle of a batch and started again; at start it closes the interrupted executions, releases claims held by them and re-drives every object with no terminal record (`docpipe reconcile` does the same on demand).',
    '- **Reconcile of missed events**: objects whose events never reached the engine are found by comparing the bucket with the table.',
    '- **Duplicates**: repeats are DUPLICATE records pointing to the original; one document and one index entry per content.',
    '- **Large documents**: long born-digital and scanned PDFs go through without running out of memory.',
    '- **PII leak**: known PII values are searched for in the index, the summaries and the log.',
    '',
  ];
  return lines.join('\n');
}

const scenarios: (() => Promise<Row>)[] = [
  badInput,
  () => faults('Transient faults', 'extract:throttle:0.3,classify:transient:0.3,pii:transient:0.3,summarise:transient:0.3,index:throttle:0.3', (u) => u.status === 'SUCCEEDED', 'every port throttles or fails transiently'),
  () => faults('Permanent faults', 'summarise:error:0.5', (u) => u.status === 'SUCCEEDED' || u.error === 'InjectedFaultError', 'half the summaries fail for good'),
  crashRestart,
  missedEvents,
  duplicates,
  largeDocuments,
  piiLeak,
];

const rows: Row[] = [];
for (const scenario of scenarios) rows.push(await scenario());
writeFileSync(OUTPUT, render(rows));
process.stdout.write(`Wrote ${OUTPUT}\n`);
