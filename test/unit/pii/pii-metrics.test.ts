import { evaluatePii, fBetaScore } from '../../../shared/evaluation/pii-metrics.js';

describe('evaluatePii', () => {
  // "Call John Smith at 555-123-4567 today": tokens Call John Smith at 555 123 4567 today.
  // Gold: NAME "John Smith" (5-15), PHONE "555-123-4567" (19-31).
  // Predicted: NAME "John" (5-9), PHONE "555-123" (19-26), ADDRESS "today" (32-37).
  const sample = {
    text: 'Call John Smith at 555-123-4567 today',
    gold: [
      { type: 'NAME', start: 5, end: 15 },
      { type: 'PHONE', start: 19, end: 31 },
    ],
    predicted: [
      { type: 'NAME', start: 5, end: 9 },
      { type: 'PHONE', start: 19, end: 26 },
      { type: 'ADDRESS', start: 32, end: 37 },
    ],
  };

  it('scores each type on its tokens: NAME 1 of 2, PHONE 2 of 3, ADDRESS a false positive', () => {
    // Act
    const result = evaluatePii([sample]);
    // Assess
    expect(result.perType.NAME).toMatchObject({ goldTokens: 2, predictedTokens: 1, truePositives: 1, precision: 1, recall: 0.5 });
    expect(result.perType.NAME?.fBeta).toBeCloseTo(2.5 / 4.5, 10);
    expect(result.perType.PHONE).toMatchObject({ goldTokens: 3, predictedTokens: 2, truePositives: 2, precision: 1 });
    expect(result.perType.PHONE?.recall).toBeCloseTo(2 / 3, 10);
    expect(result.perType.PHONE?.fBeta).toBeCloseTo(10 / 14, 10);
    expect(result.perType.ADDRESS).toMatchObject({ goldTokens: 0, predictedTokens: 1, truePositives: 0, precision: 0 });
    expect(result.perType.ADDRESS?.recall).toBeNaN();
  });

  it('scores all PII against non-PII overall: 3 of 4 predicted tokens right, 3 of 5 gold tokens found', () => {
    // Act
    const { overall } = evaluatePii([sample]);
    // Assess
    expect(overall).toMatchObject({ goldTokens: 5, predictedTokens: 4, truePositives: 3, precision: 0.75, recall: 0.6 });
    expect(overall.fBeta).toBeCloseTo(2.25 / 3.6, 10);
  });

  it('counts a token found with the wrong type as right overall but wrong for both types', () => {
    // Prepare
    const mislabelled = { text: 'Mary came', gold: [{ type: 'NAME', start: 0, end: 4 }], predicted: [{ type: 'ADDRESS', start: 0, end: 4 }] };
    // Act
    const result = evaluatePii([mislabelled]);
    // Assess
    expect(result.overall).toMatchObject({ precision: 1, recall: 1 });
    expect(result.perType.NAME).toMatchObject({ recall: 0 });
    expect(result.perType.ADDRESS).toMatchObject({ precision: 0 });
  });

  it('measures character-level redaction recall over non-space gold characters, whatever the type', () => {
    // Gold characters: "JohnSmith" (9) + "555-123-4567" (12) = 21; covered: "John" (4) + "555-123" (7) = 11.
    expect(evaluatePii([sample]).charRedactionRecall).toBeCloseTo(11 / 21, 10);
  });
});

describe('fBetaScore', () => {
  it('weighs recall more than precision when beta is 2', () => {
    expect(fBetaScore(0.5, 1, 2)).toBeCloseTo((5 * 0.5) / (4 * 0.5 + 1), 10);
    expect(fBetaScore(0, 0, 2)).toBeNaN();
  });
});
