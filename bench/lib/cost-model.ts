/**
 * What a document costs on AWS: the billable quantities counted in a run (per document) times the price table in
 * bench/prices.json. Pure arithmetic, so it can be checked by hand.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describeIssues, recordOf } from '../../shared/contracts/validate.js';
import { ConfigurationError } from '../../shared/errors.js';

const price = v.pipe(v.number(), v.finite());

export const priceTableSchema = v.object({
  asOf: v.string(),
  region: v.string(),
  currency: v.literal('USD'),
  note: v.string(),
  sources: recordOf(v.string(), v.string()),
  textract: v.object({ detectDocumentTextPerPage: price, asyncDetectDocumentTextPerPage: price }),
  comprehend: v.object({
    piiPerUnit: price,
    unitCharacters: v.pipe(v.number(), v.integer(), v.minValue(1)),
    minimumUnitsPerRequest: v.pipe(v.number(), v.integer(), v.minValue(0)),
    customClassifierEndpointPerInferenceUnitSecond: price,
  }),
  bedrock: v.object({ model: v.string(), inputPer1000Tokens: price, outputPer1000Tokens: price }),
  stepFunctions: v.object({ standardPerTransition: price }),
  lambda: v.object({ arm64PerGbSecond: price, perRequest: price }),
  dynamodb: v.object({ perWriteRequestUnit: price, perReadRequestUnit: price }),
  s3: v.object({ perPutRequest: price, perGetRequest: price }),
  openSearchServerless: v.object({
    perOcuHour: price,
    minimumOcusWithoutRedundancy: price,
    minimumOcusWithRedundancy: price,
    hoursPerMonth: price,
  }),
  reference: v.object({ name: v.string(), perOnePageDocument: price, source: v.string() }),
});
export type PriceTable = v.InferOutput<typeof priceTableSchema>;

/** Reads bench/prices.json; a malformed table is a ConfigurationError naming the fields. */
export function loadPriceTable(path = new URL('../prices.json', import.meta.url)): PriceTable {
  const parsed = v.safeParse(priceTableSchema, JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new ConfigurationError(`The price table ${String(path)} is malformed: ${describeIssues(parsed.issues)}`);
  return parsed.output;
}

/** Comprehend's billing units for one request: 100-character units, with a per-request minimum. */
export function comprehendUnits(characters: number, unitCharacters = 100, minimumUnits = 3): number {
  if (characters <= 0) return 0;
  return Math.max(minimumUnits, Math.ceil(characters / unitCharacters));
}

/** Billable quantities of one document (or the mean over several). */
export interface UsageCounts {
  readonly textractSyncPages: number;
  readonly textractAsyncPages: number;
  readonly comprehendPiiRequests: number;
  readonly comprehendPiiUnits: number;
  /** ClassifyDocument requests and units (zero when the embedded classifier serves the port). */
  readonly comprehendClassifyRequests: number;
  readonly comprehendClassifyUnits: number;
  readonly bedrockRequests: number;
  readonly bedrockInputTokens: number;
  readonly bedrockOutputTokens: number;
  readonly stateTransitions: number;
  readonly lambdaInvocations: number;
  readonly lambdaGbSeconds: number;
  readonly dynamoWriteUnits: number;
  readonly dynamoReadUnits: number;
  readonly s3Puts: number;
  readonly s3Gets: number;
}

export const ZERO_USAGE: UsageCounts = {
  textractSyncPages: 0,
  textractAsyncPages: 0,
  comprehendPiiRequests: 0,
  comprehendPiiUnits: 0,
  comprehendClassifyRequests: 0,
  comprehendClassifyUnits: 0,
  bedrockRequests: 0,
  bedrockInputTokens: 0,
  bedrockOutputTokens: 0,
  stateTransitions: 0,
  lambdaInvocations: 0,
  lambdaGbSeconds: 0,
  dynamoWriteUnits: 0,
  dynamoReadUnits: 0,
  s3Puts: 0,
  s3Gets: 0,
};

const USAGE_KEYS = Object.keys(ZERO_USAGE) as (keyof UsageCounts)[];

function mapUsage(value: (key: keyof UsageCounts) => number): UsageCounts {
  const result: Record<keyof UsageCounts, number> = { ...ZERO_USAGE };
  for (const key of USAGE_KEYS) result[key] = value(key);
  return result;
}

export function addUsage(a: UsageCounts, b: UsageCounts): UsageCounts {
  return mapUsage((key) => a[key] + b[key]);
}

export function subtractUsage(a: UsageCounts, b: UsageCounts): UsageCounts {
  return mapUsage((key) => a[key] - b[key]);
}

export function meanUsage(counts: readonly UsageCounts[]): UsageCounts {
  if (counts.length === 0) return ZERO_USAGE;
  const total = counts.reduce(addUsage, ZERO_USAGE);
  return mapUsage((key) => total[key] / counts.length);
}

/** Dollars per document, by service. */
export interface CostBreakdown {
  readonly textract: number;
  readonly comprehendPii: number;
  readonly bedrock: number;
  readonly stepFunctions: number;
  readonly lambda: number;
  readonly dynamodb: number;
  readonly s3: number;
  readonly total: number;
}

export function costPerDocument(usage: UsageCounts, prices: PriceTable): CostBreakdown {
  const parts = {
    textract:
      usage.textractSyncPages * prices.textract.detectDocumentTextPerPage +
      usage.textractAsyncPages * prices.textract.asyncDetectDocumentTextPerPage,
    comprehendPii: usage.comprehendPiiUnits * prices.comprehend.piiPerUnit,
    bedrock:
      (usage.bedrockInputTokens / 1000) * prices.bedrock.inputPer1000Tokens +
      (usage.bedrockOutputTokens / 1000) * prices.bedrock.outputPer1000Tokens,
    stepFunctions: usage.stateTransitions * prices.stepFunctions.standardPerTransition,
    lambda: usage.lambdaGbSeconds * prices.lambda.arm64PerGbSecond + usage.lambdaInvocations * prices.lambda.perRequest,
    dynamodb: usage.dynamoWriteUnits * prices.dynamodb.perWriteRequestUnit + usage.dynamoReadUnits * prices.dynamodb.perReadRequestUnit,
    s3: usage.s3Puts * prices.s3.perPutRequest + usage.s3Gets * prices.s3.perGetRequest,
  };
  const total = Object.values(parts).reduce((sum, value) => sum + value, 0);
  return { ...parts, total };
}

/** Scales a per-document breakdown to 1,000 documents. */
export function perThousand(cost: CostBreakdown): CostBreakdown {
  const scaled: Record<keyof CostBreakdown, number> = { ...cost };
  for (const key of Object.keys(scaled) as (keyof CostBreakdown)[]) scaled[key] = cost[key] * 1000;
  return scaled;
}

/** Monthly fixed costs that do not depend on the document count. */
export interface FixedMonthlyCosts {
  readonly openSearchServerlessWithoutRedundancy: number;
  readonly openSearchServerlessWithRedundancy: number;
  /** One inference unit of a Comprehend custom classifier endpoint, only when one is configured. */
  readonly comprehendClassifierEndpoint: number;
}

export function fixedMonthlyCosts(prices: PriceTable): FixedMonthlyCosts {
  const { perOcuHour, minimumOcusWithoutRedundancy, minimumOcusWithRedundancy, hoursPerMonth } = prices.openSearchServerless;
  return {
    openSearchServerlessWithoutRedundancy: perOcuHour * minimumOcusWithoutRedundancy * hoursPerMonth,
    openSearchServerlessWithRedundancy: perOcuHour * minimumOcusWithRedundancy * hoursPerMonth,
    comprehendClassifierEndpoint: prices.comprehend.customClassifierEndpointPerInferenceUnitSecond * 3600 * hoursPerMonth,
  };
}

/** The stated token approximation: about four characters of English per token. */
export const CHARACTERS_PER_TOKEN = 4;

export function estimateTokens(characters: number): number {
  return Math.ceil(characters / CHARACTERS_PER_TOKEN);
}
