import { classificationMetrics } from '../../../shared/adapters/embedded/classifier/metrics.js';
import { evaluateClassifier } from '../../../shared/adapters/embedded/classifier/evaluate-classifier.js';
import type { Classifier } from '../../../shared/ports/classifier.js';

describe('classificationMetrics', () => {
  // 10 samples; gold a a a a b b b c c c.
  // a: 3 right, 1 taken for b.  b: 2 right, 1 taken for c.  c: 2 right, 1 taken for a.
  const gold = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c'];
  const predicted = ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'a'];

  it('counts the confusion matrix with gold labels as rows', () => {
    // Act
    const { confusion } = classificationMetrics(gold, predicted);
    // Assess
    expect(confusion).toEqual({
      labels: ['a', 'b', 'c'],
      matrix: [
        [3, 1, 0],
        [0, 2, 1],
        [1, 0, 2],
      ],
    });
  });

  it('computes accuracy, per-label precision, recall and F1, and their macro average exactly', () => {
    // Act
    const metrics = classificationMetrics(gold, predicted);
    // Assess: a: P 3/4, R 3/4, F1 3/4. b: P 2/3, R 2/3. c: P 2/3, R 2/3. Macro-F1 (3/4 + 2/3 + 2/3) / 3 = 25/36.
    expect(metrics.accuracy).toBe(0.7);
    const [a, b, c] = metrics.perLabel;
    expect(a).toEqual({ label: 'a', precision: 0.75, recall: 0.75, f1: 0.75, support: 4 });
    expect(b?.precision).toBeCloseTo(2 / 3, 15);
    expect(b?.recall).toBeCloseTo(2 / 3, 15);
    expect(c?.f1).toBeCloseTo(2 / 3, 15);
    expect(c?.support).toBe(3);
    expect(metrics.macroF1).toBeCloseTo(25 / 36, 15);
  });

  it('scores a label that is never predicted with precision 0 instead of failing', () => {
    // Act
    const metrics = classificationMetrics(['a', 'b'], ['a', 'a']);
    // Assess: a: P 1/2, R 1, F1 2/3. b: P 0, R 0, F1 0.
    expect(metrics.perLabel[1]).toEqual({ label: 'b', precision: 0, recall: 0, f1: 0, support: 1 });
    expect(metrics.macroF1).toBeCloseTo(1 / 3, 15);
    expect(metrics.accuracy).toBe(0.5);
  });

  it('lists a known label that no sample has, with zero support', () => {
    // Act
    const metrics = classificationMetrics(['a'], ['a'], ['a', 'z']);
    // Assess
    expect(metrics.confusion.labels).toEqual(['a', 'z']);
    expect(metrics.perLabel[1]?.support).toBe(0);
  });

  it('refuses lists of different lengths', () => {
    // Act / Assess
    expect(() => classificationMetrics(['a', 'b'], ['a'])).toThrow(RangeError);
  });
});

describe('evaluateClassifier', () => {
  it('scores what a classifier answers against the samples', async () => {
    // Prepare: a classifier that calls everything with "tax" in it an invoice.
    const classifier: Classifier = {
      classify: (text) =>
        Promise.resolve(
          text.includes('tax')
            ? { label: 'invoice', confidence: 1, scores: { invoice: 1, letter: 0 } }
            : { label: 'letter', confidence: 1, scores: { invoice: 0, letter: 1 } },
        ),
    };
    const samples = [
      { text: 'tax due', label: 'invoice' },
      { text: 'dear sir', label: 'letter' },
      { text: 'tax advice, yours sincerely', label: 'letter' },
      { text: 'amount due', label: 'invoice' },
    ];
    // Act
    const metrics = await evaluateClassifier(classifier, samples);
    // Assess
    expect(metrics.accuracy).toBe(0.5);
    expect(metrics.confusion.matrix).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});
