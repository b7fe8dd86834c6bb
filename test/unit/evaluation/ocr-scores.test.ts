import { editDistance } from '../../../shared/edit-distance.js';
import {
  matchedWordCount,
  normalisedWords,
  OcrScoreCounter,
  scoreOcrText,
} from '../../../shared/evaluation/ocr-metrics.js';

describe('OCR word recall', () => {
  it('compares bags of words case-insensitively with punctuation stripped: 3 of 5 reference words read', () => {
    // Prepare
    const reference = 'Date:\n09/17/97\nTO:\nMr.\nSmith';
    const recognised = 'DATE 09/17/97 Mr Smyth';
    // Act
    const score = scoreOcrText(reference, recognised);
    // Assess
    expect(normalisedWords(reference)).toEqual(['date', '091797', 'to', 'mr', 'smith']);
    expect(score).toMatchObject({ referenceWords: 5, matchedWords: 3 });
  });

  it('matches each recognised word at most once', () => {
    expect(matchedWordCount(['the', 'the', 'cat'], ['the', 'cat'])).toBe(2);
  });

  it('also reports recall with punctuation splitting words, for ground truth cut at slashes', () => {
    // Act
    const score = scoreOcrText('09/ 17/ 97', '09/17/97');
    // Assess
    expect(score).toMatchObject({ referenceWords: 3, matchedWords: 0, splitReferenceWords: 3, splitMatchedWords: 3 });
  });
});

describe('OCR character error rate', () => {
  it('counts edits (kitten → sitting is 3)', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('compares texts with whitespace runs collapsed: one substitution in five characters', () => {
    // Act
    const score = scoreOcrText('ab\ncd', 'ab   cx');
    // Assess
    expect(score).toMatchObject({ referenceChars: 5, characterErrors: 1 });
  });
});

describe('OcrScoreCounter', () => {
  it('pools words and characters over files and spreads each file’s time over its pages', () => {
    // Prepare
    const counter = new OcrScoreCounter();
    // Act
    counter.add(scoreOcrText('one two three four five', 'one two three'), 1, 2, 1);
    counter.add(scoreOcrText('six', 'six'), 2, 6, 4);
    const result = counter.evaluation();
    // Assess: seconds per page 2, 3, 3; CPU 1, 2, 2
    expect(result).toMatchObject({ files: 2, pages: 3, referenceWords: 6 });
    expect(result.wordRecall).toBeCloseTo(4 / 6, 10);
    expect(result.secondsPerPage.median).toBe(3);
    expect(result.secondsPerPage.mean).toBeCloseTo(8 / 3, 10);
    expect(result.cpuSecondsPerPage.median).toBe(2);
  });
});
