/** Wall-clock and process CPU time since it was started. */
export class Stopwatch {
  private readonly wallStart = performance.now();
  private readonly cpuStart = process.cpuUsage();

  get wallSeconds(): number {
    return (performance.now() - this.wallStart) / 1000;
  }

  get cpuSeconds(): number {
    const used = process.cpuUsage(this.cpuStart);
    return (used.user + used.system) / 1e6;
  }

  timing(samples: number): { wallSeconds: number; cpuSeconds: number; samplesPerSecond: number } {
    const wallSeconds = this.wallSeconds;
    return { wallSeconds, cpuSeconds: this.cpuSeconds, samplesPerSecond: wallSeconds > 0 ? samples / wallSeconds : NaN };
  }
}
