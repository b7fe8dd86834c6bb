import { mean, median, percentile } from '../../../shared/evaluation/statistics.js';

describe('summary statistics', () => {
  it('takes the middle of an odd count and the mean of the two middles of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolates percentiles between the closest ranks: p95 of 10..50 is 48', () => {
    expect(percentile([50, 10, 40, 20, 30], 95)).toBeCloseTo(48, 10);
    expect(percentile([7], 95)).toBe(7);
  });

  it('has no value for no data', () => {
    expect(median([])).toBeNaN();
    expect(mean([])).toBeNaN();
  });
});
