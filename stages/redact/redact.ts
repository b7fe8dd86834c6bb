import type { ObjectStore } from '../../shared/aws/object-store.js';
import { derivedKeys } from '../../shared/contracts/derived-keys.js';
import { analyseInputSchema, redactionSchema, storedPagesSchema, type AnalyseInput, type RedactionResult, type StoredPages } from '../../shared/contracts/stages.js';
import { defineTask } from '../../shared/contracts/task.js';
import type { Log } from '../../shared/log.js';
import type { PiiDetector, PiiEntityType } from '../../shared/ports/pii-detector.js';
import { countByType, redactText } from '../../shared/redaction.js';
import { guardRedaction } from './redaction-failure.js';
import type { StageDeps } from '../../shared/runtime/stage-deps.js';
import type { TaskFunction } from '../../shared/runtime/task-names.js';

export interface RedactDeps {
  readonly objects: ObjectStore;
  readonly piiDetector: () => Promise<PiiDetector>;
  readonly derivedBucket: string;
  readonly log: Log;
}

/**
 * Finds PII on every page, writes the redacted pages (each span replaced by `[TYPE]`) to the derived bucket, and
 * returns counts by type. Fails closed: any error here fails the execution, so nothing about the document is indexed.
 */
export async function redact(input: AnalyseInput, deps: RedactDeps): Promise<RedactionResult> {
  const stored = await deps.objects.readJson(input.extraction.text, storedPagesSchema);
  const detector = await guardRedaction('the text', () => deps.piiDetector());
  const counts: Partial<Record<PiiEntityType, number>> = {};
  let entityCount = 0;
  const pages: StoredPages['pages'] = [];
  for (const page of stored.pages) {
    const entities = await guardRedaction(`page ${page.pageNumber}`, () => detector.detect(page.text));
    entityCount += entities.length;
    for (const [type, count] of Object.entries(countByType(entities)) as [PiiEntityType, number][]) {
      counts[type] = (counts[type] ?? 0) + count;
    }
    pages.push({ ...page, text: redactText(page.text, entities) });
  }
  const redactedText = { bucket: deps.derivedBucket, key: derivedKeys.redactedPages(input.document.documentId) };
  await deps.objects.writeJson(redactedText, { documentId: input.document.documentId, pages } satisfies StoredPages);
  deps.log.info('PII redacted', { documentId: input.document.documentId, entityCount, piiTypes: Object.keys(counts) });
  return { redactedText, piiCounts: counts, entityCount };
}

export const redactTask = defineTask('Redact', { input: analyseInputSchema, output: redactionSchema }, redact);

/** The Redact Task state's function on a runtime's dependencies (a Lambda handler's, or the local runtime's). */
export function redactStage(deps: StageDeps): TaskFunction {
  return redactTask({ objects: deps.objects, piiDetector: deps.piiDetector, derivedBucket: deps.config.derivedBucket, log: deps.log });
}
