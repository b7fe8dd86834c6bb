import { leadSentences } from '../../../shared/evaluation/lead-baseline.js';
import { lcsLength, meanRouge, rouge } from '../../../shared/evaluation/rouge.js';

describe('rouge', () => {
  it('scores "the cat sat on the mat" against "the cat is on the mat" by hand-counted overlaps', () => {
    // unigrams: 5 of 6 match (the x2, cat, on, mat); bigrams: 3 of 5 (the cat, on the, the mat); LCS: 5 of 6.
    const scores = rouge('the cat sat on the mat', 'the cat is on the mat');
    expect(scores.rouge1.f1).toBeCloseTo(5 / 6, 10);
    expect(scores.rouge2.precision).toBeCloseTo(3 / 5, 10);
    expect(scores.rouge2.f1).toBeCloseTo(3 / 5, 10);
    expect(scores.rougeL.f1).toBeCloseTo(5 / 6, 10);
  });

  it('scores candidates of different lengths: "a b c d" against "b d e"', () => {
    // overlap b, d: precision 2/4, recall 2/3, F1 = 4/7; no bigram in common.
    const scores = rouge('a b c d', 'b d e');
    expect(scores.rouge1.precision).toBeCloseTo(0.5, 10);
    expect(scores.rouge1.recall).toBeCloseTo(2 / 3, 10);
    expect(scores.rouge1.f1).toBeCloseTo(4 / 7, 10);
    expect(scores.rouge2.f1).toBe(0);
    expect(scores.rougeL.f1).toBeCloseTo(4 / 7, 10);
  });

  it('ignores case and punctuation, and gives 0 for an empty candidate', () => {
    expect(rouge('The CAT!', 'the cat').rougeL.f1).toBe(1);
    expect(rouge('', 'the cat').rouge1.f1).toBe(0);
  });

  it('averages scores over several pairs', () => {
    const mean = meanRouge([rouge('a b', 'a b'), rouge('c', 'd')]);
    expect(mean.rouge1.f1).toBeCloseTo(0.5, 10);
  });
});

describe('lcsLength', () => {
  it('finds the longest common subsequence, not substring', () => {
    expect(lcsLength(['a', 'x', 'b', 'y', 'c'], ['a', 'b', 'c'])).toBe(3);
    expect(lcsLength([], ['a'])).toBe(0);
  });
});

describe('leadSentences', () => {
  it('takes the first three sentences', () => {
    expect(leadSentences('One. Two two. Three three three. Four.')).toBe('One. Two two. Three three three.');
  });
});
