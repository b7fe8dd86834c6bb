import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../../../shared/errors.js';
import { EmbeddedClassifier } from '../../../shared/adapters/embedded/classifier/embedded-classifier.js';
import { loadClassifierModel, saveClassifierModel } from '../../../shared/adapters/embedded/classifier/model-file.js';
import { trainClassifier } from '../../../shared/adapters/embedded/classifier/train-classifier.js';
import { HELD_OUT, TINY_CORPUS } from './tiny-corpus.js';

describe('classifier model files', () => {
  let folder: string;
  const model = trainClassifier(TINY_CORPUS);

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'docpipe-classifier-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('gives identical scores after a save and a load', async () => {
    // Prepare
    const path = join(folder, 'nested', 'model.json');
    // Act
    await saveClassifierModel(model, path);
    const loaded = new EmbeddedClassifier(await loadClassifierModel(path));
    // Assess
    const inMemory = new EmbeddedClassifier(model);
    for (const sample of HELD_OUT) {
      expect(await loaded.classify(sample.text)).toEqual(await inMemory.classify(sample.text));
    }
  });

  it('loads the same model it saved', async () => {
    // Prepare
    const path = join(folder, 'model.json');
    // Act
    await saveClassifierModel(model, path);
    // Assess
    expect(await loadClassifierModel(path)).toEqual(model);
  });

  it('reads a model file written before label-ratio weighting existed as plain TF-IDF (power 0)', async () => {
    // Prepare
    const path = join(folder, 'older.json');
    const { labelRatioPower, ...olderOptions } = model.options;
    await writeFile(path, JSON.stringify({ ...model, options: olderOptions }));
    // Act
    const loaded = await loadClassifierModel(path);
    // Assess
    expect(labelRatioPower).toBeGreaterThan(0);
    expect(loaded.options.labelRatioPower).toBe(0);
  });

  it('names the file when it is not JSON', async () => {
    // Prepare
    const path = join(folder, 'corrupt.json');
    await writeFile(path, '{"format": "docpipe-classifier", "vers');
    // Act
    const loading = loadClassifierModel(path);
    // Assess
    await expect(loading).rejects.toThrow(ConfigurationError);
    await expect(loading).rejects.toThrow(`Classifier model file ${path} is not valid JSON`);
  });

  it('names the file and the field when the JSON is not a classifier model', async () => {
    // Prepare
    const path = join(folder, 'wrong.json');
    const broken = { ...model, weights: model.weights.slice(1) };
    await writeFile(path, JSON.stringify(broken));
    // Act
    const loading = EmbeddedClassifier.fromFile(path);
    // Assess
    await expect(loading).rejects.toThrow(ConfigurationError);
    await expect(loading).rejects.toThrow(new RegExp(`${path} is not a valid docpipe classifier model: weights`));
  });

  it('rejects a file of another format', async () => {
    // Prepare
    const path = join(folder, 'other.json');
    await writeFile(path, JSON.stringify({ ...model, format: 'something-else' }));
    // Act / Assess
    await expect(loadClassifierModel(path)).rejects.toThrow(/format/);
  });

  it('names the file when it does not exist', async () => {
    // Prepare
    const path = join(folder, 'missing.json');
    // Act / Assess
    await expect(loadClassifierModel(path)).rejects.toThrow(`Classifier model file ${path} cannot be read`);
  });
});
