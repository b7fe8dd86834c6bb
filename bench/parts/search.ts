/**
 * Search on the embedded index (SQLite FTS5): indexes N synthetic documents with a Zipf-distributed vocabulary, then
 * times single-document upserts (the pipeline's path) and a mix of free-text and filter queries, before and after
 * optimize(). Wall-clock and CPU time are both kept: on a shared machine the load inflates wall-clock time.
 * The index lives in a temporary folder, removed afterwards.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteSearchIndex } from '../../shared/adapters/embedded/search-index/index.js';
import type { PiiEntityType } from '../../shared/ports/pii-detector.js';
import type { SearchDocument, SearchQuery } from '../../shared/ports/search-index.js';
import { mulberry32 } from '../../fixtures/content/prng.js';
import { summarise, type SampleSummary } from '../lib/stats.js';

const BATCH_SIZE = 1000;
const SEED = 42;

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
function zipfWord(random: () => number): string {
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
const sentence = (random: () => number, words: number): string => Array.from({ length: words }, () => zipfWord(random)).join(' ') + '.';
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
const COMMON = DOMAIN_WORDS.slice(0, 20);
const MIDDLING = DOMAIN_WORDS.slice(100);

/** Seeded document and query makers, so runs are comparable. */
function corpus(seed: number) {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  /** A document of 100–700 words (one to three pages), processed at a random time over two years. */
  const document = (n: number): SearchDocument => {
    const documentType = pick(DOCUMENT_TYPES);
    const sentenceCount = 8 + Math.floor(random() * 40);
    const sentences = Array.from({ length: sentenceCount }, () => sentence(random, 8 + Math.floor(random() * 10)));
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
  };

  /**
   * The query mix. Prefix queries are also summarised apart: an optional feature, and slower for a prefix length the
   * index keeps no prefix index for (2 to 4 characters have one), where FTS5 merges every term with the prefix.
   */
  const queries: readonly { readonly name: string; readonly query: () => SearchQuery }[] = [
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
  return { document, queries };
}

export interface LatencySummary {
  readonly wallMs: SampleSummary;
  readonly cpuMs: SampleSummary;
}

export interface QueryLatencies {
  readonly queries: number;
  readonly all: LatencySummary;
  readonly allButPrefix: LatencySummary;
  readonly byKind: Readonly<Record<string, LatencySummary>>;
}

export interface SearchResults {
  readonly documents: number;
  readonly indexSeconds: number;
  readonly documentsPerSecond: number;
  readonly fileMegabytes: number;
  readonly singleUpsertMs: SampleSummary;
  readonly asInserted: QueryLatencies;
  readonly optimizeSeconds: number;
  readonly afterOptimize: QueryLatencies;
}

export interface SearchOptions {
  readonly documents: number;
  /** Rounds of the query mix; the first warms up and is not counted. @default 30 */
  readonly rounds?: number;
  readonly singleUpserts?: number;
  readonly log?: (line: string) => void;
}

interface Timings {
  readonly wall: number[];
  readonly cpu: number[];
}

const latency = (timings: Timings): LatencySummary => ({ wallMs: summarise(timings.wall), cpuMs: summarise(timings.cpu) });

async function measureQueries(index: SqliteSearchIndex, queries: ReturnType<typeof corpus>['queries'], rounds: number): Promise<QueryLatencies> {
  const all: Timings = { wall: [], cpu: [] };
  const withoutPrefix: Timings = { wall: [], cpu: [] };
  const byKind = new Map<string, Timings>();
  for (let round = 0; round < rounds; round += 1) {
    for (const { name, query } of queries) {
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
  return {
    queries: all.wall.length,
    all: latency(all),
    allButPrefix: latency(withoutPrefix),
    byKind: Object.fromEntries([...byKind].map(([name, timings]) => [name, latency(timings)])),
  };
}

export async function runSearchBenchmark(options: SearchOptions): Promise<SearchResults> {
  const { documents } = options;
  const rounds = options.rounds ?? 30;
  const singleUpserts = options.singleUpserts ?? 200;
  const log = options.log ?? (() => undefined);
  const { document, queries } = corpus(SEED);
  const folder = mkdtempSync(join(tmpdir(), 'docpipe-search-bench-'));
  const path = join(folder, 'search.sqlite');
  const index = new SqliteSearchIndex({ path });
  try {
    await index.ensureIndex();
    const started = performance.now();
    for (let first = 0; first < documents; first += BATCH_SIZE) {
      const size = Math.min(BATCH_SIZE, documents - first);
      await index.upsertMany(Array.from({ length: size }, (_, offset) => document(first + offset)));
    }
    const indexSeconds = (performance.now() - started) / 1000;
    const bytes = statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    log(`search: indexed ${documents} documents in ${indexSeconds.toFixed(1)} s`);

    const upserts: number[] = [];
    for (let n = 0; n < singleUpserts; n += 1) {
      const upsertStarted = process.hrtime.bigint();
      await index.upsert(document(documents + n));
      upserts.push(Number(process.hrtime.bigint() - upsertStarted) / 1e6);
    }
    const asInserted = await measureQueries(index, queries, rounds);
    log(`search: ${asInserted.queries} queries, p95 ${asInserted.all.wallMs.p95.toFixed(2)} ms`);
    const optimiseStarted = performance.now();
    await index.optimize();
    const optimizeSeconds = (performance.now() - optimiseStarted) / 1000;
    const afterOptimize = await measureQueries(index, queries, rounds);
    return {
      documents,
      indexSeconds,
      documentsPerSecond: documents / indexSeconds,
      fileMegabytes: bytes / 1e6,
      singleUpsertMs: summarise(upserts),
      asInserted,
      optimizeSeconds,
      afterOptimize,
    };
  } finally {
    await index.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
