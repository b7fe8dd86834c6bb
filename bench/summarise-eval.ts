/**
 * ROUGE of the embedded extractive summariser against human reference summaries, beside the lead-3 baseline.
 *   npx tsx bench/summarise-eval.ts [data.jsonl]
 * Default data: ../shared/eval/summarise/legal-dev.jsonl ({"id","title","text","reference"} per line).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EmbeddedSummariser } from '../shared/adapters/embedded/summariser/embedded-summariser.js';
import { leadSentences } from '../shared/evaluation/lead-baseline.js';
import { meanRouge, rouge, type RougeScores } from '../shared/evaluation/rouge.js';

interface SummaryCase {
  readonly id: string;
  readonly text: string;
  readonly reference: string;
}

const dataPath =
  process.argv[2] ?? fileURLToPath(new URL('../../shared/eval/summarise/legal-dev.jsonl', import.meta.url));
const cases: SummaryCase[] = readFileSync(dataPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as SummaryCase);

const summariser = new EmbeddedSummariser();
const words = (s: string): number => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const started = performance.now();
const ours = cases.map((c) => summariser.summariseSync(c.text).summary);
const elapsedMs = performance.now() - started;
const lead = cases.map((c) => leadSentences(c.text, 3));

const report = (label: string, summaries: string[]): RougeScores => {
  const scores = meanRouge(summaries.map((s, i) => rouge(s, cases[i]?.reference ?? '')));
  const meanWords = summaries.reduce((sum, s) => sum + words(s), 0) / summaries.length;
  console.log(
    `${label.padEnd(22)} R1 ${scores.rouge1.f1.toFixed(4)}  R2 ${scores.rouge2.f1.toFixed(4)}  RL ${scores.rougeL.f1.toFixed(4)}  (mean ${meanWords.toFixed(1)} words)`,
  );
  return scores;
};

console.log(`data: ${dataPath} (${cases.length} documents; summariser ${elapsedMs.toFixed(0)} ms)`);
console.log(`reference summaries: mean ${(cases.reduce((s, c) => s + words(c.reference), 0) / cases.length).toFixed(1)} words`);
const mine = report('embedded summariser', ours);
const baseline = report('lead-3 baseline', lead);
console.log(`ROUGE-L F1 ratio (embedded / lead-3): ${(mine.rougeL.f1 / baseline.rougeL.f1).toFixed(3)}`);
