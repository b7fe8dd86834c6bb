/**
 * Local throughput per document class through the real local runtime (uploads → S3 event → state machine →
 * stages), with per-stage timings from the execution histories, and the orchestration overhead: the pipeline's wall
 * time over the wall time of the same adapter calls made directly on the same documents, in the same process, with
 * the same concurrency.
 *
 * Both sides are measured warm and side by side: warm-up documents go through the pipeline and the direct calls
 * first, then the batch is cut into rounds, each run through the pipeline and directly, in alternating order, so a
 * change in the machine's speed during the run (a shared 2-core machine's is large) falls on both sides alike.
 */
import type { ExecutionRecord } from '../../local/execution-store.js';
import { DEFAULT_CONCURRENCY } from '../../local/runtime.js';
import { DOCUMENT_CLASSES, makeDocuments, type BenchDocument, type DocumentClass } from '../lib/bench-documents.js';
import { startBenchRuntime } from '../lib/bench-runtime.js';
import { processAllDirectly } from '../lib/direct-calls.js';
import { billedTransitions, executionMs, stageDurations, taskAttempts } from '../lib/history.js';
import { combine, measure, type ResourceUse } from '../lib/resources.js';
import { summarise, type SampleSummary } from '../lib/stats.js';

export interface ClassThroughput {
  readonly documentClass: DocumentClass;
  readonly documents: number;
  readonly pages: number;
  readonly succeeded: number;
  readonly failures: readonly string[];
  readonly pipeline: ResourceUse;
  readonly documentsPerMinute: number;
  readonly pagesPerSecond: number;
  /** CPU seconds per document (whole process: stages, emulators, engine). */
  readonly cpuSecondsPerDocument: number;
  readonly executionMs: SampleSummary;
  readonly stageMs: Readonly<Record<string, SampleSummary>>;
  readonly transitions: SampleSummary;
  readonly invocations: SampleSummary;
  readonly direct: ResourceUse;
  /** Pipeline wall time / direct adapter calls' wall time. */
  readonly overhead: number;
  /** The same ratio on CPU time. */
  readonly cpuOverhead: number;
}

export interface ThroughputResults {
  readonly concurrency: number;
  readonly ocrWorkers: number;
  /** Share of each class's batch (at least WARM_UP_MIN documents) run both ways first and not counted. */
  readonly warmUpShare: number;
  /** Classes whose warm-up was a given count instead of the share. */
  readonly warmUpCounts: Readonly<Partial<Record<DocumentClass, number>>>;
  readonly warmUpDocuments: Readonly<Partial<Record<DocumentClass, number>>>;
  /** Rounds each class's batch is cut into, pipeline and direct calls alternating. */
  readonly rounds: number;
  readonly classes: readonly ClassThroughput[];
}

export interface ThroughputOptions {
  readonly counts: Readonly<Record<DocumentClass, number>>;
  /** Executions in flight, on both sides (default: the runtime's, one per core plus one). */
  readonly concurrency?: number;
  readonly ocrWorkers?: number;
  /** Warm-up of a class not in warmUpCounts: this share of its batch, at least WARM_UP_MIN documents. */
  readonly warmUpShare?: number;
  /** Warm-up documents of the classes given, whatever the share. */
  readonly warmUpCounts?: Readonly<Partial<Record<DocumentClass, number>>>;
  readonly rounds?: number;
  readonly log?: (line: string) => void;
}

const WARM_UP_SEED = 99;
const WARM_UP_MIN = 2;

/**
 * Warm-up documents for a batch of `count`: `given` when there is one, else the given share of the batch, at least
 * WARM_UP_MIN.
 */
export function warmUpCount(count: number, share: number, given?: number): number {
  return given ?? Math.max(WARM_UP_MIN, Math.round(count * share));
}

/**
 * Cuts the documents into `rounds` consecutive slices of near-equal size and says which side runs first in each: the
 * pipeline in even rounds, the direct calls in odd ones.
 */
export function alternatingRounds<T>(documents: readonly T[], rounds: number): { documents: T[]; pipelineFirst: boolean }[] {
  const count = Math.max(1, Math.min(rounds, documents.length));
  return Array.from({ length: count }, (_, round) => ({
    documents: documents.slice(Math.floor((round * documents.length) / count), Math.floor(((round + 1) * documents.length) / count)),
    pipelineFirst: round % 2 === 0,
  }));
}

function stageSummaries(records: readonly ExecutionRecord[]): Record<string, SampleSummary> {
  const byStage = new Map<string, number[]>();
  for (const record of records) {
    for (const [state, ms] of Object.entries(stageDurations(record.history))) {
      byStage.set(state, [...(byStage.get(state) ?? []), ms]);
    }
  }
  return Object.fromEntries([...byStage].map(([state, values]) => [state, summarise(values)]));
}

async function measureClass(
  documentClass: DocumentClass,
  documents: readonly BenchDocument[],
  warmUpDocuments: number,
  options: Required<Omit<ThroughputOptions, 'counts' | 'log' | 'warmUpShare' | 'warmUpCounts'>>,
): Promise<ClassThroughput> {
  const bench = await startBenchRuntime({
    concurrency: options.concurrency,
    env: { DOCPIPE_OCR_WORKERS: String(options.ocrWorkers) },
    uploadThread: true,
  });
  try {
    const warmUp = (await makeDocuments(documentClass, warmUpDocuments, WARM_UP_SEED)).map((document) => ({ ...document, key: `warm-up/${document.key}` }));
    await bench.processAll(warmUp);
    await processAllDirectly(warmUp, bench.runtime.deps, options.concurrency);
    const records: ExecutionRecord[] = [];
    const pipelineUses: ResourceUse[] = [];
    const directUses: ResourceUse[] = [];
    for (const round of alternatingRounds(documents, options.rounds)) {
      const runPipeline = async (): Promise<void> => {
        const pipelineRound = await measure(() => bench.processAll(round.documents));
        records.push(...pipelineRound.result);
        pipelineUses.push(pipelineRound.use);
      };
      const runDirect = async (): Promise<void> => {
        directUses.push((await measure(() => processAllDirectly(round.documents, bench.runtime.deps, options.concurrency))).use);
      };
      if (round.pipelineFirst) {
        await runPipeline();
        await runDirect();
      } else {
        await runDirect();
        await runPipeline();
      }
    }
    const pipeline = combine(pipelineUses);
    const direct = combine(directUses);
    const succeeded = records.filter((record) => record.status === 'SUCCEEDED');
    const pages = documents.reduce((sum, document) => sum + document.pages, 0);
    return {
      documentClass,
      documents: documents.length,
      pages,
      succeeded: succeeded.length,
      failures: records.filter((record) => record.status !== 'SUCCEEDED').map((record) => `${record.key}: ${record.error ?? ''} ${record.cause ?? ''}`.trim()),
      pipeline,
      documentsPerMinute: documents.length / (pipeline.wallMs / 60_000),
      pagesPerSecond: pages / (pipeline.wallMs / 1000),
      cpuSecondsPerDocument: pipeline.cpuMs / 1000 / documents.length,
      executionMs: summarise(records.map((record) => executionMs(record.history))),
      stageMs: stageSummaries(succeeded),
      transitions: summarise(records.map((record) => billedTransitions(record.history))),
      invocations: summarise(records.map((record) => taskAttempts(record.history).length)),
      direct,
      overhead: pipeline.wallMs / direct.wallMs,
      cpuOverhead: pipeline.cpuMs / direct.cpuMs,
    };
  } finally {
    await bench.stop();
  }
}

export async function runThroughputBenchmark(options: ThroughputOptions): Promise<ThroughputResults> {
  const settings = {
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    ocrWorkers: options.ocrWorkers ?? 2,
    rounds: options.rounds ?? 4,
  };
  const warmUpShare = options.warmUpShare ?? 0.1;
  const warmUpCounts = options.warmUpCounts ?? {};
  const warmUpDocuments: Partial<Record<DocumentClass, number>> = {};
  const log = options.log ?? (() => undefined);
  const classes: ClassThroughput[] = [];
  for (const documentClass of DOCUMENT_CLASSES) {
    const count = options.counts[documentClass];
    if (count < 1) continue;
    const generated = await measure(() => makeDocuments(documentClass, count));
    log(`throughput: ${count} ${documentClass} documents generated in ${(generated.use.wallMs / 1000).toFixed(1)} s`);
    warmUpDocuments[documentClass] = warmUpCount(count, warmUpShare, warmUpCounts[documentClass]);
    const result = await measureClass(documentClass, generated.result, warmUpDocuments[documentClass], settings);
    log(
      `throughput: ${documentClass} ${result.documentsPerMinute.toFixed(1)} documents/min, ${result.pagesPerSecond.toFixed(2)} pages/s, ` +
        `overhead ${result.overhead.toFixed(2)}, ${result.succeeded}/${result.documents} succeeded`,
    );
    classes.push(result);
  }
  return { ...settings, warmUpShare, warmUpCounts, warmUpDocuments, classes };
}
