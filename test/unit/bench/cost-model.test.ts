import {
  comprehendUnits,
  costPerDocument,
  estimateTokens,
  fixedMonthlyCosts,
  loadPriceTable,
  meanUsage,
  perThousand,
  ZERO_USAGE,
  type PriceTable,
  type UsageCounts,
} from '../../../bench/lib/cost-model.js';

/** Round prices, so every expected figure below can be worked out by hand. */
const PRICES: PriceTable = {
  asOf: '2026-01-01',
  region: 'us-east-1',
  currency: 'USD',
  note: 'test',
  sources: {},
  textract: { detectDocumentTextPerPage: 0.0015, asyncDetectDocumentTextPerPage: 0.0015 },
  comprehend: { piiPerUnit: 0.0001, unitCharacters: 100, minimumUnitsPerRequest: 3, customClassifierEndpointPerInferenceUnitSecond: 0.0005 },
  bedrock: { model: 'm', inputPer1000Tokens: 0.00006, outputPer1000Tokens: 0.00024 },
  stepFunctions: { standardPerTransition: 0.000025 },
  lambda: { arm64PerGbSecond: 0.00001, perRequest: 0.0000002 },
  dynamodb: { perWriteRequestUnit: 0.000001, perReadRequestUnit: 0.0000002 },
  s3: { perPutRequest: 0.000005, perGetRequest: 0.0000004 },
  openSearchServerless: { perOcuHour: 0.24, minimumOcusWithoutRedundancy: 1, minimumOcusWithRedundancy: 2, hoursPerMonth: 730 },
  reference: { name: 'reference', perOnePageDocument: 0.055, source: 'test' },
};

/** A hand-made one-page scanned image: one sync Textract page, one page of PII detection plus five short summary scrubs. */
const ONE_PAGE: UsageCounts = {
  ...ZERO_USAGE,
  textractSyncPages: 1,
  comprehendPiiRequests: 6,
  comprehendPiiUnits: 30,
  bedrockRequests: 1,
  bedrockInputTokens: 1000,
  bedrockOutputTokens: 200,
  stateTransitions: 10,
  lambdaInvocations: 6,
  lambdaGbSeconds: 2,
  dynamoWriteUnits: 6,
  dynamoReadUnits: 2,
  s3Puts: 5,
  s3Gets: 10,
};

describe('the cost model', () => {
  it('bills Comprehend in 100-character units with a three-unit minimum per request', () => {
    expect(comprehendUnits(0)).toBe(0);
    expect(comprehendUnits(40)).toBe(3);
    expect(comprehendUnits(300)).toBe(3);
    expect(comprehendUnits(301)).toBe(4);
    expect(comprehendUnits(2550)).toBe(26);
  });

  it('estimates tokens at four characters each, rounding up', () => {
    expect(estimateTokens(4000)).toBe(1000);
    expect(estimateTokens(4001)).toBe(1001);
  });

  it('prices each service from the counts and adds them up', () => {
    const cost = costPerDocument(ONE_PAGE, PRICES);

    expect(cost.textract).toBeCloseTo(0.0015, 10);
    expect(cost.comprehendPii).toBeCloseTo(0.003, 10);
    expect(cost.bedrock).toBeCloseTo(0.00006 + 0.2 * 0.00024, 10);
    expect(cost.stepFunctions).toBeCloseTo(0.00025, 10);
    expect(cost.lambda).toBeCloseTo(0.00002 + 6 * 0.0000002, 10);
    expect(cost.dynamodb).toBeCloseTo(0.000006 + 0.0000004, 10);
    expect(cost.s3).toBeCloseTo(0.000025 + 0.000004, 10);
    expect(cost.total).toBeCloseTo(0.0015 + 0.003 + 0.000108 + 0.00025 + 0.0000212 + 0.0000064 + 0.000029, 10);
  });

  it('scales a document\'s cost to 1,000 documents', () => {
    const perDocument = costPerDocument(ONE_PAGE, PRICES);

    const thousand = perThousand(perDocument);

    expect(thousand.total).toBeCloseTo(perDocument.total * 1000, 8);
    expect(thousand.textract).toBeCloseTo(1.5, 8);
  });

  it('averages counts over documents', () => {
    const twoPage = { ...ONE_PAGE, textractSyncPages: 3, stateTransitions: 14 };

    const mean = meanUsage([ONE_PAGE, twoPage]);

    expect(mean.textractSyncPages).toBe(2);
    expect(mean.stateTransitions).toBe(12);
    expect(mean.s3Gets).toBe(10);
  });

  it('states the fixed monthly costs apart: minimum OpenSearch Serverless capacity and a classifier endpoint', () => {
    const fixed = fixedMonthlyCosts(PRICES);

    expect(fixed.openSearchServerlessWithoutRedundancy).toBeCloseTo(175.2, 6);
    expect(fixed.openSearchServerlessWithRedundancy).toBeCloseTo(350.4, 6);
    expect(fixed.comprehendClassifierEndpoint).toBeCloseTo(1314, 6);
  });

  it('reads the price table kept in the repository, with its date and region', () => {
    const table = loadPriceTable();

    expect(table.region).toBe('us-east-1');
    expect(table.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(table.sources).length).toBeGreaterThan(5);
  });
});
