/**
 * A burst under a quota: N small one-page plain-text documents uploaded at once, every execution in flight at once
 * (as Lambda would run them), with the text extractor behind a token bucket of R requests per second that throws the
 * project's ThrottlingError when over quota. The state machine's Retry (backoff with full jitter) absorbs it. Plain
 * text keeps the per-document CPU small, so the quota, not the two cores, sets the pace (CPU use is reported).
 */
import { cpus } from 'node:os';
import { createEmbeddedTextExtractor } from '../../shared/adapters/embedded/text-extractor/index.js';
import { ThrottlingError } from '../../shared/errors.js';
import type { ExtractionRequest, ExtractedPage, TextExtractor } from '../../shared/ports/text-extractor.js';
import { makePlainTextDocuments } from '../lib/bench-documents.js';
import { startBenchRuntime } from '../lib/bench-runtime.js';
import { retries } from '../lib/history.js';
import { measure } from '../lib/resources.js';
import { summarise, type SampleSummary } from '../lib/stats.js';
import { TokenBucket } from '../lib/token-bucket.js';

/** A text extractor that admits `bucket`'s rate of requests and refuses the rest with ThrottlingError. */
export class QuotaLimitedExtractor implements TextExtractor {
  accepted = 0;
  throttled = 0;

  constructor(
    private readonly inner: TextExtractor,
    private readonly bucket: TokenBucket,
  ) {}

  async *extractPages(request: ExtractionRequest): AsyncIterable<ExtractedPage> {
    if (!this.bucket.tryTake()) {
      this.throttled += 1;
      throw new ThrottlingError('Text extraction quota exceeded (benchmark token bucket)');
    }
    this.accepted += 1;
    yield* this.inner.extractPages(request);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

export interface BurstResults {
  readonly uploads: number;
  readonly documentKind: string;
  readonly ratePerSecond: number;
  readonly bucketCapacity: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly failureReasons: Readonly<Record<string, number>>;
  /** From the first upload to the last execution's end. */
  readonly completionSeconds: number;
  /** The least time the quota allows: (uploads − capacity) / rate. */
  readonly quotaSeconds: number;
  readonly throttledRequests: number;
  readonly acceptedRequests: number;
  readonly retries: number;
  readonly retriesPerDocument: SampleSummary;
  readonly cpuSeconds: number;
  /** CPU seconds over (cores × wall seconds). */
  readonly cpuUtilisation: number;
}

export interface BurstOptions {
  readonly uploads: number;
  readonly ratePerSecond: number;
  readonly log?: (line: string) => void;
}

export async function runBurstBenchmark(options: BurstOptions): Promise<BurstResults> {
  const documents = await makePlainTextDocuments(options.uploads);
  const bucket = new TokenBucket({ ratePerSecond: options.ratePerSecond });
  const extractor = new QuotaLimitedExtractor(createEmbeddedTextExtractor(), bucket);
  const bench = await startBenchRuntime({
    concurrency: options.uploads,
    overrides: { textExtractor: () => Promise.resolve(extractor) },
  });
  try {
    const run = await measure(() => bench.processAll(documents));
    const records = run.result;
    const failed = records.filter((record) => record.status !== 'SUCCEEDED');
    const failureReasons: Record<string, number> = {};
    for (const record of failed) failureReasons[record.error ?? 'unknown'] = (failureReasons[record.error ?? 'unknown'] ?? 0) + 1;
    const perDocument = records.map((record) => retries(record.history));
    const result: BurstResults = {
      uploads: options.uploads,
      documentKind: 'short one-page plain-text documents',
      ratePerSecond: options.ratePerSecond,
      bucketCapacity: options.ratePerSecond,
      succeeded: records.length - failed.length,
      failed: failed.length,
      failureReasons,
      completionSeconds: run.use.wallMs / 1000,
      quotaSeconds: Math.max(0, options.uploads - options.ratePerSecond) / options.ratePerSecond,
      throttledRequests: extractor.throttled,
      acceptedRequests: extractor.accepted,
      retries: perDocument.reduce((sum, value) => sum + value, 0),
      retriesPerDocument: summarise(perDocument),
      cpuSeconds: run.use.cpuMs / 1000,
      cpuUtilisation: run.use.cpuMs / (cpus().length * run.use.wallMs),
    };
    options.log?.(`burst: ${result.succeeded}/${result.uploads} succeeded in ${result.completionSeconds.toFixed(1)} s (quota allows ${result.quotaSeconds.toFixed(0)} s), ${result.retries} retries`);
    return result;
  } finally {
    await bench.stop();
    await extractor.close();
  }
}
