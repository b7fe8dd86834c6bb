/**
 * Token-level PII evaluation of the embedded detector on labelled sentences.
 *   npx tsx bench/pii-eval.ts [data.jsonl] [--errors]
 * Default data: ../shared/eval/pii/presidio-small.jsonl. Prints per-type and overall precision, recall and F2 (as
 * presidio-research computes them) and character-level redaction recall; --errors also lists missed and spurious
 * spans.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EmbeddedPiiDetector } from '../shared/adapters/embedded/pii/embedded-pii-detector.js';
import { evaluatePii, type LabelledSpan, type PiiEvaluationSample, type TokenScores } from '../shared/evaluation/pii-metrics.js';

interface LabelledSentence {
  readonly text: string;
  readonly entities: LabelledSpan[];
}

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const dataPath =
  args.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../../shared/eval/pii/presidio-small.jsonl', import.meta.url));

const sentences: LabelledSentence[] = readFileSync(dataPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as LabelledSentence);

const detector = new EmbeddedPiiDetector();
const started = performance.now();
const samples: PiiEvaluationSample[] = sentences.map((s) => ({
  text: s.text,
  gold: s.entities,
  predicted: detector.detectSync(s.text),
}));
const elapsedMs = performance.now() - started;
const result = evaluatePii(samples, 2);

const fmt = (x: number): string => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
const row = (label: string, s: TokenScores): string =>
  `${label.padEnd(34)} ${String(s.goldTokens).padStart(5)} ${String(s.predictedTokens).padStart(5)}  ${fmt(s.precision)}  ${fmt(s.recall)}  ${fmt(s.fBeta)}`;

console.log(`data: ${dataPath} (${sentences.length} texts, ${elapsedMs.toFixed(0)} ms)`);
console.log(`${'type'.padEnd(34)} ${'gold'.padStart(5)} ${'pred'.padStart(5)}  prec.  recall  F2`);
for (const [type, scores] of Object.entries(result.perType)) console.log(row(type, scores));
console.log(row('OVERALL (any PII type)', result.overall));
console.log(`character-level redaction recall: ${fmt(result.charRedactionRecall)}`);

if (showErrors) {
  for (const sample of samples) {
    const key = (s: LabelledSpan): string => `${s.type} ${JSON.stringify(sample.text.slice(s.start, s.end))}`;
    const gold = new Set(sample.gold.map(key));
    const predicted = new Set(sample.predicted.map(key));
    const missed = [...gold].filter((g) => !predicted.has(g));
    const spurious = [...predicted].filter((p) => !gold.has(p));
    if (missed.length === 0 && spurious.length === 0) continue;
    console.log(`\n${JSON.stringify(sample.text)}`);
    for (const m of missed) console.log(`  - missed   ${m}`);
    for (const p of spurious) console.log(`  + spurious ${p}`);
  }
}
