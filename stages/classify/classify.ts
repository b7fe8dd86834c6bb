import type { ObjectStore } from '../../shared/aws/object-store.js';
import { joinPages } from '../../shared/contracts/document-text.js';
import { analyseInputSchema, classificationSchema, storedPagesSchema, type AnalyseInput, type ClassificationResult } from '../../shared/contracts/stages.js';
import { defineTask } from '../../shared/contracts/task.js';
import type { Log } from '../../shared/log.js';
import type { Classifier } from '../../shared/ports/classifier.js';
import type { StageDeps } from '../../shared/runtime/stage-deps.js';
import type { TaskFunction } from '../../shared/runtime/task-names.js';

export interface ClassifyDeps {
  readonly objects: ObjectStore;
  readonly classifier: () => Promise<Classifier>;
  readonly maxAnalysisChars: number;
  readonly log: Log;
}

/** Assigns a document type from the extracted text. */
export async function classify(input: AnalyseInput, deps: ClassifyDeps): Promise<ClassificationResult> {
  const stored = await deps.objects.readJson(input.extraction.text, storedPagesSchema);
  const classifier = await deps.classifier();
  const result = await classifier.classify(joinPages(stored.pages, deps.maxAnalysisChars));
  deps.log.info('Document classified', {
    documentId: input.document.documentId,
    label: result.label,
    confidence: Number(result.confidence.toFixed(3)),
  });
  return { label: result.label, confidence: result.confidence, scores: { ...result.scores } };
}

export const classifyTask = defineTask('Classify', { input: analyseInputSchema, output: classificationSchema }, classify);

/** The Classify Task state's function on a runtime's dependencies (a Lambda handler's, or the local runtime's). */
export function classifyStage(deps: StageDeps): TaskFunction {
  return classifyTask({ objects: deps.objects, classifier: deps.classifier, maxAnalysisChars: deps.config.maxAnalysisChars, log: deps.log });
}
