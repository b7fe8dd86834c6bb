/**
 * The search part of the benchmark on its own (bench/parts/search.ts), printed as a table.
 *   npx tsx bench/search-index.ts            20,000 documents
 *   npx tsx bench/search-index.ts 100000     100,000 documents (the p95 ≤ 20 ms target)
 */
import { loadavg } from 'node:os';
import { runSearchBenchmark, type LatencySummary } from './parts/search.js';

const DEFAULT_COUNT = 20_000;
const count = Number(process.argv[2] ?? DEFAULT_COUNT);
if (!Number.isSafeInteger(count) || count < 1) {
  throw new Error(`Document count must be a positive integer, got ${process.argv[2]}`);
}

const load = (): string => loadavg().map((value) => value.toFixed(1)).join(' ');
const line = (name: string, { wallMs, cpuMs }: LatencySummary): string =>
  `  ${name.padEnd(18)} wall p50 ${wallMs.p50.toFixed(2).padStart(6)} ms, p95 ${wallMs.p95.toFixed(2).padStart(6)} ms | ` +
  `cpu p50 ${cpuMs.p50.toFixed(2).padStart(6)} ms, p95 ${cpuMs.p95.toFixed(2).padStart(6)} ms`;

console.log(`Load average at start: ${load()}`);
const results = await runSearchBenchmark({ documents: count, log: (text) => console.log(text) });
console.log(
  `Indexed ${results.documents} documents in ${results.indexSeconds.toFixed(1)} s ` +
    `(${Math.round(results.documentsPerSecond)} documents/s), file ${results.fileMegabytes.toFixed(0)} MB`,
);
console.log(`Single-document upserts: p50 ${results.singleUpsertMs.p50.toFixed(2)} ms, p95 ${results.singleUpsertMs.p95.toFixed(2)} ms`);
for (const [label, latencies] of [
  ['Queries, index as inserted', results.asInserted],
  [`Queries after optimize() (${results.optimizeSeconds.toFixed(1)} s)`, results.afterOptimize],
] as const) {
  console.log(`\n${label}: ${latencies.queries} queries`);
  console.log(line('all', latencies.all));
  console.log(line('all but prefix', latencies.allButPrefix));
  for (const [name, kind] of Object.entries(latencies.byKind)) console.log(line(name, kind));
}
console.log(`\nLoad average at end: ${load()}`);
