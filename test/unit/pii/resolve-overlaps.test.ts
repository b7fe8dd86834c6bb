import type { PiiEntity } from '../../../shared/ports/pii-detector.js';
import { resolveOverlaps } from '../../../shared/adapters/embedded/pii/resolve-overlaps.js';

describe('resolveOverlaps', () => {
  it('keeps the higher-scoring span where two overlap, and returns spans sorted by start', () => {
    // Prepare
    const candidates: PiiEntity[] = [
      { type: 'PHONE', start: 20, end: 31, score: 0.5 },
      { type: 'SSN', start: 20, end: 31, score: 0.9 },
      { type: 'NAME', start: 0, end: 4, score: 0.6 },
    ];
    // Act
    const kept = resolveOverlaps(candidates);
    // Assess
    expect(kept).toEqual([
      { type: 'NAME', start: 0, end: 4, score: 0.6 },
      { type: 'SSN', start: 20, end: 31, score: 0.9 },
    ]);
  });

  it('prefers the longer span when scores tie, and keeps spans that only touch', () => {
    // Prepare
    const candidates: PiiEntity[] = [
      { type: 'NAME', start: 5, end: 10, score: 0.7 },
      { type: 'ADDRESS', start: 5, end: 30, score: 0.7 },
      { type: 'EMAIL', start: 30, end: 40, score: 0.7 },
    ];
    // Act
    const kept = resolveOverlaps(candidates);
    // Assess
    expect(kept.map((k) => k.type)).toEqual(['ADDRESS', 'EMAIL']);
  });
});
