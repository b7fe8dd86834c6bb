/**
 * Cost on AWS per 1,000 documents: documents of 1, 5 and 20 pages, born-digital and scanned, run one at a time
 * through the local runtime with the AWS adapters over recording clients (lib/recording-adapters.ts). Per document
 * it counts what AWS would bill (Textract pages, Comprehend units, Bedrock tokens, state transitions, Lambda
 * invocations and GB-seconds, DynamoDB request units, S3 requests) and prices the counts with bench/prices.json.
 *
 * Lambda GB-seconds are the Task states' local durations (each attempt) times the memory of the stage's function
 * in infra/stages/stage-profiles.ts. Locally the embedded adapters do the work of the AWS services inside those
 * durations (OCR in particular), so they overstate Lambda time for the AWS path; Lambda is a small share either way.
 */
import { Rng } from '../../fixtures/content/prng.js';
import { deploymentAdapters } from '../../infra/stages/adapter-choices.js';
import { stageEnvironment } from '../../infra/stages/stage-environment.js';
import { STAGE_PROFILES } from '../../infra/stages/stage-profiles.js';
import type { ExecutionRecord } from '../../local/execution-store.js';
import type { TaskStateName } from '../../shared/runtime/task-names.js';
import { BENCH_SEED, bornDigitalPdf, photoJpeg, scannedPdf, scannedPng, type BenchDocument } from '../lib/bench-documents.js';
import { startBenchRuntime } from '../lib/bench-runtime.js';
import {
  costPerDocument,
  fixedMonthlyCosts,
  meanUsage,
  perThousand,
  type CostBreakdown,
  type FixedMonthlyCosts,
  type PriceTable,
  type UsageCounts,
} from '../lib/cost-model.js';
import { billedTransitions, taskAttempts } from '../lib/history.js';
import { StorageRequestCounter, storageDelta } from '../lib/http-counter.js';
import { callsDelta, createRecordingAdapters } from '../lib/recording-adapters.js';

export type CostVariantKind = 'born-digital-pdf' | 'scanned-pdf' | 'scanned-png' | 'photo-jpeg';

export interface CostVariantSpec {
  readonly kind: CostVariantKind;
  readonly pages: number;
  readonly documents: number;
}

export interface CostVariant extends CostVariantSpec {
  readonly succeeded: number;
  readonly characters: number;
  readonly usage: UsageCounts;
  readonly perThousandDocuments: CostBreakdown;
  /** Born-digital PDFs only: the Textract cost per 1,000 documents added when every PDF goes to Textract (DOCPIPE_PDF_TEXT_LAYER=never). */
  readonly extraPerThousandIfTextractReadsEveryPdf?: number;
}

export interface CostResults {
  readonly priceTable: { readonly asOf: string; readonly region: string };
  /** DOCPIPE_PDF_TEXT_LAYER as the CDK stack sets it for ExtractText (infra/stages/stage-environment.ts). */
  readonly deployedPdfTextLayer: string;
  readonly tokenApproximation: string;
  readonly variants: readonly CostVariant[];
  readonly fixedMonthly: FixedMonthlyCosts;
  readonly reference: PriceTable['reference'];
}

export interface CostOptions {
  readonly variants: readonly CostVariantSpec[];
  readonly prices: PriceTable;
  readonly log?: (line: string) => void;
}

async function makeDocument(spec: CostVariantSpec, index: number): Promise<BenchDocument> {
  const rng = new Rng(BENCH_SEED).fork(`cost:${spec.kind}:${spec.pages}:${index}`);
  const key = `cost/${spec.kind}-${spec.pages}p-${index}`;
  switch (spec.kind) {
    case 'born-digital-pdf':
      return { key: `${key}.pdf`, bytes: await bornDigitalPdf(rng, spec.pages), pages: spec.pages, documentClass: 'born-digital' };
    case 'scanned-pdf':
      return { key: `${key}.pdf`, bytes: await scannedPdf(rng, spec.pages), pages: spec.pages, documentClass: 'scanned-pdf' };
    case 'scanned-png':
      return { key: `${key}.png`, bytes: await scannedPng(rng), pages: 1, documentClass: 'scanned' };
    case 'photo-jpeg':
      return { key: `${key}.jpg`, bytes: await photoJpeg(rng), pages: 1, documentClass: 'photo' };
  }
}

/** What the stack gives ExtractText for DOCPIPE_PDF_TEXT_LAYER (`first` keeps born-digital PDFs' text layers). */
function deployedPdfTextLayer(): string {
  const environment = stageEnvironment(STAGE_PROFILES.ExtractText.ports, deploymentAdapters({}), {
    tableName: 'table',
    derivedBucket: 'derived',
    bedrockModelId: 'us.amazon.nova-lite-v1:0',
    openSearchEndpoint: 'https://collection.us-east-1.aoss.amazonaws.com',
    openSearchIndex: 'documents',
  });
  return environment.DOCPIPE_PDF_TEXT_LAYER ?? 'unset';
}

function isTaskState(state: string): state is TaskStateName {
  return Object.hasOwn(STAGE_PROFILES, state);
}

/** Lambda GB-seconds of an execution: each Task attempt's duration times its function's memory. */
export function lambdaGbSeconds(record: ExecutionRecord): number {
  return taskAttempts(record.history).reduce((sum, attempt) => {
    const memoryMb = isTaskState(attempt.state) ? STAGE_PROFILES[attempt.state].memorySize : 0;
    return sum + (Math.ceil(attempt.ms) / 1000) * (memoryMb / 1024);
  }, 0);
}

function characterCount(record: ExecutionRecord): number {
  const output = record.output;
  if (typeof output !== 'object' || output === null || !('extraction' in output)) return 0;
  const extraction = output.extraction;
  if (typeof extraction !== 'object' || extraction === null || !('characterCount' in extraction)) return 0;
  return typeof extraction.characterCount === 'number' ? extraction.characterCount : 0;
}

export async function runCostBenchmark(options: CostOptions): Promise<CostResults> {
  const log = options.log ?? (() => undefined);
  // Two OCR engines, so the pages of a scanned PDF are read on both cores.
  const recording = createRecordingAdapters({ ocrWorkers: 2 });
  // Every S3 read each Lambda function makes on AWS, none served from the local runtime's memory.
  const bench = await startBenchRuntime({ concurrency: 1, retryDelayMs: 0, overrides: recording.overrides, recentObjects: false });
  const storage = new StorageRequestCounter(bench.s3Port, bench.dynamoPort);
  try {
    const variants: CostVariant[] = [];
    for (const spec of options.variants) {
      const usages: UsageCounts[] = [];
      let characters = 0;
      let succeeded = 0;
      for (let index = 0; index < spec.documents; index += 1) {
        const document = await makeDocument(spec, index);
        const callsBefore = recording.snapshot();
        const storageBefore = storage.snapshot();
        const record = await bench.process(document);
        const calls = callsDelta(recording.snapshot(), callsBefore);
        const requests = storageDelta(storage.snapshot(), storageBefore);
        if (record.status === 'SUCCEEDED') succeeded += 1;
        characters += characterCount(record);
        usages.push({
          textractSyncPages: calls.textractSyncPages,
          textractAsyncPages: calls.textractAsyncPages,
          comprehendPiiRequests: calls.comprehendPiiRequests,
          comprehendPiiUnits: calls.comprehendPiiUnits,
          comprehendClassifyRequests: calls.comprehendClassifyRequests,
          comprehendClassifyUnits: calls.comprehendClassifyUnits,
          bedrockRequests: calls.bedrockRequests,
          bedrockInputTokens: calls.bedrockInputTokens,
          bedrockOutputTokens: calls.bedrockOutputTokens,
          stateTransitions: billedTransitions(record.history),
          lambdaInvocations: taskAttempts(record.history).length,
          lambdaGbSeconds: lambdaGbSeconds(record),
          dynamoWriteUnits: requests.dynamoWriteUnits,
          dynamoReadUnits: requests.dynamoReadUnits,
          s3Puts: requests.s3Puts,
          s3Gets: requests.s3Gets,
        });
      }
      const usage = meanUsage(usages);
      const perThousandDocuments = perThousand(costPerDocument(usage, options.prices));
      variants.push({
        ...spec,
        succeeded,
        characters: characters / spec.documents,
        usage,
        perThousandDocuments,
        ...(spec.kind === 'born-digital-pdf'
          ? { extraPerThousandIfTextractReadsEveryPdf: spec.pages * options.prices.textract.asyncDetectDocumentTextPerPage * 1000 }
          : {}),
      });
      log(`cost: ${spec.kind} ${spec.pages}p $${perThousandDocuments.total.toFixed(2)} per 1,000 documents (${succeeded}/${spec.documents} succeeded)`);
    }
    return {
      priceTable: { asOf: options.prices.asOf, region: options.prices.region },
      deployedPdfTextLayer: deployedPdfTextLayer(),
      tokenApproximation: 'tokens = ceil(characters / 4) for prompts and answers',
      variants,
      fixedMonthly: fixedMonthlyCosts(options.prices),
      reference: options.prices.reference,
    };
  } finally {
    storage.close();
    await bench.stop();
    await recording.close();
  }
}
