import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedClassifier } from '../../../shared/adapters/embedded/classifier/embedded-classifier.js';
import { runTrainClassifier } from '../../../shared/adapters/embedded/classifier/run-train-classifier.js';
import { HELD_OUT, TINY_CORPUS } from './tiny-corpus.js';

describe('runTrainClassifier', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'docpipe-train-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('trains from a labelled JSONL file, writes a working model and reports on it', async () => {
    // Prepare
    const data = join(folder, 'labelled.jsonl');
    const out = join(folder, 'models', 'classifier.json');
    await writeFile(data, TINY_CORPUS.map((sample, i) => JSON.stringify({ id: `s${i}`, ...sample })).join('\n'));
    // Act
    const summary = await runTrainClassifier({ data, out });
    // Assess
    expect(summary.samples).toBe(30);
    expect(summary.labels).toEqual(['invoice', 'recipe', 'weather']);
    expect(summary.trainAccuracy).toBe(1);
    expect(summary.ms).toBeGreaterThanOrEqual(0);
    const classifier = await EmbeddedClassifier.fromFile(out);
    const sample = HELD_OUT[2];
    expect((await classifier.classify(sample?.text ?? '')).label).toBe(sample?.label);
  });
});
