import { allSettledOrThrow } from '../../shared/settled.js';

describe('allSettledOrThrow', () => {
  it('gives the values in argument order', async () => {
    await expect(allSettledOrThrow([Promise.resolve(1), Promise.resolve('two')])).resolves.toEqual([1, 'two']);
  });

  it('throws only once every call has ended, the first rejection in argument order', async () => {
    let slowEnded = false;
    const slow = new Promise<string>((resolve) =>
      setTimeout(() => {
        slowEnded = true;
        resolve('slow');
      }, 20),
    );
    const first = new Error('first');

    const outcome = allSettledOrThrow([slow, Promise.reject(first), Promise.reject(new Error('second'))]);

    await expect(outcome).rejects.toBe(first);
    expect(slowEnded).toBe(true);
  });
});
