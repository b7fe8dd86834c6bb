/**
 * Trains the embedded classifier on Tobacco3482 OCR text and scores it on the held-out dev split.
 *   npx tsx bench/classify-tobacco.ts                      default options
 *   npx tsx bench/classify-tobacco.ts '{"l2": 1e-5}'       options overridden (JSON)
 */
import { EmbeddedClassifier } from '../shared/adapters/embedded/classifier/embedded-classifier.js';
import { evaluateClassifier } from '../shared/adapters/embedded/classifier/evaluate-classifier.js';
import { readLabelledJsonl } from '../shared/adapters/embedded/classifier/labelled-jsonl.js';
import type { ClassifierOptionsInput } from '../shared/adapters/embedded/classifier/options.js';
import { trainClassifier } from '../shared/adapters/embedded/classifier/train-classifier.js';

const EVAL = new URL('../../shared/eval/classify/', import.meta.url);

const options = JSON.parse(process.argv[2] ?? '{}') as ClassifierOptionsInput;
const train = await readLabelledJsonl(new URL('tobacco-train.jsonl', EVAL).pathname);
const dev = await readLabelledJsonl(new URL('tobacco-dev.jsonl', EVAL).pathname);

const started = performance.now();
const model = trainClassifier(train, options);
const trainingSeconds = (performance.now() - started) / 1000;
const metrics = await evaluateClassifier(new EmbeddedClassifier(model), dev);
const modelBytes = Buffer.byteLength(JSON.stringify(model));

console.log(`train ${train.length} documents, dev ${dev.length} documents, ${model.labels.length} labels`);
console.log(`features: ${model.vocabulary.word.length} word, ${model.vocabulary.char.length} char`);
console.log(`accuracy  ${metrics.accuracy.toFixed(4)}`);
console.log(`macro-F1  ${metrics.macroF1.toFixed(4)}`);
console.log(`training  ${trainingSeconds.toFixed(1)} s`);
console.log(`model     ${(modelBytes / 1024 / 1024).toFixed(2)} MB`);
console.log('label          precision recall  f1     support');
for (const row of metrics.perLabel) {
  const cells = [row.precision, row.recall, row.f1].map((value) => value.toFixed(3).padEnd(7));
  console.log(`${row.label.padEnd(15)}${cells.join(' ')} ${row.support}`);
}
