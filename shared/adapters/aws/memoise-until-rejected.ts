/**
 * Creates a value on first use and hands back the same promise after that, unless creating it failed: then the
 * next call tries again. (A plain lazy value would keep a rejected promise, so one throttled or timed-out call at
 * start-up would fail every later invocation of a warm Lambda container.)
 */
export function memoiseUntilRejected<T>(create: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (pending === undefined) {
      const attempt = create();
      pending = attempt;
      attempt.catch(() => {
        if (pending === attempt) pending = undefined;
      });
    }
    return pending;
  };
}
