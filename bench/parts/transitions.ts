/**
 * State transitions and Lambda invocations per one-page document, counted from execution histories the way Step
 * Functions Standard bills them (lib/history.ts): on the local path (embedded adapters), and on the AWS path
 * (the AWS adapters through lib/recording-adapters.ts, so Textract's asynchronous job loop runs for scanned PDFs).
 */
import { Rng } from '../../fixtures/content/prng.js';
import { BENCH_SEED, bornDigitalPdf, photoJpeg, scannedPdf, scannedPng, type BenchDocument } from '../lib/bench-documents.js';
import { startBenchRuntime } from '../lib/bench-runtime.js';
import { billedTransitions, taskAttempts } from '../lib/history.js';
import { createRecordingAdapters } from '../lib/recording-adapters.js';

export interface TransitionCount {
  readonly path: 'local' | 'aws';
  readonly variant: string;
  readonly status: string;
  readonly transitions: number;
  readonly invocations: number;
  /** The states entered, in order. */
  readonly states: readonly string[];
}

export interface TransitionResults {
  readonly counts: readonly TransitionCount[];
}

async function onePageDocuments(): Promise<{ local: BenchDocument[]; aws: BenchDocument[] }> {
  const rng = new Rng(BENCH_SEED).fork('transitions');
  const pdf = await bornDigitalPdf(rng.fork('pdf'), 1);
  const png = await scannedPng(rng.fork('png'));
  const photo = await photoJpeg(rng.fork('photo'));
  const scannedOnePage = await scannedPdf(rng.fork('scanned-pdf'), 1);
  const documents = (prefix: string): BenchDocument[] => [
    { key: `${prefix}/born-digital-pdf.pdf`, bytes: pdf, pages: 1, documentClass: 'born-digital' },
    { key: `${prefix}/scanned-png.png`, bytes: png, pages: 1, documentClass: 'scanned' },
    { key: `${prefix}/photo-jpeg.jpg`, bytes: photo, pages: 1, documentClass: 'photo' },
    { key: `${prefix}/scanned-pdf.pdf`, bytes: scannedOnePage, pages: 1, documentClass: 'scanned-pdf' },
  ];
  return { local: documents('local'), aws: documents('aws') };
}

async function count(path: 'local' | 'aws', documents: readonly BenchDocument[]): Promise<TransitionCount[]> {
  const recording = path === 'aws' ? createRecordingAdapters() : undefined;
  const bench = await startBenchRuntime({ concurrency: 1, retryDelayMs: 0, ...(recording ? { overrides: recording.overrides } : {}) });
  try {
    const counts: TransitionCount[] = [];
    for (const document of documents) {
      const record = await bench.process(document);
      counts.push({
        path,
        variant: document.key.split('/').pop()?.replace(/\.[a-z]+$/u, '') ?? document.key,
        status: record.status,
        transitions: billedTransitions(record.history),
        invocations: taskAttempts(record.history).length,
        states: record.history.filter((event) => event.type === 'StateEntered').map((event) => event.stateName ?? ''),
      });
    }
    return counts;
  } finally {
    await bench.stop();
    await recording?.close();
  }
}

export async function runTransitionCount(): Promise<TransitionResults> {
  const documents = await onePageDocuments();
  return { counts: [...(await count('local', documents.local)), ...(await count('aws', documents.aws))] };
}
