import { evaluatePii, PiiTokenCounter, pooledScores, STRUCTURED_PII_TYPES } from '../../../shared/evaluation/pii-metrics.js';

/**
 * Three samples scored by hand, token by token (gold / predicted):
 *   "Ann Lee lives in Paris"  Ann NAME/NAME, Lee NAME/O, lives O/O, in O/O, Paris ADDRESS/NAME
 *   "Call 555 0100 today"     Call O/O, 555 PHONE/PHONE, 0100 PHONE/PHONE, today O/DATE_TIME
 *   "Nothing here"            Nothing O/NAME, here O/O
 */
const samples = [
  {
    text: 'Ann Lee lives in Paris',
    gold: [
      { type: 'NAME', start: 0, end: 7 },
      { type: 'ADDRESS', start: 17, end: 22 },
    ],
    predicted: [
      { type: 'NAME', start: 0, end: 3 },
      { type: 'NAME', start: 17, end: 22 },
    ],
  },
  {
    text: 'Call 555 0100 today',
    gold: [{ type: 'PHONE', start: 5, end: 13 }],
    predicted: [
      { type: 'PHONE', start: 5, end: 13 },
      { type: 'DATE_TIME', start: 14, end: 19 },
    ],
  },
  { text: 'Nothing here', gold: [], predicted: [{ type: 'NAME', start: 0, end: 7 }] },
];

describe('token-level PII scores on a hand-counted set', () => {
  it('scores overall PII: 4 of 6 predicted tokens are PII, 4 of 5 PII tokens are found, F2 = 10/13', () => {
    // Act
    const { overall } = evaluatePii(samples);
    // Assess
    expect(overall).toMatchObject({ goldTokens: 5, predictedTokens: 6, truePositives: 4 });
    expect(overall.precision).toBeCloseTo(2 / 3, 10);
    expect(overall.recall).toBeCloseTo(4 / 5, 10);
    expect(overall.fBeta).toBeCloseTo(10 / 13, 10);
  });

  it('scores each type only where the type matches: NAME 1 of 3 predicted and 1 of 2 gold, ADDRESS never found', () => {
    // Act
    const { perType } = evaluatePii(samples);
    // Assess
    expect(perType.NAME).toMatchObject({ goldTokens: 2, predictedTokens: 3, truePositives: 1, recall: 0.5 });
    expect(perType.NAME?.precision).toBeCloseTo(1 / 3, 10);
    expect(perType.NAME?.fBeta).toBeCloseTo(5 / 11, 10);
    expect(perType.ADDRESS).toMatchObject({ goldTokens: 1, predictedTokens: 0, recall: 0 });
    expect(perType.ADDRESS?.precision).toBeNaN();
    expect(perType.PHONE).toMatchObject({ precision: 1, recall: 1 });
    expect(perType.DATE_TIME).toMatchObject({ goldTokens: 0, predictedTokens: 1, precision: 0 });
  });

  it('measures character-level redaction recall: 15 of the 18 PII characters are covered', () => {
    // Act
    const { charRedactionRecall } = evaluatePii(samples);
    // Assess
    expect(charRedactionRecall).toBeCloseTo(15 / 18, 10);
  });

  it('pools the structured types into one score, ignoring types absent from the data', () => {
    // Act
    const structured = pooledScores(evaluatePii(samples), STRUCTURED_PII_TYPES);
    // Assess
    expect(structured).toMatchObject({ goldTokens: 2, predictedTokens: 2, truePositives: 2, precision: 1, recall: 1 });
  });

  it('gives the same answer when fed one sample at a time', () => {
    // Prepare
    const counter = new PiiTokenCounter();
    // Act
    for (const sample of samples) counter.add(sample);
    // Assess
    expect(counter.samples).toBe(3);
    expect(counter.evaluation()).toEqual(evaluatePii(samples));
  });
});
