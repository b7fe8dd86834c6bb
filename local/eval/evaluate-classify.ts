import { ConfusionCounter } from '../../shared/evaluation/classification-metrics.js';
import type { Classifier } from '../../shared/ports/classifier.js';
import type { AdapterDescription, EvalAdapters } from './eval-adapters.js';
import type { ClassifyEvalReport, EvalRun, TrainingFacts } from './eval-report.js';
import { countJsonlRecords, jsonlFiles, readJsonlRecords, sampleId } from './jsonl-input.js';
import { PredictionsWriter } from './predictions-writer.js';
import { noProgress, type EvalProgress } from './progress.js';
import { CLASSIFY_SAMPLE_SHAPE, classifySampleSchema } from './sample-schemas.js';
import { Stopwatch } from './stopwatch.js';

export interface ClassifyEvalRun extends EvalRun {
  /** Labelled JSONL to train the embedded classifier on first (default options) instead of using the configured one. */
  readonly train?: string;
}

interface ChosenClassifier {
  readonly classifier: Classifier;
  readonly adapter: AdapterDescription;
  readonly training: TrainingFacts | null;
}

/** Trains the embedded classifier on one split through its public training API. */
async function trainedClassifier(train: string, adapters: EvalAdapters, progress: EvalProgress): Promise<ChosenClassifier> {
  const { EmbeddedClassifier, readLabelledJsonl, trainClassifier } = await import('../../shared/adapters/embedded/classifier/index.js');
  const samples = await readLabelledJsonl(train);
  progress.status(`training the embedded classifier on ${samples.length} samples from ${train} …`);
  const clock = new Stopwatch();
  const model = trainClassifier(samples);
  const training = { data: train, samples: samples.length, labels: model.labels.length, seconds: clock.wallSeconds };
  return {
    classifier: new EmbeddedClassifier(model),
    adapter: { providers: adapters.providers, port: 'classifier', adapter: 'embedded', detail: `trained on ${train}` },
    training,
  };
}

/**
 * Classifies labelled texts (each cut to the pipeline's DOCPIPE_MAX_ANALYSIS_CHARS, as the Classify stage does) and
 * scores the labels: accuracy, macro-F1, per-label scores and the confusion matrix.
 */
export async function evaluateClassifyData(run: ClassifyEvalRun, adapters: EvalAdapters): Promise<ClassifyEvalReport> {
  const files = jsonlFiles(run.data);
  const progress = run.progress ?? noProgress;
  const chosen: ChosenClassifier =
    run.train === undefined
      ? { classifier: await adapters.deps.classifier(), adapter: adapters.describe('classifier'), training: null }
      : await trainedClassifier(run.train, adapters, progress);
  progress.start(await countJsonlRecords(files));
  const counter = new ConfusionCounter();
  const writer = PredictionsWriter.open(run.predictions);
  const clock = new Stopwatch();
  const maxChars = adapters.config.maxAnalysisChars;
  try {
    for await (const record of readJsonlRecords(files, classifySampleSchema, CLASSIFY_SAMPLE_SHAPE)) {
      const { label } = await chosen.classifier.classify(record.value.text.slice(0, maxChars));
      counter.add(record.value.label, label);
      await writer.write({ id: sampleId(record), label });
      progress.increment();
    }
  } finally {
    progress.stop();
    await writer.close();
  }
  return {
    task: 'classify',
    data: run.data,
    samples: counter.samples,
    adapter: chosen.adapter,
    timing: clock.timing(counter.samples),
    predictions: run.predictions ?? null,
    metrics: counter.scores(),
    training: chosen.training,
  };
}
