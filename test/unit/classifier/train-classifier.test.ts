import { ContractViolationError } from '../../../shared/errors.js';
import { EmbeddedClassifier } from '../../../shared/adapters/embedded/classifier/embedded-classifier.js';
import { trainClassifier } from '../../../shared/adapters/embedded/classifier/train-classifier.js';
import { HELD_OUT, TINY_CORPUS } from './tiny-corpus.js';

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

describe('trainClassifier and EmbeddedClassifier', () => {
  const model = trainClassifier(TINY_CORPUS);
  const classifier = new EmbeddedClassifier(model);

  it('classifies sentences it never saw by their topic', async () => {
    // Prepare: the model trained above on 3 labels x 10 sentences.
    // Act
    const predicted = await Promise.all(HELD_OUT.map(async (sample) => (await classifier.classify(sample.text)).label));
    // Assess
    expect(predicted).toEqual(HELD_OUT.map((sample) => sample.label));
  });

  it('gives a probability per label that sums to 1, the winner carrying the highest one', async () => {
    // Act
    const result = await classifier.classify('Pay the invoice total before the due date.');
    // Assess
    expect(Object.keys(result.scores).sort()).toEqual(['invoice', 'recipe', 'weather']);
    expect(sum(Object.values(result.scores))).toBeCloseTo(1, 12);
    expect(result.confidence).toBe(Math.max(...Object.values(result.scores)));
    expect(result.scores[result.label]).toBe(result.confidence);
  });

  it('records its labels, sample count and options in the model', () => {
    // Assess
    expect(model.format).toBe('docpipe-classifier');
    expect(model.version).toBe(1);
    expect(model.labels).toEqual(['invoice', 'recipe', 'weather']);
    expect(model.trainingSamples).toBe(30);
    expect(model.weights).toHaveLength(3);
    expect(model.weights[0]).toHaveLength(model.vocabulary.word.length + model.vocabulary.char.length);
  });

  it('trains the same model twice from the same samples', () => {
    // Act
    const again = trainClassifier(TINY_CORPUS);
    // Assess
    expect({ ...again, trainedAt: undefined }).toEqual({ ...model, trainedAt: undefined });
  });

  it('does not depend on the order of the samples beyond rounding', async () => {
    // Prepare
    const reversed = new EmbeddedClassifier(trainClassifier([...TINY_CORPUS].reverse()));
    // Act
    const original = await classifier.classify(HELD_OUT[0]?.text ?? '');
    const fromReversed = await reversed.classify(HELD_OUT[0]?.text ?? '');
    // Assess
    expect(fromReversed.label).toBe(original.label);
    expect(fromReversed.confidence).toBeCloseTo(original.confidence, 3);
  });

  it('still answers for an empty text, with the scores of its bias alone', async () => {
    // Prepare
    const exponentials = model.bias.map((bias) => Math.exp(bias));
    const expected = exponentials.map((value) => value / sum(exponentials));
    // Act
    const empty = await classifier.classify('');
    const noise = await classifier.classify(' -- @@ ; ~ ');
    // Assess
    model.labels.forEach((label, k) => expect(empty.scores[label]).toBeCloseTo(expected[k] ?? 0, 12));
    expect(noise).toEqual(empty);
  });

  it('stretches the weight of terms that point to one label when label-ratio weighting is on', () => {
    // Prepare: the same corpus, words only, with and without the weighting.
    const word = { minN: 1, maxN: 1, maxFeatures: 1000, weight: 1 };
    const plain = trainClassifier(TINY_CORPUS, { char: null, layout: false, word, labelRatioPower: 0 });
    const weighted = trainClassifier(TINY_CORPUS, { char: null, layout: false, word, labelRatioPower: 1 });
    const weightOf = (trained: typeof model, term: string): number =>
      trained.idf.word[trained.vocabulary.word.indexOf(term)] ?? Number.NaN;
    // Act: how much each term's weight grew.
    const growth = (term: string): number => weightOf(weighted, term) / weightOf(plain, term);
    // Assess: "invoice" (one label only) grows more than "the" (every label).
    expect(weighted.vocabulary.word).toEqual(plain.vocabulary.word);
    expect(growth('invoice')).toBeGreaterThan(growth('the'));
  });

  it('refuses to train on a single label', () => {
    // Prepare
    const oneLabel = TINY_CORPUS.filter((sample) => sample.label === 'recipe');
    // Act / Assess
    expect(() => trainClassifier(oneLabel)).toThrow(ContractViolationError);
  });

  it('rejects an invalid option with its name', () => {
    // Act / Assess
    expect(() => trainClassifier(TINY_CORPUS, { l2: -1 })).toThrow(/l2/);
  });

  it('keeps the vocabulary within maxFeatures', () => {
    // Act
    const small = trainClassifier(TINY_CORPUS, {
      word: { minN: 1, maxN: 1, maxFeatures: 10, weight: 1 },
      char: { minN: 3, maxN: 4, maxFeatures: 25, weight: 1 },
    });
    // Assess
    expect(small.vocabulary.word).toHaveLength(10);
    expect(small.vocabulary.char).toHaveLength(25);
  });
});
