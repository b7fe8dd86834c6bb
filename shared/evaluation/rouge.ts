/** ROUGE precision, recall and F1 for one candidate against one reference. */
export interface RougeScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface RougeScores {
  readonly rouge1: RougeScore;
  readonly rouge2: RougeScore;
  readonly rougeL: RougeScore;
}

/** Lower-case alphanumeric tokens, as ROUGE compares them. */
export function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** ROUGE-1, ROUGE-2 (clipped n-gram overlap) and ROUGE-L (longest common subsequence). */
export function rouge(candidate: string, reference: string): RougeScores {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  return { rouge1: rougeN(c, r, 1), rouge2: rougeN(c, r, 2), rougeL: rougeLcs(c, r) };
}

/** ROUGE-N over token lists: matches are n-grams counted at most as often as they appear in both. */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): RougeScore {
  const c = ngramCounts(candidate, n);
  const r = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of c) overlap += Math.min(count, r.get(gram) ?? 0);
  return score(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** ROUGE-L over token lists. */
export function rougeLcs(candidate: readonly string[], reference: readonly string[]): RougeScore {
  return score(lcsLength(candidate, reference), candidate.length, reference.length);
}

/** Length of the longest common subsequence (dynamic programming, two rows). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      current[j] = x === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Mean of each score over several candidate/reference pairs. */
export function meanRouge(scores: readonly RougeScores[]): RougeScores {
  const mean = (pick: (s: RougeScores) => RougeScore): RougeScore => {
    const n = scores.length || 1;
    const sum = (f: (x: RougeScore) => number): number => scores.reduce((total, s) => total + f(pick(s)), 0) / n;
    return { precision: sum((x) => x.precision), recall: sum((x) => x.recall), f1: sum((x) => x.f1) };
  };
  return { rouge1: mean((s) => s.rouge1), rouge2: mean((s) => s.rouge2), rougeL: mean((s) => s.rougeL) };
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function score(overlap: number, candidateTotal: number, referenceTotal: number): RougeScore {
  const precision = candidateTotal === 0 ? 0 : overlap / candidateTotal;
  const recall = referenceTotal === 0 ? 0 : overlap / referenceTotal;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Running mean of ROUGE scores, one candidate/reference pair at a time (what `meanRouge` gives for a list). */
export class RougeMean {
  private count = 0;
  private readonly sums = { rouge1: [0, 0, 0], rouge2: [0, 0, 0], rougeL: [0, 0, 0] };

  get samples(): number {
    return this.count;
  }

  add(scores: RougeScores): void {
    this.count += 1;
    for (const key of ['rouge1', 'rouge2', 'rougeL'] as const) {
      const sum = this.sums[key];
      const s = scores[key];
      sum[0] = (sum[0] ?? 0) + s.precision;
      sum[1] = (sum[1] ?? 0) + s.recall;
      sum[2] = (sum[2] ?? 0) + s.f1;
    }
  }

  mean(): RougeScores {
    const n = this.count || 1;
    const of = (key: 'rouge1' | 'rouge2' | 'rougeL'): RougeScore => {
      const [p = 0, r = 0, f = 0] = this.sums[key];
      return { precision: p / n, recall: r / n, f1: f / n };
    };
    return { rouge1: of('rouge1'), rouge2: of('rouge2'), rougeL: of('rougeL') };
  }
}
