/**
 * Quality report: runs the four `docpipe eval` evaluations on the shared evaluation data, through the command's own
 * library, and writes docs/quality.md (each stage's metrics beside its target and published anchors).
 *
 *   npm run quality
 *   npx tsx bench/quality.ts [--data-root <dir>] [--out <file>]
 *
 * Data: `../shared/eval` from the repository root, or DOCPIPE_EVAL_DATA, or --data-root.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { STRUCTURED_PII_TYPES } from '../shared/evaluation/pii-metrics.js';
import type { ClassifyEvalReport, EvalReport, OcrEvalReport, PiiEvalReport, SummariseEvalReport } from '../local/eval/eval-report.js';
import { runEvaluation, type EvaluationRequest } from '../local/eval/run-evaluation.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One line of a stage's table. `target` is undefined for figures reported without one. */
interface Row {
  readonly metric: string;
  readonly value: number;
  readonly format?: (value: number) => string;
  readonly target?: { readonly text: string; readonly met: boolean };
  readonly anchor: string;
}

interface Stage {
  readonly title: string;
  readonly request: EvaluationRequest;
  readonly rows: (report: EvalReport) => Row[];
  readonly notes: string;
}

const three = (value: number): string => (Number.isFinite(value) ? value.toFixed(3) : '-');
const secondsText = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)} s` : '-');
const atLeast = (value: number, target: number): { text: string; met: boolean } => ({ text: `≥ ${target.toFixed(2)}`, met: value >= target });

function stages(data: (path: string) => string): Stage[] {
  return [
    {
      title: 'PII detection',
      request: { task: 'pii', providers: 'embedded', data: data('pii/presidio-small.jsonl') },
      notes:
        'Token-level scores as presidio-research computes them (IO scheme; overall = any PII type against none). ' +
        `Structured types pooled: ${STRUCTURED_PII_TYPES.join(', ')} (the type must match).`,
      rows: (report) => {
        const m = (report as PiiEvalReport).metrics;
        return [
          { metric: 'token precision, all types', value: m.overall.precision, target: atLeast(m.overall.precision, 0.8), anchor: 'Presidio default analyzer 0.68; patterns alone 0.97; patterns + compromise people/places 0.93' },
          { metric: 'token recall, all types', value: m.overall.recall, target: atLeast(m.overall.recall, 0.9), anchor: 'Presidio default analyzer 0.60; patterns alone 0.24; patterns + compromise people/places 0.50' },
          { metric: 'token F2, all types', value: m.overall.fBeta, anchor: 'Presidio default analyzer 0.62' },
          { metric: 'token recall, structured types', value: m.structured.recall, target: atLeast(m.structured.recall, 0.98), anchor: '' },
          { metric: 'character-level redaction recall', value: m.charRedactionRecall, anchor: '' },
        ];
      },
    },
    {
      title: 'Classification',
      request: { task: 'classify', providers: 'embedded', data: data('classify/tobacco-dev.jsonl'), train: data('classify/tobacco-train.jsonl') },
      notes: 'The embedded classifier trained (default options) on the train split and scored on the dev split.',
      rows: (report) => {
        const r = report as ClassifyEvalReport;
        return [
          { metric: 'accuracy', value: r.metrics.accuracy, target: atLeast(r.metrics.accuracy, 0.85), anchor: 'TF-IDF (1–2-grams, sublinear) + logistic regression 0.81; Naive Bayes 0.65–0.73; published text-only 0.70s; image+text models 0.86–0.91; about 12% of labels wrong (Lim et al. 2024)' },
          { metric: 'macro-F1', value: r.metrics.macroF1, anchor: '' },
          { metric: 'training time', value: r.training?.seconds ?? NaN, format: secondsText, anchor: '' },
        ];
      },
    },
    {
      title: 'OCR',
      request: { task: 'ocr', providers: 'embedded', data: data('ocr/funsd') },
      notes:
        'The default OCR: tesseract.js (WebAssembly, no native tesseract), pages upscaled to 300 dpi, three passes ' +
        "read each page at once on three engines (tesseract.js-data's best English model: single block on the page; " +
        "tessdata_fast's English model, shipped in the repo: sparse text on the page with ruled lines and specks " +
        'erased, and single block on the page), their words merged by box, confidence and known words, numbers ' +
        'stamped a quarter turn round read turned, then low-confidence non-words corrected against an English word ' +
        'list with names of people, places, days and months (DOCPIPE_OCR_PASSES=3). ' +
        'Word recall: bag of words, case-insensitive, punctuation stripped, pooled over pages. Seconds per page are ' +
        'wall clock on this machine (shared with other work: see the load average above); CPU seconds count the OCR ' +
        'worker threads and are steadier. The first page includes starting the OCR engine.',
      rows: (report) => {
        const m = (report as OcrEvalReport).metrics;
        return [
          { metric: 'word recall', value: m.wordRecall, target: atLeast(m.wordRecall, 0.85), anchor: 'tesseract.js defaults 0.56; 2× upscaling 0.77; a commercial document API 0.94 (fuzzy matching)' },
          { metric: 'word recall, punctuation splitting words', value: m.wordRecallSplitAtPunctuation, anchor: '' },
          { metric: 'character error rate', value: m.characterErrorRate, anchor: '' },
          { metric: 'seconds per page, median', value: m.secondsPerPage.median, format: secondsText, target: { text: '≤ 3 s (2 cores)', met: m.secondsPerPage.median <= 3 }, anchor: 'tesseract.js defaults 0.8 s; 2× upscaling 1.5 s; commercial API about 8 s' },
          { metric: 'seconds per page, p95', value: m.secondsPerPage.p95, format: secondsText, anchor: '' },
          { metric: 'CPU seconds per page, median', value: m.cpuSecondsPerPage.median, format: secondsText, anchor: '' },
        ];
      },
    },
    {
      title: 'Summaries',
      request: { task: 'summarise', providers: 'embedded', data: data('summarise/legal-dev.jsonl') },
      notes: 'Mean ROUGE F1 against the human reference summaries; the lead-3 baseline (first three sentences) is scored in the same run.',
      rows: (report) => {
        const m = (report as SummariseEvalReport).metrics;
        const needed = 1.15 * m.lead3.rougeL.f1;
        return [
          { metric: 'ROUGE-L F1', value: m.summariser.rougeL.f1, target: { text: `≥ 1.15 × lead-3 = ${needed.toFixed(3)}`, met: m.summariser.rougeL.f1 >= needed }, anchor: 'lead-3 0.158' },
          { metric: 'lead-3 ROUGE-L F1 (same run)', value: m.lead3.rougeL.f1, anchor: 'lead-3 0.158' },
          { metric: 'ROUGE-L ratio to lead-3', value: m.rougeLRatio, target: atLeast(m.rougeLRatio, 1.15), anchor: '' },
          { metric: 'ROUGE-1 F1', value: m.summariser.rouge1.f1, anchor: `lead-3 ${three(m.lead3.rouge1.f1)}` },
          { metric: 'ROUGE-2 F1', value: m.summariser.rouge2.f1, anchor: `lead-3 ${three(m.lead3.rouge2.f1)}` },
        ];
      },
    },
  ];
}

/** The command a reader runs from the repository root to get the same figures. */
function commandOf(request: EvaluationRequest): string {
  const shown = (path: string): string => relative(ROOT, path) || '.';
  const train = request.train === undefined ? '' : ` --train ${shown(request.train)}`;
  return `node bin/docpipe.js eval ${request.task}${train} --data ${shown(request.data)}`;
}

const cell = (text: string): string => text.replaceAll('|', '\\|');

/** Absolute paths under the repository's parent written relative to the repository root, as the commands give them. */
function shownPaths(text: string): string {
  const parent = dirname(ROOT.replace(/\/$/u, ''));
  return text.replaceAll(`${parent}/`, '../');
}

function stageSection(stage: Stage, report: EvalReport): string {
  const command = commandOf(stage.request);
  const data = relative(ROOT, stage.request.data);
  const lines = [
    `## ${stage.title}`,
    '',
    `${report.samples} samples, adapter ${report.adapter.adapter}${report.adapter.detail ? ` (${shownPaths(report.adapter.detail)})` : ''}, ` +
      `${report.timing.wallSeconds.toFixed(1)} s wall / ${report.timing.cpuSeconds.toFixed(1)} s CPU. ${stage.notes}`,
    '',
    '| data | metric | result | target | met | anchor | command |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of stage.rows(report)) {
    const result = (row.format ?? three)(row.value);
    const met = row.target ? (row.target.met ? 'yes' : 'no') : '—';
    lines.push(`| ${cell(data)} | ${cell(row.metric)} | ${result} | ${cell(row.target?.text ?? '—')} | ${met} | ${cell(row.anchor || '—')} | \`${command}\` |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  // The SDK's notice about future Node versions is not part of the report (bin/docpipe.js silences it the same way).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({ options: { 'data-root': { type: 'string' }, out: { type: 'string' } } });
  const dataRoot = resolve(ROOT, values['data-root'] ?? process.env.DOCPIPE_EVAL_DATA ?? '../shared/eval');
  const out = resolve(ROOT, values.out ?? 'docs/quality.md');
  const data = (path: string): string => join(dataRoot, path);
  const load = loadavg().map((l) => l.toFixed(1)).join(', ');
  const started = new Date();

  const sections: string[] = [];
  for (const stage of stages(data)) {
    process.stderr.write(`quality: ${stage.request.task} …\n`);
    const report = await runEvaluation(stage.request);
    process.stderr.write(`quality: ${stage.request.task} done in ${report.timing.wallSeconds.toFixed(1)} s\n`);
    sections.push(stageSection(stage, report));
  }

  const cpu = cpus();
  const document = [
    '# Quality',
    '',
    'What each stage of the pipeline achieves on public labelled data, measured by `docpipe eval` with the ' +
      'embedded adapters. Generated by `npm run quality` (bench/quality.ts); do not edit by hand.',
    '',
    `- date: ${started.toISOString()}`,
    `- machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, load average at start ${load}`,
    `- Node.js ${process.version} on ${process.platform}/${process.arch}`,
    `- data: ${isAbsolute(relative(ROOT, dataRoot)) ? dataRoot : relative(ROOT, dataRoot)} (see its README for sources and licences)`,
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, document);
  process.stderr.write(`quality: wrote ${relative(process.cwd(), out)}\n`);
}

await main();
