import { leadSentences } from '../../shared/evaluation/lead-baseline.js';
import { rouge, RougeMean, rougeTokens } from '../../shared/evaluation/rouge.js';
import type { EvalAdapters } from './eval-adapters.js';
import type { EvalRun, SummariseEvalReport } from './eval-report.js';
import { countJsonlRecords, jsonlFiles, readJsonlRecords, sampleId } from './jsonl-input.js';
import { PredictionsWriter } from './predictions-writer.js';
import { noProgress } from './progress.js';
import { SUMMARISE_SAMPLE_SHAPE, summariseSampleSchema } from './sample-schemas.js';
import { Stopwatch } from './stopwatch.js';

/**
 * Summarises each text (cut to DOCPIPE_MAX_ANALYSIS_CHARS, as the Summarise stage does) and scores the summary's
 * ROUGE-1/2/L against the reference, beside the lead-3 baseline scored the same way in the same run.
 */
export async function evaluateSummariseData(run: EvalRun, adapters: EvalAdapters): Promise<SummariseEvalReport> {
  const files = jsonlFiles(run.data);
  const progress = run.progress ?? noProgress;
  progress.start(await countJsonlRecords(files));
  const summariser = await adapters.deps.summariser();
  const ours = new RougeMean();
  const lead = new RougeMean();
  const words = { summary: 0, lead3: 0, reference: 0 };
  const writer = PredictionsWriter.open(run.predictions);
  const clock = new Stopwatch();
  const maxChars = adapters.config.maxAnalysisChars;
  try {
    for await (const record of readJsonlRecords(files, summariseSampleSchema, SUMMARISE_SAMPLE_SHAPE)) {
      const { text, reference } = record.value;
      const { summary } = await summariser.summarise(text.slice(0, maxChars));
      const baseline = leadSentences(text, 3);
      ours.add(rouge(summary, reference));
      lead.add(rouge(baseline, reference));
      words.summary += rougeTokens(summary).length;
      words.lead3 += rougeTokens(baseline).length;
      words.reference += rougeTokens(reference).length;
      await writer.write({ id: sampleId(record), summary });
      progress.increment();
    }
  } finally {
    progress.stop();
    await writer.close();
  }
  const n = ours.samples;
  const summariserScores = ours.mean();
  const lead3 = lead.mean();
  return {
    task: 'summarise',
    data: run.data,
    samples: n,
    adapter: adapters.describe('summariser'),
    timing: clock.timing(n),
    predictions: run.predictions ?? null,
    metrics: {
      summariser: summariserScores,
      lead3,
      rougeLRatio: lead3.rougeL.f1 === 0 ? NaN : summariserScores.rougeL.f1 / lead3.rougeL.f1,
      meanWords: { summary: words.summary / (n || 1), lead3: words.lead3 / (n || 1), reference: words.reference / (n || 1) },
    },
  };
}
