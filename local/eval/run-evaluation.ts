import { ContractViolationError } from '../../shared/errors.js';
import type { Providers } from '../providers.js';
import { openEvalAdapters } from './eval-adapters.js';
import type { EvalReport, EvalRun, EvalTask } from './eval-report.js';
import { evaluateClassifyData } from './evaluate-classify.js';
import { evaluateOcrData } from './evaluate-ocr.js';
import { evaluatePiiData } from './evaluate-pii.js';
import { evaluateSummariseData } from './evaluate-summarise.js';

export interface EvaluationRequest extends EvalRun {
  readonly task: EvalTask;
  readonly providers: Providers;
  /** classify only: train the embedded classifier on this labelled JSONL first. */
  readonly train?: string;
}

/** Runs one evaluation with the adapters the pipeline would use, and releases them (OCR workers) afterwards. */
export async function runEvaluation(request: EvaluationRequest, env: NodeJS.ProcessEnv = process.env): Promise<EvalReport> {
  if (request.train !== undefined && request.task !== 'classify') {
    throw new ContractViolationError(`--train applies to classify only, not ${request.task}`);
  }
  if (request.train !== undefined && request.providers !== 'embedded') {
    throw new ContractViolationError('--train trains the embedded classifier; run it with --providers embedded');
  }
  const adapters = await openEvalAdapters(request.providers, env);
  try {
    switch (request.task) {
      case 'pii':
        return await evaluatePiiData(request, adapters);
      case 'classify':
        return await evaluateClassifyData(request, adapters);
      case 'ocr':
        return await evaluateOcrData(request, adapters);
      case 'summarise':
        return await evaluateSummariseData(request, adapters);
    }
  } finally {
    await adapters.close();
  }
}
