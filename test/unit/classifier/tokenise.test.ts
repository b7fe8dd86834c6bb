import { charNgrams, textCharNgrams, wordNgrams, wordTokens } from '../../../shared/adapters/embedded/classifier/tokenise.js';

describe('wordTokens', () => {
  it('lower-cases, splits on punctuation and drops single characters', () => {
    // Act / Assess
    expect(wordTokens('Dear Mr. Smith, re: the "Q3" REPORT — a draft.', 'drop')).toEqual([
      'dear',
      'mr',
      'smith',
      're',
      'the',
      'q3',
      'report',
      'draft',
    ]);
  });

  it('keeps accented and non-Latin letters and folds compatibility forms', () => {
    // Act / Assess
    expect(wordTokens('Café ＲＥＳＵＭＥ ﬁle Übersicht δοκιμή', 'drop')).toEqual([
      'café',
      'resume',
      'file',
      'übersicht',
      'δοκιμή',
    ]);
  });

  it('drops pure numbers, or replaces them by their shape', () => {
    // Act / Assess
    expect(wordTokens('Paid 250 in 1987, ref 12345678', 'drop')).toEqual(['paid', 'in', 'ref']);
    expect(wordTokens('Paid 250 in 1987, ref 12345678', 'shape')).toEqual([
      'paid',
      '<num3>',
      'in',
      '<num4>',
      'ref',
      '<num6>',
    ]);
  });
});

describe('wordNgrams', () => {
  it('gives unigrams then bigrams', () => {
    // Act / Assess
    expect(wordNgrams(['due', 'date', 'today'], 1, 2)).toEqual(['due', 'date', 'today', 'due date', 'date today']);
  });
});

describe('charNgrams', () => {
  it('stays inside each space-padded word and skips number shapes', () => {
    // Act / Assess
    expect(charNgrams(['tax', '<num4>', 'due'], 3, 4)).toEqual([
      ' ta',
      'tax',
      'ax ',
      ' tax',
      'tax ',
      ' du',
      'due',
      'ue ',
      ' due',
      'due ',
    ]);
  });

  it('never splits a character outside the basic plane', () => {
    // Act
    const grams = charNgrams(['a𝒳b'], 3, 3);
    // Assess
    expect(grams).toEqual([' a𝒳', 'a𝒳b', '𝒳b ']);
  });
});

describe('textCharNgrams', () => {
  it('runs across words and punctuation, folding whitespace and digits', () => {
    // Act
    const grams = textCharNgrams('To:\n  Bob 42', 3, 3);
    // Assess: the folded text is " to: bob 00 ".
    expect(grams).toEqual([' to', 'to:', 'o: ', ': b', ' bo', 'bob', 'ob ', 'b 0', ' 00', '00 ']);
  });
});
