import * as v from 'valibot';
import { ConfigurationError } from './errors.js';
import { faultRulesProblem, parseFaultRules, type FaultPlan } from './faults/fault-rules.js';
import { checkWhole, describeIssues, integerFromText, nonEmptyString } from './contracts/validate.js';

/**
 * Stage settings, read from the environment once at start-up (Lambda cold start or local runtime start) and validated.
 * A missing or malformed setting fails fast with the variable's name.
 */
const positiveInt = v.pipe(integerFromText(), v.minValue(1));

const envSchema = v.object({
  /** DynamoDB table holding document and upload records. Required. */
  DOCPIPE_TABLE_NAME: nonEmptyString,
  /** Bucket for derived objects (page texts, redacted text, summaries). Required; never the upload bucket. */
  DOCPIPE_DERIVED_BUCKET: nonEmptyString,
  /** Largest accepted upload, in bytes. Default 50 MiB. */
  DOCPIPE_MAX_BYTES: v.optional(positiveInt, 50 * 1024 * 1024),
  /** Most pages accepted in one document. Default 500. */
  DOCPIPE_MAX_PAGES: v.optional(positiveInt, 500),
  /** Characters of text the classifier and summariser read. Default 200,000. */
  DOCPIPE_MAX_ANALYSIS_CHARS: v.optional(positiveInt, 200_000),
  /** Where the embedded search index lives (SQLite file). Required when the embedded index is used. */
  DOCPIPE_SEARCH_INDEX_PATH: v.optional(nonEmptyString),
  /** Classifier model file for the embedded classifier. Defaults to the model shipped in the repo. */
  DOCPIPE_CLASSIFIER_MODEL: v.optional(nonEmptyString),
  /** Longest an asynchronous extraction job (Textract) may run, in seconds. Default 1800. */
  DOCPIPE_EXTRACTION_MAX_WAIT_SECONDS: v.optional(positiveInt, 1800),
  /** OCR engines run in parallel by the embedded text extractor. Default 1. */
  DOCPIPE_OCR_WORKERS: v.optional(positiveInt, 1),
  /**
   * Recognition passes per scanned page: 3 (three engines read the page at once and their words are merged: the
   * most words right), 2 (the first two passes) or 1 (the primary pass alone, for throughput). Default 3.
   */
  DOCPIPE_OCR_PASSES: v.pipe(
    v.optional(v.picklist(['1', '2', '3']), '3'),
    v.transform((value) => Number(value) as 1 | 2 | 3),
  ),
  /**
   * Fault injection, for testing how the pipeline copes with failing services: comma-separated
   * `<port>:<kind>:<rate>[:<max in a row>]` rules, e.g. `extract:throttle:0.3,summarise:error:1`.
   * Ports: extract, classify, pii (or redact), summarise, index (or search). Kinds: throttle (ThrottlingError) and
   * transient (TransientError), both retried by the state machine; error (or permanent), never retried, so the document
   * ends FAILED. Rate: probability from 0 to 1 that a call fails. Max in a row (retryable kinds, default 2): most
   * consecutive failures of one call, kept below the state machine's retry budget so retries recover; raise it to
   * exhaust the retries. Unset: no faults.
   */
  DOCPIPE_FAULTS: v.pipe(
    v.optional(v.string()),
    checkWhole<string | undefined>((value, report) => {
      const problem = faultRulesProblem(value);
      if (problem) report(problem);
    }),
  ),
  /** Seed of the fault decisions: the same seed and documents fail the same calls on every run. Default `docpipe`. */
  DOCPIPE_FAULTS_SEED: v.optional(nonEmptyString, 'docpipe'),
});

export type StageConfig = {
  readonly tableName: string;
  readonly derivedBucket: string;
  readonly maxBytes: number;
  readonly maxPages: number;
  readonly maxAnalysisChars: number;
  readonly searchIndexPath: string | undefined;
  readonly classifierModelPath: string | undefined;
  readonly ocrWorkers: number;
  readonly ocrPasses: 1 | 2 | 3;
  readonly extractionMaxWaitSeconds: number;
  /** Faults DOCPIPE_FAULTS injects into the ports; no rules when unset. */
  readonly faults: FaultPlan;
};

export function loadStageConfig(env: NodeJS.ProcessEnv = process.env): StageConfig {
  const parsed = v.safeParse(envSchema, env);
  if (!parsed.success) throw new ConfigurationError(`Invalid docpipe configuration: ${describeIssues(parsed.issues)}`);
  const e = parsed.output;
  return {
    tableName: e.DOCPIPE_TABLE_NAME,
    derivedBucket: e.DOCPIPE_DERIVED_BUCKET,
    maxBytes: e.DOCPIPE_MAX_BYTES,
    maxPages: e.DOCPIPE_MAX_PAGES,
    maxAnalysisChars: e.DOCPIPE_MAX_ANALYSIS_CHARS,
    searchIndexPath: e.DOCPIPE_SEARCH_INDEX_PATH,
    classifierModelPath: e.DOCPIPE_CLASSIFIER_MODEL,
    ocrWorkers: e.DOCPIPE_OCR_WORKERS,
    ocrPasses: e.DOCPIPE_OCR_PASSES,
    extractionMaxWaitSeconds: e.DOCPIPE_EXTRACTION_MAX_WAIT_SECONDS,
    faults: { rules: parseFaultRules(e.DOCPIPE_FAULTS), seed: e.DOCPIPE_FAULTS_SEED },
  };
}
