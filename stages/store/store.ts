import type { ObjectStore } from '../../shared/aws/object-store.js';
import { joinPages } from '../../shared/contracts/document-text.js';
import { storedPagesSchema, storedSummarySchema, storeInputSchema, storeOutputSchema, type StoreInput, type StoreOutput } from '../../shared/contracts/stages.js';
import { defineTask } from '../../shared/contracts/task.js';
import type { Log } from '../../shared/log.js';
import type { PiiEntityType } from '../../shared/ports/pii-detector.js';
import type { SearchIndex } from '../../shared/ports/search-index.js';
import type { RecordStore } from '../../shared/records/records.js';
import type { StageDeps } from '../../shared/runtime/stage-deps.js';
import type { TaskFunction } from '../../shared/runtime/task-names.js';
import { allSettledOrThrow } from '../../shared/settled.js';

export interface StoreDeps {
  readonly objects: ObjectStore;
  readonly records: RecordStore;
  readonly searchIndex: () => Promise<SearchIndex>;
  readonly log: Log;
  readonly now: () => Date;
}

/**
 * Indexes the redacted text and the scrubbed summary, then marks the document and its upload SUCCEEDED. The record
 * says SUCCEEDED only once the index holds the document.
 */
export async function store(input: StoreInput, deps: StoreDeps): Promise<StoreOutput> {
  const { document, extraction, analysis } = input;
  const [redacted, summary] = await Promise.all([
    deps.objects.readJson(analysis.redaction.redactedText, storedPagesSchema),
    deps.objects.readJson(analysis.summary.summary, storedSummarySchema),
  ]);
  const piiTypes = (Object.keys(analysis.redaction.piiCounts) as PiiEntityType[]).sort();
  const processedAt = deps.now().toISOString();

  const index = await deps.searchIndex();
  await index.upsert({
    documentId: document.documentId,
    key: document.key,
    documentType: analysis.classification.label,
    piiTypes,
    pageCount: extraction.pageCount,
    processedAt,
    redactedText: joinPages(redacted.pages),
    summary: summary.summary,
    keyPoints: summary.keyPoints,
  });

  // The document and its upload are two records: written at once, both ended before a failure of either is raised.
  await allSettledOrThrow([
    deps.records.updateDocument(document.documentId, {
      status: 'SUCCEEDED',
      updatedAt: processedAt,
      pageCount: extraction.pageCount,
      characterCount: extraction.characterCount,
      extractionMethod: extraction.method,
      extractionConfidence: extraction.confidence,
      ocrPages: extraction.ocrPages,
      documentType: analysis.classification.label,
      classificationConfidence: analysis.classification.confidence,
      classificationScores: analysis.classification.scores,
      piiCounts: analysis.redaction.piiCounts,
      piiTypes,
      summary: summary.summary,
      keyPoints: summary.keyPoints,
      textKey: extraction.text.key,
      redactedTextKey: analysis.redaction.redactedText.key,
      summaryKey: analysis.summary.summary.key,
      indexed: true,
    }),
    deps.records.updateUpload(document.bucket, document.key, document.uploadId, {
      status: 'SUCCEEDED',
      documentId: document.documentId,
      updatedAt: processedAt,
    }),
  ]);
  deps.log.info('Document stored', { documentId: document.documentId, documentType: analysis.classification.label });
  return { documentId: document.documentId, status: 'SUCCEEDED', documentType: analysis.classification.label, indexed: true };
}

export const storeTask = defineTask('Store', { input: storeInputSchema, output: storeOutputSchema }, store);

/** The Store Task state's function on a runtime's dependencies (a Lambda handler's, or the local runtime's). */
export function storeStage(deps: StageDeps): TaskFunction {
  return storeTask({ objects: deps.objects, records: deps.records, searchIndex: deps.searchIndex, log: deps.log, now: deps.now });
}
