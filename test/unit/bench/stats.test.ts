import { median, percentile, summarise } from '../../../bench/lib/stats.js';

describe('benchmark percentiles', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, index) => 100 - index);

  it('takes the nearest-rank sample: p50 of 1..100 is 50 and p95 is 95, whatever the order', () => {
    expect(percentile(oneToHundred, 0.5)).toBe(50);
    expect(percentile(oneToHundred, 0.95)).toBe(95);
    expect(percentile(oneToHundred, 1)).toBe(100);
  });

  it('gives the only sample for any share of a single value, and NaN for no samples', () => {
    expect(percentile([7], 0.01)).toBe(7);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('refuses a share outside (0, 1]', () => {
    expect(() => percentile([1, 2], 0)).toThrow(RangeError);
    expect(() => percentile([1, 2], 95)).toThrow(RangeError);
  });

  it('summarises count, p50, p95, mean, min and max without reordering the input', () => {
    const values = [30, 10, 20, 40];

    const summary = summarise(values);

    expect(summary).toEqual({ count: 4, p50: 20, p95: 40, mean: 25, min: 10, max: 40 });
    expect(values).toEqual([30, 10, 20, 40]);
  });

  it('takes the median of an odd number of runs as the middle one', () => {
    expect(median([120, 80, 95])).toBe(95);
  });
});
