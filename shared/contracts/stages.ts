import * as v from 'valibot';
import { MEDIA_TYPES } from './media-type.js';
import { PII_ENTITY_TYPES } from '../ports/pii-detector.js';
import { objectCreatedEventSchema } from './events.js';
import { nonEmptyString, recordOf } from './validate.js';

/**
 * Contracts between the state machine's Task states. Every payload carries references (bucket, key), never
 * document text, so it stays far below Step Functions' 256 KB limit.
 */

const positiveInt = v.pipe(v.number(), v.integer(), v.minValue(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** A share in [0, 1]. */
const share = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
/** Any number but NaN and ±Infinity (neither survives JSON between states). */
const finite = v.pipe(v.number(), v.finite());
const sha256Hex = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));

export const s3RefSchema = v.object({ bucket: nonEmptyString, key: nonEmptyString });
export type S3Ref = v.InferOutput<typeof s3RefSchema>;

export const ingestInputSchema = v.object({
  event: objectCreatedEventSchema,
  executionId: nonEmptyString,
});
export type IngestInput = v.InferOutput<typeof ingestInputSchema>;

const uploadRefEntries = {
  /** Sort key of this upload's record (one record per ObjectCreated event). */
  uploadId: nonEmptyString,
  bucket: nonEmptyString,
  key: nonEmptyString,
  receivedAt: v.string(),
};

export const claimedDocumentSchema = v.object({
  ...uploadRefEntries,
  status: v.literal('CLAIMED'),
  documentId: nonEmptyString,
  contentHash: sha256Hex,
  mediaType: v.picklist(MEDIA_TYPES),
  size: positiveInt,
  /** Set when the file extension disagrees with the content (processed by its real type). */
  note: v.optional(v.string()),
});
export type ClaimedDocument = v.InferOutput<typeof claimedDocumentSchema>;

export const duplicateDocumentSchema = v.object({
  ...uploadRefEntries,
  status: v.literal('DUPLICATE'),
  documentId: nonEmptyString,
  duplicateOf: nonEmptyString,
  contentHash: sha256Hex,
});
export type DuplicateDocument = v.InferOutput<typeof duplicateDocumentSchema>;

export const ingestOutputSchema = v.variant('status', [claimedDocumentSchema, duplicateDocumentSchema]);
export type IngestOutput = v.InferOutput<typeof ingestOutputSchema>;

export const extractInputSchema = v.object({ document: claimedDocumentSchema });
export type ExtractInput = v.InferOutput<typeof extractInputSchema>;

const extractionEntries = {
  text: s3RefSchema,
  pageCount: positiveInt,
  characterCount: count,
  /** `mixed` when some pages had a text layer and others needed OCR. */
  method: v.picklist(['text-layer', 'ocr', 'plain-text', 'mixed']),
  /** Mean page confidence in [0, 1]. */
  confidence: share,
  ocrPages: count,
};

export const extractionSchema = v.object(extractionEntries);
export type Extraction = v.InferOutput<typeof extractionSchema>;

export const completedExtractionSchema = v.object({ ...extractionEntries, status: v.literal('COMPLETE') });
export type CompletedExtraction = v.InferOutput<typeof completedExtractionSchema>;

/** An asynchronous extraction job still running: the state machine waits `waitSeconds`, then CheckExtraction. */
export const pendingExtractionSchema = v.object({
  status: v.literal('IN_PROGRESS'),
  jobId: nonEmptyString,
  waitSeconds: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(300)),
  startedAt: v.string(),
  checks: count,
});
export type PendingExtraction = v.InferOutput<typeof pendingExtractionSchema>;

export const extractTextOutputSchema = v.variant('status', [completedExtractionSchema, pendingExtractionSchema]);
export type ExtractTextOutput = v.InferOutput<typeof extractTextOutputSchema>;

export const checkExtractionInputSchema = v.object({ document: claimedDocumentSchema, job: pendingExtractionSchema });
export type CheckExtractionInput = v.InferOutput<typeof checkExtractionInputSchema>;

export const analyseInputSchema = v.object({ document: claimedDocumentSchema, extraction: extractionSchema });
export type AnalyseInput = v.InferOutput<typeof analyseInputSchema>;

export const classificationSchema = v.object({
  label: nonEmptyString,
  confidence: share,
  scores: recordOf(v.string(), finite),
});
export type ClassificationResult = v.InferOutput<typeof classificationSchema>;

export const piiTypeSchema = v.picklist(PII_ENTITY_TYPES);
/** Entity counts by PII type: only known types, each count a positive whole number, and any type may be absent. */
export const piiCountsSchema = recordOf(piiTypeSchema, positiveInt);

export const redactionSchema = v.object({
  redactedText: s3RefSchema,
  piiCounts: piiCountsSchema,
  entityCount: count,
});
export type RedactionResult = v.InferOutput<typeof redactionSchema>;

export const summarySchema = v.object({
  /** JSON object `{ summary, keyPoints }`, already scrubbed of PII. */
  summary: s3RefSchema,
  sentenceCount: count,
  usage: v.optional(
    v.object({ inputTokens: v.pipe(v.number(), v.integer()), outputTokens: v.pipe(v.number(), v.integer()) }),
  ),
});
export type SummaryResult = v.InferOutput<typeof summarySchema>;

export const analysisSchema = v.object({
  classification: classificationSchema,
  redaction: redactionSchema,
  summary: summarySchema,
});
export type Analysis = v.InferOutput<typeof analysisSchema>;

export const storeInputSchema = v.object({
  document: claimedDocumentSchema,
  extraction: extractionSchema,
  analysis: analysisSchema,
});
export type StoreInput = v.InferOutput<typeof storeInputSchema>;

export const storeOutputSchema = v.object({
  documentId: v.string(),
  status: v.literal('SUCCEEDED'),
  documentType: v.string(),
  indexed: v.boolean(),
});
export type StoreOutput = v.InferOutput<typeof storeOutputSchema>;

/** What a Catch puts at `$.error`. On AWS `Cause` is the Lambda error JSON; locally, the message. */
export const caughtErrorSchema = v.object({ Error: v.string(), Cause: v.optional(v.string()) });

export const recordFailureInputSchema = v.object({
  executionId: nonEmptyString,
  // The state keeps every field it was given (a loose object), for the failure record.
  state: v.looseObject({
    detail: objectCreatedEventSchema.entries.detail,
    id: v.string(),
    time: v.string(),
    document: v.optional(ingestOutputSchema),
    error: caughtErrorSchema,
  }),
});
export type RecordFailureInput = v.InferOutput<typeof recordFailureInputSchema>;

export const recordFailureOutputSchema = v.object({
  uploadId: v.string(),
  documentId: v.optional(v.string()),
  error: v.string(),
  reason: v.string(),
});
export type RecordFailureOutput = v.InferOutput<typeof recordFailureOutputSchema>;

/** Stored page texts (`extracted/<documentId>/pages.json` in the derived bucket). */
export const storedPagesSchema = v.object({
  documentId: v.string(),
  pages: v.array(
    v.object({
      pageNumber: positiveInt,
      text: v.string(),
      method: v.picklist(['text-layer', 'ocr', 'plain-text']),
      confidence: finite,
    }),
  ),
});
export type StoredPages = v.InferOutput<typeof storedPagesSchema>;

/** Stored summary (`summaries/<documentId>.json`), scrubbed of PII. */
export const storedSummarySchema = v.object({
  documentId: v.string(),
  summary: v.string(),
  keyPoints: v.array(v.string()),
});
export type StoredSummary = v.InferOutput<typeof storedSummarySchema>;

