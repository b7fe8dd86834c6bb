import { WorkQueue } from '../../../local/queue.js';

describe('the work queue', () => {
  it('never runs more jobs at once than its limit and runs them all', async () => {
    const queue = new WorkQueue(2);
    let running = 0;
    let peak = 0;
    const job = async (n: number): Promise<number> => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      return n * 2;
    };

    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => queue.run(() => job(n))));

    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(peak).toBe(2);
    await expect(queue.idle()).resolves.toBeUndefined();
  });

  it('rejects a limit below one', () => {
    expect(() => new WorkQueue(0)).toThrow(/positive integer/);
  });
});
