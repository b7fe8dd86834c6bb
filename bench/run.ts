/**
 * docpipe's benchmark (`npm run bench`): local throughput per document class, orchestration overhead, state
 * transitions per document, Lambda packages, cost on AWS per 1,000 documents, search latency and a burst under a
 * quota. Writes bench/results/<YYYY-MM-DD>.json and .md and bench/results/latest.md. It reports; it never fails on a
 * missed target. See bench/README.md.
 *
 *   npx tsx bench/run.ts                         the full run (about 30 minutes on 2 cores)
 *   npx tsx bench/run.ts --quick                 small counts, to check the machinery
 *   npx tsx bench/run.ts --only cost,search      some parts only
 *   npx tsx bench/run.ts --only throughput --classes born-digital   one document class of the throughput part
 *   npx tsx bench/run.ts --only throughput --classes born-digital --warm-up 20   ... with another warm-up
 *   npx tsx bench/run.ts --only throughput --classes born-digital --concurrency 2   ... with 2 executions in flight
 *
 * Quick or partial runs write to bench/results/scratch/ (ignored by git), so they never replace a full run's files.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { measureLambdaPackages } from './lambda-packages.js';
import { loadPriceTable } from './lib/cost-model.js';
import { currentLoad, machineFacts } from './lib/machine.js';
import { checkTargets, PART_NAMES, renderMarkdown, SEARCH_TARGET_DOCUMENTS, type BenchReport, type PartName, type PartResults } from './lib/report.js';
import { runBurstBenchmark } from './parts/burst.js';
import { runCostBenchmark, type CostVariantSpec } from './parts/cost.js';
import { runSearchBenchmark } from './parts/search.js';
import { runThroughputBenchmark } from './parts/throughput.js';
import { runTransitionCount } from './parts/transitions.js';
import { DOCUMENT_CLASSES, type DocumentClass } from './lib/bench-documents.js';

/** How much each part does in a full run and in a quick one. */
interface Plan {
  readonly throughput: { readonly 'born-digital': number; readonly scanned: number; readonly photo: number };
  /** Warm-up documents of the classes given; the others warm up on 10% of their batch (throughput.ts). */
  readonly throughputWarmUp?: Readonly<Partial<Record<DocumentClass, number>>>;
  readonly cost: readonly CostVariantSpec[];
  readonly searchDocuments: number;
  readonly searchRounds: number;
  readonly burstUploads: number;
  readonly burstRatePerSecond: number;
  readonly lambdaRuns: number;
}

const FULL: Plan = {
  // The issue's batch: at least 200 documents of each class.
  throughput: { 'born-digital': 200, scanned: 200, photo: 200 },
  // V8 is still compiling the pipeline's code (the SDK's, the engine's, the stages' own) a few hundred documents in,
  // so the born-digital class, where that shows and documents are cheap, warms up on a batch as large as the measured
  // one (bench/README.md). OCR classes warm up on 10%: their time is the OCR engines'.
  throughputWarmUp: { 'born-digital': 200 },
  cost: [
    { kind: 'born-digital-pdf', pages: 1, documents: 5 },
    { kind: 'born-digital-pdf', pages: 5, documents: 3 },
    { kind: 'born-digital-pdf', pages: 20, documents: 2 },
    { kind: 'scanned-png', pages: 1, documents: 3 },
    { kind: 'photo-jpeg', pages: 1, documents: 3 },
    { kind: 'scanned-pdf', pages: 1, documents: 3 },
    { kind: 'scanned-pdf', pages: 5, documents: 2 },
    { kind: 'scanned-pdf', pages: 20, documents: 1 },
  ],
  searchDocuments: SEARCH_TARGET_DOCUMENTS,
  searchRounds: 30,
  burstUploads: 500,
  burstRatePerSecond: 5,
  lambdaRuns: 7,
};

const QUICK: Plan = {
  throughput: { 'born-digital': 6, scanned: 3, photo: 3 },
  cost: [
    { kind: 'born-digital-pdf', pages: 1, documents: 1 },
    { kind: 'born-digital-pdf', pages: 5, documents: 1 },
    { kind: 'born-digital-pdf', pages: 20, documents: 1 },
    { kind: 'scanned-png', pages: 1, documents: 1 },
    { kind: 'photo-jpeg', pages: 1, documents: 1 },
    { kind: 'scanned-pdf', pages: 1, documents: 1 },
    { kind: 'scanned-pdf', pages: 5, documents: 1 },
  ],
  searchDocuments: 5000,
  searchRounds: 10,
  // A lower quota than the full run's, so that the throttling and retries show even with few documents.
  burstUploads: 30,
  burstRatePerSecond: 2,
  lambdaRuns: 3,
};

/** Parses a count of `things` (documents, executions), 1 or more. */
function countOf(things: string): (value: string) => number {
  return (value) => {
    const count = Number(value);
    if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError(`expected a whole number of ${things}, 1 or more; got ${value}`);
    return count;
  };
}

/** Parses a comma-separated list of known names into those names, in the known order. */
function namesFrom<N extends string>(known: readonly N[]): (value: string) => N[] {
  return (value) => {
    const names = value.split(',').map((name) => name.trim()).filter(Boolean);
    const unknown = names.filter((name) => !(known as readonly string[]).includes(name));
    if (unknown.length > 0 || names.length === 0) {
      throw new InvalidArgumentError(`expected a comma-separated list of ${known.join(', ')}; got ${value}`);
    }
    return known.filter((name) => names.includes(name));
  };
}

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

const program = new Command()
  .name('bench')
  .description('Run docpipe\'s benchmark and write bench/results/<date>.json and .md')
  .option('--quick', 'small counts, for checking the machinery (results go to bench/results/scratch/)', false)
  .option('--only <parts>', `comma-separated parts: ${PART_NAMES.join(', ')}`, namesFrom(PART_NAMES))
  .option('--classes <classes>', `throughput: comma-separated document classes (${DOCUMENT_CLASSES.join(', ')}; default all)`, namesFrom(DOCUMENT_CLASSES))
  .option('--warm-up <documents>', 'throughput: warm-up documents of every class, instead of the plan\'s (a variant: results go to bench/results/scratch)', countOf('documents'))
  .option('--concurrency <n>', 'throughput: executions in flight, and direct calls at once, instead of the runtime\'s default (a variant: results go to bench/results/scratch)', countOf('executions'))
  .option('--out <dir>', 'folder for the results (default: bench/results, or bench/results/scratch for quick or partial runs)')
  .parse();

const options = program.opts<{ quick: boolean; only?: PartName[]; classes?: DocumentClass[]; warmUp?: number; concurrency?: number; out?: string }>();
const parts = options.only ?? [...PART_NAMES];
const plan = options.quick ? QUICK : FULL;
const throughputCounts = Object.fromEntries(
  DOCUMENT_CLASSES.map((documentClass) => [documentClass, !options.classes || options.classes.includes(documentClass) ? plan.throughput[documentClass] : 0]),
) as Record<DocumentClass, number>;
const log = (line: string): void => {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

/** The warm-up of the throughput part: --warm-up for every class, else the plan's counts, else the part's default. */
function throughputWarmUp(): { warmUpCounts?: Partial<Record<DocumentClass, number>> } {
  const given = options.warmUp;
  if (given !== undefined) return { warmUpCounts: Object.fromEntries(DOCUMENT_CLASSES.map((documentClass) => [documentClass, given])) };
  return plan.throughputWarmUp ? { warmUpCounts: plan.throughputWarmUp } : {};
}

async function runPart(part: PartName): Promise<PartResults> {
  switch (part) {
    case 'lambda-packages':
      return { 'lambda-packages': await measureLambdaPackages({ runs: plan.lambdaRuns, log }) };
    case 'search':
      return { search: await runSearchBenchmark({ documents: plan.searchDocuments, rounds: plan.searchRounds, log }) };
    case 'transitions':
      return { transitions: await runTransitionCount() };
    case 'cost':
      return { cost: await runCostBenchmark({ variants: plan.cost, prices: loadPriceTable(), log }) };
    case 'throughput':
      return { throughput: await runThroughputBenchmark({ counts: throughputCounts, ...throughputWarmUp(), ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }), log }) };
    case 'burst':
      return { burst: await runBurstBenchmark({ uploads: plan.burstUploads, ratePerSecond: plan.burstRatePerSecond, log }) };
  }
}

const machine = machineFacts();
const started = performance.now();
let results: PartResults = {};
const errors: Partial<Record<PartName, string>> = {};
const partSeconds: Partial<Record<PartName, number>> = {};
for (const part of parts) {
  log(`${part}: starting`);
  const partStarted = performance.now();
  try {
    results = { ...results, ...(await runPart(part)) };
  } catch (error) {
    errors[part] = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    log(`${part}: failed: ${errors[part]}`);
  }
  partSeconds[part] = (performance.now() - partStarted) / 1000;
  log(`${part}: done in ${partSeconds[part].toFixed(0)} s`);
}

const report: BenchReport = {
  mode: options.quick ? 'quick' : 'full',
  parts,
  machine,
  durationSeconds: (performance.now() - started) / 1000,
  partSeconds,
  loadAverageAtEnd: currentLoad(),
  results,
  errors,
  targets: checkTargets(results),
};

const complete = !options.quick && options.only === undefined && options.classes === undefined && options.warmUp === undefined && options.concurrency === undefined;
const outDir = options.out ?? (complete ? RESULTS_DIR : join(RESULTS_DIR, 'scratch'));
mkdirSync(outDir, { recursive: true });
const stem = `${machine.date.slice(0, 10)}${options.quick ? '-quick' : ''}${options.only ? `-${parts.join('-')}` : ''}${options.classes ? `-${options.classes.join('-')}` : ''}${options.warmUp === undefined ? '' : `-warm-up-${options.warmUp}`}${options.concurrency === undefined ? '' : `-concurrency-${options.concurrency}`}`;
writeFileSync(join(outDir, `${stem}.json`), `${JSON.stringify(report, null, 2)}\n`);
const markdown = renderMarkdown(report);
writeFileSync(join(outDir, `${stem}.md`), markdown);
if (complete) copyFileSync(join(outDir, `${stem}.md`), join(outDir, 'latest.md'));
process.stdout.write(markdown);
log(`results written to ${join(outDir, stem)}.{json,md}${complete ? ' and latest.md' : ''}`);
// Worker threads or sockets left by an adapter must not keep a finished benchmark alive.
process.exit(0);
