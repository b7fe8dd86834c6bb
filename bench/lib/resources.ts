/** Wall time, CPU time and peak resident memory of this process while a piece of work runs. */
export interface ResourceUse {
  readonly wallMs: number;
  /** User + system CPU time of the whole process (worker threads included). */
  readonly cpuMs: number;
  /** Highest resident set size sampled during the work. */
  readonly peakRssBytes: number;
}

const SAMPLE_MS = 100;

export async function measure<T>(work: () => Promise<T>): Promise<{ result: T; use: ResourceUse }> {
  let peakRssBytes = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
  }, SAMPLE_MS);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  try {
    const result = await work();
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
    return { result, use: { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, peakRssBytes } };
  } finally {
    clearInterval(sampler);
  }
}

/** Pieces of work measured one after another, as one: wall and CPU times added, the highest peak memory. */
export function combine(uses: readonly ResourceUse[]): ResourceUse {
  return {
    wallMs: uses.reduce((sum, use) => sum + use.wallMs, 0),
    cpuMs: uses.reduce((sum, use) => sum + use.cpuMs, 0),
    peakRssBytes: uses.reduce((peak, use) => Math.max(peak, use.peakRssBytes), 0),
  };
}
