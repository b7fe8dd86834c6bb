import { readFile } from 'node:fs/promises';
import { InvalidDocumentError } from '../../shared/errors.js';
import { OcrScoreCounter, scoreOcrText } from '../../shared/evaluation/ocr-metrics.js';
import { SNIFF_HEAD_BYTES, sniffMediaType } from '../../shared/media/sniff.js';
import type { TextExtractor } from '../../shared/ports/text-extractor.js';
import type { EvalAdapters } from './eval-adapters.js';
import type { EvalRun, OcrEvalReport } from './eval-report.js';
import { ocrSamples, type OcrSample } from './ocr-input.js';
import { PredictionsWriter } from './predictions-writer.js';
import { noProgress } from './progress.js';
import { Stopwatch } from './stopwatch.js';

async function extractText(extractor: TextExtractor, sample: OcrSample, maxPages: number): Promise<{ text: string; pages: number }> {
  const bytes = await readFile(sample.file);
  const sniffed = sniffMediaType(bytes.subarray(0, SNIFF_HEAD_BYTES));
  if (!sniffed.ok) throw new InvalidDocumentError(`${sample.file}: ${sniffed.reason}`);
  const texts: string[] = [];
  try {
    for await (const page of extractor.extractPages({ bytes, mediaType: sniffed.mediaType, maxPages })) texts.push(page.text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InvalidDocumentError(`${sample.file}: text extraction failed: ${message}`, { cause: error });
  }
  return { text: texts.join('\n'), pages: texts.length };
}

/**
 * Reads each document with the text extractor and scores the text against its ground-truth words: word recall,
 * character error rate, and wall and CPU seconds per page. One document is in memory at a time.
 */
export async function evaluateOcrData(run: EvalRun, adapters: EvalAdapters): Promise<OcrEvalReport> {
  const samples = ocrSamples(run.data);
  const progress = run.progress ?? noProgress;
  progress.start(samples.length);
  const extractor = await adapters.deps.textExtractor();
  const counter = new OcrScoreCounter();
  const writer = PredictionsWriter.open(run.predictions);
  const clock = new Stopwatch();
  try {
    for (const sample of samples) {
      const reference = await readFile(sample.wordsFile, 'utf8');
      const fileClock = new Stopwatch();
      const { text, pages } = await extractText(extractor, sample, adapters.config.maxPages);
      const wallSeconds = fileClock.wallSeconds;
      const cpuSeconds = fileClock.cpuSeconds;
      counter.add(scoreOcrText(reference, text), pages, wallSeconds, cpuSeconds);
      await writer.write({ file: sample.name, text });
      progress.increment();
    }
  } finally {
    progress.stop();
    await writer.close();
  }
  const metrics = counter.evaluation();
  return {
    task: 'ocr',
    data: run.data,
    samples: metrics.files,
    adapter: adapters.describe('textExtractor'),
    timing: clock.timing(metrics.files),
    predictions: run.predictions ?? null,
    metrics,
  };
}
