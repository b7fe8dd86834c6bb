import { rouge, RougeMean } from '../../../shared/evaluation/rouge.js';

describe('ROUGE on hand-counted pairs', () => {
  it('scores ROUGE-L by the longest common subsequence: 5 of 6 tokens each way', () => {
    // Act
    const { rougeL } = rouge('The cat sat on the mat.', 'the cat lay on the mat');
    // Assess
    expect(rougeL.precision).toBeCloseTo(5 / 6, 10);
    expect(rougeL.recall).toBeCloseTo(5 / 6, 10);
    expect(rougeL.f1).toBeCloseTo(5 / 6, 10);
  });

  it('scores "a b c d" against "a c e": ROUGE-L P 1/2, R 2/3, F1 4/7, and no shared bigram', () => {
    // Act
    const scores = rouge('a b c d', 'a c e');
    // Assess
    expect(scores.rougeL.precision).toBeCloseTo(0.5, 10);
    expect(scores.rougeL.recall).toBeCloseTo(2 / 3, 10);
    expect(scores.rougeL.f1).toBeCloseTo(4 / 7, 10);
    expect(scores.rouge1.f1).toBeCloseTo(4 / 7, 10);
    expect(scores.rouge2.f1).toBe(0);
  });

  it('averages scores over pairs as they arrive', () => {
    // Prepare
    const running = new RougeMean();
    // Act
    running.add(rouge('The cat sat on the mat.', 'the cat lay on the mat'));
    running.add(rouge('a b c d', 'a c e'));
    // Assess
    expect(running.samples).toBe(2);
    expect(running.mean().rougeL.f1).toBeCloseTo((5 / 6 + 4 / 7) / 2, 10);
  });
});
