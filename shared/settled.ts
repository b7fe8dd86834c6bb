/**
 * Waits for every promise to settle, then gives their values, or throws the first rejection in argument order. Unlike
 * Promise.all it never returns while one of the calls is still running: writes started together have all ended
 * before a failure is raised (and recorded by whatever handles it).
 */
export async function allSettledOrThrow<T extends readonly unknown[]>(promises: { readonly [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(promises);
  const values: unknown[] = [];
  for (const result of results) {
    if (result.status === 'rejected') throw result.reason;
    values.push(result.value);
  }
  return values as unknown as T;
}
