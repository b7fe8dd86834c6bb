/** Creates a value on first use and hands back the same one after that (adapters a stage may never need). */
export function lazy<T>(create: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = create();
      made = true;
    }
    return value;
  };
}
