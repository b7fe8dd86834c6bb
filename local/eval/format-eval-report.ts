import type { RougeScores } from '../../shared/evaluation/rouge.js';
import type { TokenScores } from '../../shared/evaluation/pii-metrics.js';
import { table } from '../format.js';
import type { ClassifyEvalReport, EvalReport, OcrEvalReport, PiiEvalReport, SummariseEvalReport } from './eval-report.js';

/** A score with three decimals; `-` where it is undefined (nothing to divide). */
export function score(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : '-';
}

function header(report: EvalReport): string {
  const { adapter, timing } = report;
  const served = `${adapter.adapter}${adapter.detail ? ` (${adapter.detail})` : ''}`;
  return [
    `eval ${report.task}: ${report.samples} samples from ${report.data}`,
    `adapter: ${served}, providers ${adapter.providers}`,
    `time: ${timing.wallSeconds.toFixed(1)} s wall, ${timing.cpuSeconds.toFixed(1)} s CPU, ${timing.samplesPerSecond.toFixed(2)} samples/s`,
  ].join('\n');
}

function tokenRow(label: string, s: TokenScores): string[] {
  return [label, String(s.goldTokens), String(s.predictedTokens), score(s.precision), score(s.recall), score(s.fBeta)];
}

function formatPii(report: PiiEvalReport): string {
  const m = report.metrics;
  const rows = Object.entries(m.perType).map(([type, s]) => tokenRow(type, s));
  rows.push(tokenRow('structured types', m.structured), tokenRow('OVERALL (any PII type)', m.overall));
  return [
    table(['type', 'gold tokens', 'predicted', 'precision', 'recall', `F${m.beta}`], rows),
    '',
    `character-level redaction recall: ${score(m.charRedactionRecall)}`,
  ].join('\n');
}

function formatClassify(report: ClassifyEvalReport): string {
  const m = report.metrics;
  const { labels, matrix } = m.confusion;
  const lines = [
    `accuracy ${score(m.accuracy)}   macro-F1 ${score(m.macroF1)}`,
    '',
    table(
      ['label', 'precision', 'recall', 'F1', 'support'],
      m.perLabel.map((l) => [l.label, score(l.precision), score(l.recall), score(l.f1), String(l.support)]),
    ),
    '',
    'confusion (rows gold, columns predicted):',
    table(
      ['', ...labels.map((_, i) => String(i + 1))],
      labels.map((label, i) => [`${i + 1} ${label}`, ...(matrix[i] ?? []).map(String)]),
    ),
  ];
  if (report.training) {
    const t = report.training;
    lines.unshift(`trained on ${t.data}: ${t.samples} samples, ${t.labels} labels, ${t.seconds.toFixed(1)} s`, '');
  }
  return lines.join('\n');
}

function formatOcr(report: OcrEvalReport): string {
  const m = report.metrics;
  const seconds = (s: { median: number; p95: number; mean: number }): string =>
    `median ${s.median.toFixed(2)}, p95 ${s.p95.toFixed(2)}, mean ${s.mean.toFixed(2)}`;
  return table(
    ['metric', 'value'],
    [
      ['documents / pages', `${m.files} / ${m.pages}`],
      ['reference words', String(m.referenceWords)],
      ['word recall', score(m.wordRecall)],
      ['word recall (punctuation splits words)', score(m.wordRecallSplitAtPunctuation)],
      ['character error rate', score(m.characterErrorRate)],
      ['seconds per page', seconds(m.secondsPerPage)],
      ['CPU seconds per page', seconds(m.cpuSecondsPerPage)],
    ],
  );
}

function rougeRow(label: string, s: RougeScores, words: number): string[] {
  return [label, score(s.rouge1.f1), score(s.rouge2.f1), score(s.rougeL.f1), words.toFixed(1)];
}

function formatSummarise(report: SummariseEvalReport): string {
  const m = report.metrics;
  return [
    table(
      ['summaries', 'ROUGE-1 F1', 'ROUGE-2 F1', 'ROUGE-L F1', 'mean words'],
      [rougeRow(`${report.adapter.adapter} summariser`, m.summariser, m.meanWords.summary), rougeRow('lead-3 baseline', m.lead3, m.meanWords.lead3)],
    ),
    '',
    `ROUGE-L F1 ratio (summariser / lead-3): ${score(m.rougeLRatio)}   reference summaries: mean ${m.meanWords.reference.toFixed(1)} words`,
  ].join('\n');
}

/** The report as a person reads it in a terminal. */
export function formatEvalReport(report: EvalReport): string {
  const body = (() => {
    switch (report.task) {
      case 'pii':
        return formatPii(report);
      case 'classify':
        return formatClassify(report);
      case 'ocr':
        return formatOcr(report);
      case 'summarise':
        return formatSummarise(report);
    }
  })();
  const footer = report.predictions ? `\npredictions: ${report.predictions}` : '';
  return `${header(report)}\n\n${body}${footer}\n`;
}
