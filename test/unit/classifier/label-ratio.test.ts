import type { SparseVector } from '../../../shared/adapters/embedded/classifier/feature-space.js';
import { labelRatios, weightByLabelRatio } from '../../../shared/adapters/embedded/classifier/label-ratio.js';

function vector(entries: readonly (readonly [number, number])[]): SparseVector {
  return {
    indices: Int32Array.from(entries.map(([index]) => index)),
    values: Float64Array.from(entries.map(([, value]) => value)),
  };
}

describe('labelRatios', () => {
  // Feature 0 only in label 0, feature 1 only in label 1, feature 2 evenly in both.
  const vectors = [
    vector([
      [0, 1],
      [2, 1],
    ]),
    vector([
      [1, 1],
      [2, 1],
    ]),
  ];

  it('scores a feature found with one label only as |ln(p / q)| of the smoothed masses', () => {
    // Prepare: with smoothing 1, label 0 has masses (2, 1, 2), total 5; the rest has (1, 2, 2), total 5.
    const expected = Math.log(2 / 5 / (1 / 5));
    // Act
    const ratios = labelRatios(vectors, [0, 1], 2, 3, 1);
    // Assess
    expect(ratios[0]).toBeCloseTo(expected, 12);
    expect(ratios[1]).toBeCloseTo(expected, 12);
  });

  it('scores a feature spread evenly over the labels as 0', () => {
    // Act
    const ratios = labelRatios(vectors, [0, 1], 2, 3, 1);
    // Assess
    expect(ratios[2]).toBeCloseTo(0, 12);
  });

  it('keeps the largest ratio over the labels when there are more than two', () => {
    // Prepare: feature 0 in labels 0 and 1 but not 2; the label-2 ratio (absent against present) is the largest.
    const three = [vector([[0, 1]]), vector([[0, 1]]), vector([[1, 1]])];
    // Act
    const ratios = labelRatios(three, [0, 1, 2], 3, 2, 1);
    // Assess: smoothed, label 2 has masses (1, 2) of 3 and the rest (3, 1) of 4: |ln((1/3) / (3/4))| = ln(9/4),
    // above label 0's (and label 1's) |ln((2/3) / (2/4))| = ln(4/3).
    expect(ratios[0]).toBeCloseTo(Math.log(9 / 4), 12);
  });
});

describe('weightByLabelRatio', () => {
  const vocabulary = {
    word: { terms: ['alpha', 'beta'], idf: [1, 2] },
    char: { terms: [' al'], idf: [3] },
  };

  it('multiplies each IDF by its ratio to the power, word terms first then character terms', () => {
    // Act
    const weighted = weightByLabelRatio(vocabulary, Float64Array.from([2, 0.5, 3]), 2);
    // Assess
    expect(weighted.word).toEqual({ terms: ['alpha', 'beta'], idf: [4, 0.5] });
    expect(weighted.char).toEqual({ terms: [' al'], idf: [27] });
  });

  it('leaves the vocabulary as it was with power 0', () => {
    // Act / Assess
    expect(weightByLabelRatio(vocabulary, Float64Array.from([2, 0.5, 3]), 0)).toBe(vocabulary);
  });

  it('keeps every weight positive when a ratio is 0', () => {
    // Act
    const weighted = weightByLabelRatio(vocabulary, Float64Array.from([0, 1, 1]), 1);
    // Assess
    expect(weighted.word.idf[0]).toBeGreaterThan(0);
  });
});
