import { PiiTokenCounter, pooledScores, STRUCTURED_PII_TYPES } from '../../shared/evaluation/pii-metrics.js';
import type { EvalAdapters } from './eval-adapters.js';
import type { EvalRun, PiiEvalReport } from './eval-report.js';
import { countJsonlRecords, jsonlFiles, readJsonlRecords } from './jsonl-input.js';
import { PredictionsWriter } from './predictions-writer.js';
import { noProgress } from './progress.js';
import { PII_SAMPLE_SHAPE, piiSampleSchema } from './sample-schemas.js';
import { Stopwatch } from './stopwatch.js';

/** Runs the PII detector over labelled texts and scores its spans token by token against the labels. */
export async function evaluatePiiData(run: EvalRun, adapters: EvalAdapters): Promise<PiiEvalReport> {
  const files = jsonlFiles(run.data);
  const progress = run.progress ?? noProgress;
  progress.start(await countJsonlRecords(files));
  const detector = await adapters.deps.piiDetector();
  const counter = new PiiTokenCounter();
  const writer = PredictionsWriter.open(run.predictions);
  const clock = new Stopwatch();
  try {
    for await (const { value } of readJsonlRecords(files, piiSampleSchema, PII_SAMPLE_SHAPE)) {
      const predicted = (await detector.detect(value.text)).map(({ type, start, end }) => ({ type, start, end }));
      counter.add({ text: value.text, gold: value.entities, predicted });
      await writer.write({ entities: predicted });
      progress.increment();
    }
  } finally {
    progress.stop();
    await writer.close();
  }
  const evaluation = counter.evaluation(2);
  return {
    task: 'pii',
    data: run.data,
    samples: counter.samples,
    adapter: adapters.describe('piiDetector'),
    timing: clock.timing(counter.samples),
    predictions: run.predictions ?? null,
    metrics: { ...evaluation, structured: pooledScores(evaluation, STRUCTURED_PII_TYPES) },
  };
}
