import { classificationScores, ConfusionCounter } from '../../../shared/evaluation/classification-metrics.js';

describe('classification scores', () => {
  // gold a a b b c, predicted a b b b a: 3 right of 5.
  // a: P 1/2, R 1/2, F1 1/2; b: P 2/3, R 1, F1 4/5; c: never predicted, P 0, R 0, F1 0.
  const gold = ['a', 'a', 'b', 'b', 'c'];
  const predicted = ['a', 'b', 'b', 'b', 'a'];

  it('reports accuracy 3/5 and macro-F1 as the plain mean of the per-label F1 scores (1.3 / 3)', () => {
    // Act
    const scores = classificationScores(gold, predicted);
    // Assess
    expect(scores.samples).toBe(5);
    expect(scores.accuracy).toBeCloseTo(0.6, 10);
    expect(scores.macroF1).toBeCloseTo(1.3 / 3, 10);
  });

  it('reports per-label precision, recall, F1 and support, with 0 for a label never predicted', () => {
    // Act
    const { perLabel } = classificationScores(gold, predicted);
    // Assess
    expect(perLabel.map((l) => l.label)).toEqual(['a', 'b', 'c']);
    expect(perLabel[0]).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(perLabel[1]?.precision).toBeCloseTo(2 / 3, 10);
    expect(perLabel[1]?.f1).toBeCloseTo(0.8, 10);
    expect(perLabel[2]).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 1 });
  });

  it('builds the confusion matrix with gold labels as rows and predictions as columns', () => {
    // Act
    const { confusion } = classificationScores(gold, predicted);
    // Assess
    expect(confusion).toEqual({
      labels: ['a', 'b', 'c'],
      matrix: [
        [1, 1, 0],
        [0, 2, 0],
        [1, 0, 0],
      ],
    });
  });

  it('counts a label only ever predicted in the macro average', () => {
    // Prepare
    const counter = new ConfusionCounter();
    counter.add('memo', 'memo');
    counter.add('memo', 'letter');
    // Act
    const scores = counter.scores();
    // Assess: memo P 1 R 1/2 F1 2/3, letter F1 0
    expect(scores.confusion.labels).toEqual(['letter', 'memo']);
    expect(scores.macroF1).toBeCloseTo(1 / 3, 10);
  });

  it('refuses lists of different lengths', () => {
    expect(() => classificationScores(['a'], [])).toThrow(RangeError);
  });
});
