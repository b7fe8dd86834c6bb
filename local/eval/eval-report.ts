import type { ClassificationScores } from '../../shared/evaluation/classification-metrics.js';
import type { OcrEvaluation } from '../../shared/evaluation/ocr-metrics.js';
import type { PiiEvaluation, TokenScores } from '../../shared/evaluation/pii-metrics.js';
import type { RougeScores } from '../../shared/evaluation/rouge.js';
import type { AdapterDescription } from './eval-adapters.js';
import type { EvalProgress } from './progress.js';

export const EVAL_TASKS = ['pii', 'classify', 'ocr', 'summarise'] as const;
export type EvalTask = (typeof EVAL_TASKS)[number];

/** What one evaluation reads and writes. */
export interface EvalRun {
  /** Labelled data: a JSONL file or a folder of them (pii, classify, summarise); a folder or one image (ocr). */
  readonly data: string;
  /** Where to write one JSON line per sample, in input order, with what the adapter produced. */
  readonly predictions?: string;
  readonly progress?: EvalProgress;
}

export interface EvalTiming {
  /** Wall-clock seconds over the samples (reading, the adapter, scoring; not training). */
  readonly wallSeconds: number;
  /** CPU seconds of the whole process over the same span (worker threads included). */
  readonly cpuSeconds: number;
  readonly samplesPerSecond: number;
}

interface EvalReportBase<T extends EvalTask, M> {
  readonly task: T;
  readonly data: string;
  readonly samples: number;
  readonly adapter: AdapterDescription;
  readonly timing: EvalTiming;
  readonly predictions: string | null;
  readonly metrics: M;
}

export interface PiiMetrics extends PiiEvaluation {
  /** EMAIL, PHONE, SSN, CREDIT_DEBIT_NUMBER, INTERNATIONAL_BANK_ACCOUNT_NUMBER and IP_ADDRESS pooled, type must match. */
  readonly structured: TokenScores;
}

export interface TrainingFacts {
  readonly data: string;
  readonly samples: number;
  readonly labels: number;
  readonly seconds: number;
}

export interface SummaryMetrics {
  readonly summariser: RougeScores;
  /** The first three sentences of each text, scored the same way in the same run. */
  readonly lead3: RougeScores;
  /** Summariser ROUGE-L F1 over lead-3 ROUGE-L F1. */
  readonly rougeLRatio: number;
  readonly meanWords: { readonly summary: number; readonly lead3: number; readonly reference: number };
}

export type PiiEvalReport = EvalReportBase<'pii', PiiMetrics>;
export type ClassifyEvalReport = EvalReportBase<'classify', ClassificationScores> & { readonly training: TrainingFacts | null };
export type OcrEvalReport = EvalReportBase<'ocr', OcrEvaluation>;
export type SummariseEvalReport = EvalReportBase<'summarise', SummaryMetrics>;
export type EvalReport = PiiEvalReport | ClassifyEvalReport | OcrEvalReport | SummariseEvalReport;
