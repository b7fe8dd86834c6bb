import { TokenBucket } from '../../../bench/lib/token-bucket.js';

describe('the token bucket that stands for a service quota', () => {
  it('admits a full bucket at once, then refuses until tokens flow back', () => {
    let now = 0;
    const bucket = new TokenBucket({ ratePerSecond: 5, now: () => now });

    const first = Array.from({ length: 7 }, () => bucket.tryTake());

    expect(first).toEqual([true, true, true, true, true, false, false]);
    now = 199;
    expect(bucket.tryTake()).toBe(false);
    now = 200;
    expect(bucket.tryTake()).toBe(true);
  });

  it('admits the rate per second over a long run, however often it is asked', () => {
    let now = 0;
    const bucket = new TokenBucket({ ratePerSecond: 5, now: () => now });
    let admitted = 0;

    for (now = 0; now <= 100_100; now += 7) if (bucket.tryTake()) admitted += 1;

    // 5 at the start, then 5 per second for 100.1 seconds (the half token left over is not admitted).
    expect(admitted).toBe(505);
  });

  it('never holds more than its capacity after an idle time', () => {
    let now = 0;
    const bucket = new TokenBucket({ ratePerSecond: 5, capacity: 2, now: () => now });
    bucket.tryTake();
    bucket.tryTake();

    now = 60_000;
    const afterIdle = Array.from({ length: 3 }, () => bucket.tryTake());

    expect(afterIdle).toEqual([true, true, false]);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new TokenBucket({ ratePerSecond: 0 })).toThrow(RangeError);
  });
});
