import type { ObjectStore } from '../../shared/aws/object-store.js';
import { derivedKeys } from '../../shared/contracts/derived-keys.js';
import { joinPages } from '../../shared/contracts/document-text.js';
import { analyseInputSchema, storedPagesSchema, summarySchema, type AnalyseInput, type StoredSummary, type SummaryResult } from '../../shared/contracts/stages.js';
import { defineTask } from '../../shared/contracts/task.js';
import type { Log } from '../../shared/log.js';
import type { PiiDetector } from '../../shared/ports/pii-detector.js';
import type { Summariser } from '../../shared/ports/summariser.js';
import { redactText } from '../../shared/redaction.js';
import { guardRedaction } from '../redact/redaction-failure.js';
import type { StageDeps } from '../../shared/runtime/stage-deps.js';
import type { TaskFunction } from '../../shared/runtime/task-names.js';

export interface SummariseDeps {
  readonly objects: ObjectStore;
  readonly summariser: () => Promise<Summariser>;
  /** Scrubs the summary: a summary is derived from the raw text and may quote PII. */
  readonly piiDetector: () => Promise<PiiDetector>;
  readonly derivedBucket: string;
  readonly maxAnalysisChars: number;
  readonly log: Log;
}

/** Summarises the document, scrubs the summary and key points of PII, and stores them in the derived bucket. */
export async function summarise(input: AnalyseInput, deps: SummariseDeps): Promise<SummaryResult> {
  const stored = await deps.objects.readJson(input.extraction.text, storedPagesSchema);
  const result = await (await deps.summariser()).summarise(joinPages(stored.pages, deps.maxAnalysisChars));
  const detector = await guardRedaction('the summary', () => deps.piiDetector());
  const scrub = async (text: string): Promise<string> =>
    redactText(text, await guardRedaction('the summary', () => detector.detect(text)));
  const summaryText = await scrub(result.summary);
  const keyPoints: string[] = [];
  for (const point of result.keyPoints) keyPoints.push(await scrub(point));

  const summary = { bucket: deps.derivedBucket, key: derivedKeys.summary(input.document.documentId) };
  await deps.objects.writeJson(summary, { documentId: input.document.documentId, summary: summaryText, keyPoints } satisfies StoredSummary);
  const sentenceCount = summaryText.split(/(?<=[.!?])\s+/u).filter((s) => s.trim().length > 0).length;
  deps.log.info('Document summarised', { documentId: input.document.documentId, sentenceCount, keyPoints: keyPoints.length });
  return { summary, sentenceCount, ...(result.usage ? { usage: { ...result.usage } } : {}) };
}

export const summariseTask = defineTask('Summarise', { input: analyseInputSchema, output: summarySchema }, summarise);

/** The Summarise Task state's function on a runtime's dependencies (a Lambda handler's, or the local runtime's). */
export function summariseStage(deps: StageDeps): TaskFunction {
  return summariseTask({
    objects: deps.objects,
    summariser: deps.summariser,
    piiDetector: deps.piiDetector,
    derivedBucket: deps.config.derivedBucket,
    maxAnalysisChars: deps.config.maxAnalysisChars,
    log: deps.log,
  });
}
