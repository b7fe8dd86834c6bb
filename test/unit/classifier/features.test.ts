import { extractTermCounts } from '../../../shared/adapters/embedded/classifier/features.js';
import { resolveClassifierOptions } from '../../../shared/adapters/embedded/classifier/options.js';
import { buildVocabulary } from '../../../shared/adapters/embedded/classifier/vocabulary.js';

describe('extractTermCounts', () => {
  it('counts word n-grams and, with layout on, each line start and the length buckets', () => {
    // Prepare
    const options = resolveClassifierOptions({
      char: null,
      layout: true,
      word: { minN: 1, maxN: 1, maxFeatures: 10, weight: 1 },
    });
    // Act
    const counts = extractTermCounts('From: Ann\nTo: Bob\n\nFrom Ann again', options);
    // Assess: 7 words (bucket 3), 3 non-empty lines (bucket 2).
    expect(Object.fromEntries(counts.word)).toEqual({
      from: 2,
      ann: 2,
      to: 1,
      bob: 1,
      again: 1,
      '^from': 2,
      '^to': 1,
      '<words:3>': 1,
      '<lines:2>': 1,
    });
    expect(counts.char.size).toBe(0);
  });
});

describe('buildVocabulary', () => {
  // Label 0 documents all say "alpha", label 1 documents all say "beta"; "common" is everywhere, twice as often.
  const texts = ['alpha common', 'alpha common', 'beta common', 'beta common', 'common'];
  const labels = [0, 0, 1, 1, 1];

  function vocabularyOf(selection: 'frequency' | 'chi2', maxFeatures: number) {
    const options = resolveClassifierOptions({
      char: null,
      layout: false,
      selection,
      word: { minN: 1, maxN: 1, maxFeatures, weight: 1 },
    });
    return buildVocabulary(
      texts.map((text) => extractTermCounts(text, options)),
      labels,
      2,
      options,
    );
  }

  it('keeps the most frequent terms with frequency selection, most frequent first', () => {
    // Act / Assess
    expect(vocabularyOf('frequency', 2).word.terms).toEqual(['common', 'alpha']);
  });

  it('keeps the terms that tell the labels apart with chi-squared selection', () => {
    // Act / Assess
    expect([...vocabularyOf('chi2', 2).word.terms].sort()).toEqual(['alpha', 'beta']);
  });

  it('gives rarer terms a higher inverse document frequency', () => {
    // Act
    const { terms, idf } = vocabularyOf('frequency', 3).word;
    // Assess: ln((1 + 5) / (1 + df)) + 1.
    expect(terms).toEqual(['common', 'alpha', 'beta']);
    expect(idf[0]).toBeCloseTo(Math.log(6 / 6) + 1, 12);
    expect(idf[1]).toBeCloseTo(Math.log(6 / 3) + 1, 12);
  });
});
