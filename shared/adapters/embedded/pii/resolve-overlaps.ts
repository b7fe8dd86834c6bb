import type { PiiEntity } from '../../../ports/pii-detector.js';

/**
 * Keeps a set of non-overlapping spans: the higher score wins, then the longer span, then the earlier one.
 * Returns the kept spans sorted by start.
 */
export function resolveOverlaps(candidates: readonly PiiEntity[]): PiiEntity[] {
  const ranked = candidates
    .filter((c) => c.end > c.start)
    .slice()
    .sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PiiEntity[] = [];
  for (const candidate of ranked) {
    if (kept.every((k) => candidate.end <= k.start || candidate.start >= k.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}
