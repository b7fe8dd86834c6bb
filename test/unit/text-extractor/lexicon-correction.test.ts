import { englishLexicon } from '../../../shared/adapters/embedded/text-extractor/english-lexicon.js';
import {
  correctToken,
  soleNeighbour,
  withCasePattern,
  type LexiconCorrectionSettings,
} from '../../../shared/adapters/embedded/text-extractor/lexicon-correction.js';

const lexicon = new Set(['invoice', 'modern', 'cold', 'hold', 'hand', 'band', 'tobacco', 'shipping', 'name', 'date']);
/** Every word considered whatever its confidence, from four letters up. */
const always: LexiconCorrectionSettings = { minLetters: 4, maxConfidence: 101 };

describe('correcting a recognised word against a lexicon', () => {
  it('corrects a substituted, a missing, an extra and a swapped letter', () => {
    // Prepare
    const misreads = ['invoise', 'tobaco', 'shippping', 'naem'];

    // Act
    const corrected = misreads.map((token) => correctToken(token, 60, lexicon, always));

    // Assess
    expect(corrected).toEqual(['invoice', 'tobacco', 'shipping', 'name']);
  });

  it('undoes a glyph confusion of two letters read as one and one read as two', () => {
    // Prepare: "m" read as "rn" in "modern"; "d" read as "cl" in "cold".
    const misreads = ['rnodern', 'coId', 'colcl'];

    // Act
    const corrected = misreads.map((token) => correctToken(token, 60, lexicon, always));

    // Assess
    expect(corrected).toEqual(['modern', 'cold', 'cold']);
  });

  it('leaves a word with two lexicon neighbours as it was', () => {
    // Prepare: "xand" is one letter away from both "hand" and "band".
    const ambiguous = 'xand';

    // Act
    const corrected = correctToken(ambiguous, 10, lexicon, always);

    // Assess
    expect(corrected).toBe('xand');
    expect(soleNeighbour('xand', lexicon)).toBeUndefined();
  });

  it('leaves lexicon words, numbers, codes, short words and words far from any lexicon word alone', () => {
    // Prepare
    const tokens = ['hold', 'Hold', '1997', '8/10/90', 'inv0ice', 'A1234', 'dat', 'zebra', 'invoices2'];

    // Act
    const corrected = tokens.map((token) => correctToken(token, 10, lexicon, always));

    // Assess
    expect(corrected).toEqual(tokens);
  });

  it('leaves words the engine is sure of, and shorter words than asked', () => {
    // Prepare
    const settings: LexiconCorrectionSettings = { minLetters: 5, maxConfidence: 80 };

    // Act
    const sure = correctToken('invoise', 80, lexicon, settings);
    const doubtful = correctToken('invoise', 79.9, lexicon, settings);
    const short = correctToken('naem', 10, lexicon, settings);

    // Assess
    expect([sure, doubtful, short]).toEqual(['invoise', 'invoice', 'naem']);
  });

  it('keeps the case pattern and the punctuation around the word', () => {
    // Prepare
    const tokens = ['INVOISE:', 'Invoise,', '(invoise)', '"TOBACO."', 'SHIPPlNG'];

    // Act
    const corrected = tokens.map((token) => correctToken(token, 50, lexicon, always));

    // Assess
    expect(corrected).toEqual(['INVOICE:', 'Invoice,', '(invoice)', '"TOBACCO."', 'SHIPPING']);
  });

  it('writes a word in capitals, capitalised or in lower case after the original', () => {
    expect(withCasePattern('name', 'NAEM')).toBe('NAME');
    expect(withCasePattern('name', 'Naem')).toBe('Name');
    expect(withCasePattern('name', 'naem')).toBe('name');
    expect(withCasePattern('name', 'nAem')).toBe('name');
  });
});

describe('the English lexicon', () => {
  it('holds common English words in lower case and corrects a misread one', () => {
    // Act
    const words = englishLexicon();

    // Assess
    expect(words.size).toBeGreaterThan(200_000);
    expect(['environment', 'quantity', 'received'].every((word) => words.has(word))).toBe(true);
    expect(words.has('Environment')).toBe(false);
    expect(correctToken('Enviromnent', 60, words, always)).toBe('Environment');
    expect(englishLexicon()).toBe(words);
  });

  it("knows names of people, places, days and months from compromise's lexicon, but not the word forms it generates", () => {
    // Act
    const words = englishLexicon();

    // Assess
    expect(['seattle', 'george', 'friday', 'january', 'washington', 'inc'].filter((word) => !words.has(word))).toEqual([]);
    expect(['brillianter', 'otherses'].filter((word) => words.has(word))).toEqual([]);
  });
});
