import * as z from 'zod';
import { MEDIA_TYPES } from './media-type.js';
import { PII_ENTITY_TYPES } from '../ports/pii-detector.js';
import { objectCreatedEventSchema } from './events.js';

/**
 * Contracts between the state machine's Task states. Every payload carries references (bucket, key), never
 * document text, so it stays far below Step Functions' 256 KB limit.
 */

export const s3RefSchema = z.object({ bucket: z.string().min(1), key: z.string().min(1) });
export type S3Ref = z.infer<typeof s3RefSchema>;

export const ingestInputSchema = z.object({
  event: objectCreatedEventSchema,
  executionId: z.string().min(1),
});
export type IngestInput = z.infer<typeof ingestInputSchema>;

const uploadRefSchema = z.object({
  /** Sort key of this upload's record (one record per ObjectCreated event). */
  uploadId: z.string().min(1),
  bucket: z.string().min(1),
  key: z.string().min(1),
  receivedAt: z.string(),
});

export const claimedDocumentSchema = uploadRefSchema.extend({
  status: z.literal('CLAIMED'),
  documentId: z.string().min(1),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.enum(MEDIA_TYPES),
  size: z.number().int().positive(),
  /** Set when the file extension disagrees with the content (processed by its real type). */
  note: z.string().optional(),
});
export type ClaimedDocument = z.infer<typeof claimedDocumentSchema>;

export const duplicateDocumentSchema = uploadRefSchema.extend({
  status: z.literal('DUPLICATE'),
  documentId: z.string().min(1),
  duplicateOf: z.string().min(1),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type DuplicateDocument = z.infer<typeof duplicateDocumentSchema>;

export const ingestOutputSchema = z.discriminatedUnion('status', [claimedDocumentSchema, duplicateDocumentSchema]);
export type IngestOutput = z.infer<typeof ingestOutputSchema>;

export const extractInputSchema = z.object({ document: claimedDocumentSchema });
export type ExtractInput = z.infer<typeof extractInputSchema>;

export const extractionSchema = z.object({
  text: s3RefSchema,
  pageCount: z.number().int().positive(),
  characterCount: z.number().int().nonnegative(),
  /** `mixed` when some pages had a text layer and others needed OCR. */
  method: z.enum(['text-layer', 'ocr', 'plain-text', 'mixed']),
  /** Mean page confidence in [0, 1]. */
  confidence: z.number().min(0).max(1),
  ocrPages: z.number().int().nonnegative(),
});
export type Extraction = z.infer<typeof extractionSchema>;

export const completedExtractionSchema = extractionSchema.extend({ status: z.literal('COMPLETE') });
export type CompletedExtraction = z.infer<typeof completedExtractionSchema>;

/** An asynchronous extraction job still running: the state machine waits `waitSeconds`, then CheckExtraction. */
export const pendingExtractionSchema = z.object({
  status: z.literal('IN_PROGRESS'),
  jobId: z.string().min(1),
  waitSeconds: z.number().int().min(1).max(300),
  startedAt: z.string(),
  checks: z.number().int().nonnegative(),
});
export type PendingExtraction = z.infer<typeof pendingExtractionSchema>;

export const extractTextOutputSchema = z.discriminatedUnion('status', [completedExtractionSchema, pendingExtractionSchema]);
export type ExtractTextOutput = z.infer<typeof extractTextOutputSchema>;

export const checkExtractionInputSchema = z.object({ document: claimedDocumentSchema, job: pendingExtractionSchema });
export type CheckExtractionInput = z.infer<typeof checkExtractionInputSchema>;

export const analyseInputSchema = z.object({ document: claimedDocumentSchema, extraction: extractionSchema });
export type AnalyseInput = z.infer<typeof analyseInputSchema>;

export const classificationSchema = z.object({
  label: z.string().min(1),
  confidence: z.number().min(0).max(1),
  scores: z.record(z.string(), z.number()),
});
export type ClassificationResult = z.infer<typeof classificationSchema>;

export const piiTypeSchema = z.enum(PII_ENTITY_TYPES);
export const piiCountsSchema = z.partialRecord(piiTypeSchema, z.number().int().positive());

export const redactionSchema = z.object({
  redactedText: s3RefSchema,
  piiCounts: piiCountsSchema,
  entityCount: z.number().int().nonnegative(),
});
export type RedactionResult = z.infer<typeof redactionSchema>;

export const summarySchema = z.object({
  /** JSON object `{ summary, keyPoints }`, already scrubbed of PII. */
  summary: s3RefSchema,
  sentenceCount: z.number().int().nonnegative(),
  usage: z.object({ inputTokens: z.number().int(), outputTokens: z.number().int() }).optional(),
});
export type SummaryResult = z.infer<typeof summarySchema>;

export const analysisSchema = z.object({
  classification: classificationSchema,
  redaction: redactionSchema,
  summary: summarySchema,
});
export type Analysis = z.infer<typeof analysisSchema>;

export const storeInputSchema = z.object({
  document: claimedDocumentSchema,
  extraction: extractionSchema,
  analysis: analysisSchema,
});
export type StoreInput = z.infer<typeof storeInputSchema>;

export const storeOutputSchema = z.object({
  documentId: z.string(),
  status: z.literal('SUCCEEDED'),
  documentType: z.string(),
  indexed: z.boolean(),
});
export type StoreOutput = z.infer<typeof storeOutputSchema>;

/** What a Catch puts at `$.error`. On AWS `Cause` is the Lambda error JSON; locally, the message. */
export const caughtErrorSchema = z.object({ Error: z.string(), Cause: z.string().optional() });

export const recordFailureInputSchema = z.object({
  executionId: z.string().min(1),
  state: z
    .object({
      detail: objectCreatedEventSchema.shape.detail,
      id: z.string(),
      time: z.string(),
      document: ingestOutputSchema.optional(),
      error: caughtErrorSchema,
    })
    .passthrough(),
});
export type RecordFailureInput = z.infer<typeof recordFailureInputSchema>;

export const recordFailureOutputSchema = z.object({
  uploadId: z.string(),
  documentId: z.string().optional(),
  error: z.string(),
  reason: z.string(),
});
export type RecordFailureOutput = z.infer<typeof recordFailureOutputSchema>;

/** Stored page texts (`extracted/<documentId>/pages.json` in the derived bucket). */
export const storedPagesSchema = z.object({
  documentId: z.string(),
  pages: z.array(
    z.object({
      pageNumber: z.number().int().positive(),
      text: z.string(),
      method: z.enum(['text-layer', 'ocr', 'plain-text']),
      confidence: z.number(),
    }),
  ),
});
export type StoredPages = z.infer<typeof storedPagesSchema>;

/** Stored summary (`summaries/<documentId>.json`), scrubbed of PII. */
export const storedSummarySchema = z.object({
  documentId: z.string(),
  summary: z.string(),
  keyPoints: z.array(z.string()),
});
export type StoredSummary = z.infer<typeof storedSummarySchema>;
