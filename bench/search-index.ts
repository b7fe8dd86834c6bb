/**
 * Indexes N synthetic documents into a SQLite search index file and reports the insert rate, the latency of
 * single-document upserts (the pipeline's path) and the latency of a mix of free-text and filter queries, before
 * and after optimize(). Wall-clock and CPU time are both shown: on a shared machine the load average (printed)
 * inflates wall-clock time.
 *   npx tsx bench/search-index.ts            20,000 documents
 *   npx tsx bench/search-index.ts 100000     100,000 documents (the p95 ≤ 20 ms target)
 * The index is written to a temporary folder and removed afterwards.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteSearchIndex } from '../shared/adapters/embedded/search-index/index.js';
import type { PiiEntityType } from '../shared/ports/pii-detector.js';
import type { SearchDocument, SearchQuery } from '../shared/ports/search-index.js';
import { mulberry32 } from '../fixtures/content/prng.js';

const DEFAULT_COUNT = 20_000;
const BATCH_SIZE = 1000;
const QUERY_ROUNDS = 30;
const SINGLE_UPSERTS = 200;

const count = Number(process.argv[2] ?? DEFAULT_COUNT);
if (!Number.isSafeInteger(count) || count < 1) {
  throw new Error(`Document count must be a positive integer, got ${process.argv[2]}`);
}

// Seeded, so runs are comparable.
const random = mulberry32(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Function words: the most frequent ranks, in nearly every document, as in real text. */
const FUNCTION_WORDS = (
  'the of and to a in is for that on with as by at this be are from or it an was will your our we you not have ' +
  'has all any may per been its which their such these under other shall if no can must than into each'
).split(' ');
/** Business vocabulary at the ranks just after the function words: each in roughly 10–45% of documents. */
const DOMAIN_WORDS = (
  'payment invoice contract agreement customer account balance amount total order delivery shipment report ' +
  'quarter revenue policy insurance claim patient treatment employee salary tenant lease property meeting ' +
  'minutes project budget schedule receipt refund warranty supplier purchase tax audit compliance termination ' +
  'renewal service period notice date company number address bank transfer credit debit charge fee price ' +
  'product quantity unit discount shipping billing due terms conditions liability damages party parties ' +
  'obligation confidential information data privacy security access approval signature director manager ' +
  'department office building premises rent deposit maintenance repair equipment vehicle loan interest rate ' +
  'mortgage statement transaction card holder benefit coverage premium deductible provider hospital doctor ' +
  'prescription medication diagnosis appointment hearing court judge attorney counsel plaintiff defendant ' +
  'evidence witness testimony settlement dispute arbitration jurisdiction law regulation standard procedure ' +
  'training certificate license permit inspection safety incident accident injury compensation pension ' +
  'retirement vacation leave overtime bonus commission expense reimbursement travel hotel flight booking'
).split(' ');
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'ze', 'pa', 'do', 'fe', 'gu', 'ha', 'ji', 'bo'];
/** Function words, then business words, then 30,000 made-up words: a vocabulary drawn with Zipf's law. */
const VOCABULARY = [
  ...FUNCTION_WORDS,
  ...DOMAIN_WORDS,
  ...Array.from({ length: 30_000 }, (_, n) => {
    let word = 'q';
    for (let value = n + 1; value > 0; value = Math.floor(value / SYLLABLES.length)) {
      word += SYLLABLES[value % SYLLABLES.length];
    }
    return word;
  }),
];
/** Cumulative Zipf weights (1/rank) for sampling by binary search. */
const ZIPF_CUMULATIVE = (() => {
  let sum = 0;
  return VOCABULARY.map((_, rank) => (sum += 1 / (rank + 1)));
})();
function zipfWord(): string {
  const target = random() * (ZIPF_CUMULATIVE.at(-1) ?? 1);
  let low = 0;
  let high = ZIPF_CUMULATIVE.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((ZIPF_CUMULATIVE[middle] ?? 0) < target) low = middle + 1;
    else high = middle;
  }
  return VOCABULARY[low] ?? 'the';
}
const sentence = (words: number): string => Array.from({ length: words }, zipfWord).join(' ') + '.';
const FIRST_MADE_UP = FUNCTION_WORDS.length + DOMAIN_WORDS.length;
/** Made-up words of middling rank: each in a few hundred to a few thousand documents. */
const RARE_WORDS = VOCABULARY.slice(FIRST_MADE_UP + 2000, FIRST_MADE_UP + 12000);

const DOCUMENT_TYPES = [
  'invoice', 'contract', 'letter', 'report', 'form', 'memo', 'email', 'resume', 'receipt', 'news',
];
const PII_TYPES: readonly PiiEntityType[] = [
  'NAME', 'ADDRESS', 'EMAIL', 'PHONE', 'SSN', 'CREDIT_DEBIT_NUMBER', 'DATE_TIME', 'URL',
];
const START = Date.parse('2023-01-01T00:00:00Z');
const SPAN_MS = 2 * 365 * 24 * 3600 * 1000;

/** A document of 100–700 words (one to three pages), processed at a random time over two years. */
function syntheticDocument(n: number): SearchDocument {
  const documentType = pick(DOCUMENT_TYPES);
  const sentenceCount = 8 + Math.floor(random() * 40);
  const sentences = Array.from({ length: sentenceCount }, () => sentence(8 + Math.floor(random() * 10)));
  return {
    documentId: `doc-${n.toString().padStart(7, '0')}`,
    key: `inbox/${documentType}-${n}.pdf`,
    documentType,
    piiTypes: PII_TYPES.filter(() => random() < 0.3),
    pageCount: 1 + Math.floor(random() * 3),
    processedAt: new Date(START + Math.floor(random() * SPAN_MS)).toISOString(),
    redactedText: `${documentType} ${sentences.join(' ')} Contact [NAME] at [EMAIL].`,
    summary: sentences.slice(0, 2).join(' '),
    keyPoints: sentences.slice(0, 3),
  };
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

const COMMON = DOMAIN_WORDS.slice(0, 20);
const MIDDLING = DOMAIN_WORDS.slice(100);
/** The query mix. Prefix queries (an optional feature, slower: FTS5 merges every term with the prefix) are also
 * summarised apart. */
const QUERIES: readonly { readonly name: string; readonly query: () => SearchQuery }[] = [
  { name: 'common term', query: () => ({ text: pick(COMMON) }) },
  { name: 'middling term', query: () => ({ text: pick(MIDDLING) }) },
  { name: 'rare term', query: () => ({ text: pick(RARE_WORDS) }) },
  { name: 'two terms', query: () => ({ text: `${pick(DOMAIN_WORDS)} ${pick(DOMAIN_WORDS)}` }) },
  { name: 'sentence-like', query: () => ({ text: `the ${pick(DOMAIN_WORDS)} of ${pick(DOMAIN_WORDS)}` }) },
  { name: 'plural (stemmed)', query: () => ({ text: `${pick(MIDDLING)}s` }) },
  { name: 'prefix', query: () => ({ text: `${pick(DOMAIN_WORDS).slice(0, 4)}*` }) },
  { name: 'text + type', query: () => ({ text: pick(DOMAIN_WORDS), documentType: pick(DOCUMENT_TYPES) }) },
  { name: 'text + pii', query: () => ({ text: pick(DOMAIN_WORDS), piiTypes: [pick(PII_TYPES), pick(PII_TYPES)] }) },
  { name: 'text + dates', query: () => ({ text: pick(DOMAIN_WORDS), from: '2023-06-01', to: '2023-08-31' }) },
  { name: 'text, page 5', query: () => ({ text: pick(DOMAIN_WORDS), page: 5, pageSize: 20 }) },
  { name: 'list newest', query: () => ({}) },
  { name: 'type + dates', query: () => ({ documentType: pick(DOCUMENT_TYPES), from: '2024-01-01', to: '2024-03-31' }) },
  { name: 'pii only', query: () => ({ piiTypes: [pick(PII_TYPES), pick(PII_TYPES)] }) },
  {
    name: 'all filters',
    query: () => ({
      text: pick(DOMAIN_WORDS),
      documentType: pick(DOCUMENT_TYPES),
      piiTypes: [pick(PII_TYPES)],
      from: '2023-03-01',
      to: '2024-06-30',
    }),
  },
];

interface Timings {
  readonly wall: number[];
  readonly cpu: number[];
}

function summarise(times: number[]): string {
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 0.5).toFixed(2).padStart(6);
  const p95 = percentile(times, 0.95).toFixed(2).padStart(6);
  return `p50 ${p50} ms, p95 ${p95} ms`;
}

const load = (): string => loadavg().map((value) => value.toFixed(1)).join(' ');

/** Runs every kind of query QUERY_ROUNDS times (the first round warms up) and prints wall-clock and CPU time. */
async function measureQueries(index: SqliteSearchIndex, label: string): Promise<void> {
  const all: Timings = { wall: [], cpu: [] };
  const withoutPrefix: Timings = { wall: [], cpu: [] };
  const byKind = new Map<string, Timings>();
  for (let round = 0; round < QUERY_ROUNDS; round += 1) {
    for (const { name, query } of QUERIES) {
      const cpuBefore = process.cpuUsage();
      const started = process.hrtime.bigint();
      await index.search(query());
      const wall = Number(process.hrtime.bigint() - started) / 1e6;
      const cpuUsed = process.cpuUsage(cpuBefore);
      const cpu = (cpuUsed.user + cpuUsed.system) / 1000;
      if (round === 0) continue;
      const kind = byKind.get(name) ?? { wall: [], cpu: [] };
      byKind.set(name, kind);
      for (const timings of name === 'prefix' ? [all, kind] : [all, withoutPrefix, kind]) {
        timings.wall.push(wall);
        timings.cpu.push(cpu);
      }
    }
  }
  console.log(`\n${label}: ${all.wall.length} queries`);
  const rows: [string, Timings][] = [['all', all], ['all but prefix', withoutPrefix], ...byKind];
  for (const [name, timings] of rows) {
    console.log(`  ${name.padEnd(18)} wall ${summarise(timings.wall)} | cpu ${summarise(timings.cpu)}`);
  }
}

async function measureSingleUpserts(index: SqliteSearchIndex): Promise<void> {
  const times: number[] = [];
  for (let n = 0; n < SINGLE_UPSERTS; n += 1) {
    const started = process.hrtime.bigint();
    await index.upsert(syntheticDocument(count + n));
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  console.log(`\nSingle-document upserts (${SINGLE_UPSERTS}, one transaction each): ${summarise(times)}`);
}

const folder = mkdtempSync(join(tmpdir(), 'docpipe-search-bench-'));
const path = join(folder, 'search.sqlite');
const index = new SqliteSearchIndex({ path });
try {
  console.log(`Load average at start: ${load()}`);
  await index.ensureIndex();
  const started = performance.now();
  for (let first = 0; first < count; first += BATCH_SIZE) {
    const size = Math.min(BATCH_SIZE, count - first);
    await index.upsertMany(Array.from({ length: size }, (_, offset) => syntheticDocument(first + offset)));
  }
  const seconds = (performance.now() - started) / 1000;
  const bytes = statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  console.log(
    `Indexed ${count} documents in batches of ${BATCH_SIZE} in ${seconds.toFixed(1)} s ` +
      `(${Math.round(count / seconds)} documents/s), file ${(bytes / 1e6).toFixed(0)} MB`,
  );
  await measureSingleUpserts(index);
  await measureQueries(index, 'Queries, index as inserted');
  const optimiseStarted = performance.now();
  await index.optimize();
  console.log(`\noptimize() took ${((performance.now() - optimiseStarted) / 1000).toFixed(1)} s`);
  await measureQueries(index, 'Queries after optimize()');
  console.log(`\nLoad average at end: ${load()}`);
} finally {
  await index.close();
  rmSync(folder, { recursive: true, force: true });
}
