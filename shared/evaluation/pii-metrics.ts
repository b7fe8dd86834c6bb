import { tokeniseWords, type TokenSpan } from './tokenise.js';

/** A labelled span (gold or predicted), offsets in UTF-16 code units, end exclusive. */
export interface LabelledSpan {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

/** One evaluated text: its gold spans and the spans a detector predicted. */
export interface PiiEvaluationSample {
  readonly text: string;
  readonly gold: readonly LabelledSpan[];
  readonly predicted: readonly LabelledSpan[];
}

/** Token counts and scores for one entity type, or for all PII. Scores are NaN where undefined (nothing to divide). */
export interface TokenScores {
  /** Tokens labelled with this type in the gold data. */
  readonly goldTokens: number;
  /** Tokens predicted as this type. */
  readonly predictedTokens: number;
  /** Tokens both labelled and predicted (as this type; for `overall`, as any PII type). */
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
  readonly fBeta: number;
}

export interface PiiEvaluation {
  readonly beta: number;
  /** Per entity type (each type seen in the gold or the predictions). */
  readonly perType: Readonly<Record<string, TokenScores>>;
  /** PII against non-PII, whatever the type (presidio-research's pii_precision / pii_recall). */
  readonly overall: TokenScores;
  /** Share of the gold spans' non-space characters covered by any predicted span, whatever its type. */
  readonly charRedactionRecall: number;
}

export const OUTSIDE = 'O';

/** The Comprehend types whose values follow fixed patterns (and checksums), held to a higher recall than names. */
export const STRUCTURED_PII_TYPES = [
  'EMAIL',
  'PHONE',
  'SSN',
  'CREDIT_DEBIT_NUMBER',
  'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
  'IP_ADDRESS',
] as const;

/**
 * Token-level evaluation as presidio-research's Evaluator computes it (IO scheme): each token gets its gold type or
 * O and its predicted type or O; per type, precision = tokens right / tokens predicted as the type and recall =
 * tokens right / tokens labelled with the type; overall, any PII type counts as right. F-beta weighs recall
 * (beta = 2 by default).
 */
export function evaluatePii(samples: readonly PiiEvaluationSample[], beta = 2): PiiEvaluation {
  const counter = new PiiTokenCounter();
  for (const sample of samples) counter.add(sample);
  return counter.evaluation(beta);
}

/**
 * The counts behind `evaluatePii`, gathered one sample at a time so a large labelled set never sits in memory:
 * memory grows with the number of entity types, not of samples.
 */
export class PiiTokenCounter {
  private readonly pairs = new Map<string, number>();
  private goldChars = 0;
  private coveredChars = 0;
  private sampleCount = 0;

  get samples(): number {
    return this.sampleCount;
  }

  add(sample: PiiEvaluationSample): void {
    this.sampleCount += 1;
    for (const token of tokeniseWords(sample.text)) {
      const key = `${labelOf(token, sample.gold)}\u0000${labelOf(token, sample.predicted)}`;
      this.pairs.set(key, (this.pairs.get(key) ?? 0) + 1);
    }
    const { gold, covered } = characterCoverage(sample);
    this.goldChars += gold;
    this.coveredChars += covered;
  }

  evaluation(beta = 2): PiiEvaluation {
    const counted = [...this.pairs.entries()].map(([key, count]) => {
      const [gold = OUTSIDE, predicted = OUTSIDE] = key.split('\u0000');
      return { gold, predicted, count };
    });
    const sum = (keep: (pair: { gold: string; predicted: string }) => boolean): number =>
      counted.filter(keep).reduce((total, pair) => total + pair.count, 0);

    const types = [...new Set(counted.flatMap((p) => [p.gold, p.predicted]))].filter((t) => t !== OUTSIDE).sort();
    const perType: Record<string, TokenScores> = {};
    for (const type of types) {
      perType[type] = scores(
        sum((p) => p.gold === type),
        sum((p) => p.predicted === type),
        sum((p) => p.gold === type && p.predicted === type),
        beta,
      );
    }
    const overall = scores(
      sum((p) => p.gold !== OUTSIDE),
      sum((p) => p.predicted !== OUTSIDE),
      sum((p) => p.gold !== OUTSIDE && p.predicted !== OUTSIDE),
      beta,
    );
    const charRedactionRecall = this.goldChars === 0 ? NaN : this.coveredChars / this.goldChars;
    return { beta, perType, overall, charRedactionRecall };
  }
}

/**
 * Several types scored as one: their gold tokens, predicted tokens and tokens right (with the right type) summed.
 * Types absent from the evaluation add nothing.
 */
export function pooledScores(evaluation: PiiEvaluation, types: readonly string[]): TokenScores {
  let gold = 0;
  let predicted = 0;
  let right = 0;
  for (const type of new Set(types)) {
    const s = evaluation.perType[type];
    if (!s) continue;
    gold += s.goldTokens;
    predicted += s.predictedTokens;
    right += s.truePositives;
  }
  return scores(gold, predicted, right, evaluation.beta);
}

/** F-beta from precision and recall; NaN when either is NaN or both are 0. */
export function fBetaScore(precision: number, recall: number, beta: number): number {
  if (Number.isNaN(precision) || Number.isNaN(recall) || (precision === 0 && recall === 0)) return NaN;
  const b2 = beta * beta;
  return ((1 + b2) * precision * recall) / (b2 * precision + recall);
}

function scores(goldTokens: number, predictedTokens: number, truePositives: number, beta: number): TokenScores {
  const precision = predictedTokens === 0 ? NaN : truePositives / predictedTokens;
  const recall = goldTokens === 0 ? NaN : truePositives / goldTokens;
  return { goldTokens, predictedTokens, truePositives, precision, recall, fBeta: fBetaScore(precision, recall, beta) };
}

/** The type of the span overlapping the token most (the first such span on a tie), or O. */
function labelOf(token: TokenSpan, spans: readonly LabelledSpan[]): string {
  let best = OUTSIDE;
  let bestOverlap = 0;
  for (const span of spans) {
    const overlap = Math.min(token.end, span.end) - Math.max(token.start, span.start);
    if (overlap > bestOverlap) {
      best = span.type;
      bestOverlap = overlap;
    }
  }
  return best;
}

function characterCoverage(sample: PiiEvaluationSample): { gold: number; covered: number } {
  const inGold = mask(sample.text.length, sample.gold);
  const inPredicted = mask(sample.text.length, sample.predicted);
  let gold = 0;
  let covered = 0;
  for (let i = 0; i < sample.text.length; i++) {
    if (!inGold[i] || /\s/.test(sample.text.charAt(i))) continue;
    gold++;
    if (inPredicted[i]) covered++;
  }
  return { gold, covered };
}

function mask(length: number, spans: readonly LabelledSpan[]): boolean[] {
  const marks = new Array<boolean>(length).fill(false);
  for (const span of spans) {
    for (let i = Math.max(0, span.start); i < Math.min(length, span.end); i++) marks[i] = true;
  }
  return marks;
}
