/**
 * Maps items through an async function with at most `limit` calls in flight, keeping the order of the results.
 * Rejects with the first failure; calls already started are left to finish, no new ones start.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const queue = items.entries();
  let failed = false;
  const worker = async (): Promise<void> => {
    for (const [index, item] of queue) {
      if (failed) return;
      try {
        results[index] = await map(item, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workerCount = Math.max(1, Math.min(Math.trunc(limit), items.length));
  await Promise.all(Array.from({ length: workerCount }, () => worker()));
  return results;
}
