import { Presets, SingleBar } from 'cli-progress';

/** Progress of an evaluation, told one sample at a time. */
export interface EvalProgress {
  /** A step before the samples, e.g. training (one line; nothing is shown when progress is off). */
  status(text: string): void;
  start(total: number): void;
  increment(): void;
  stop(): void;
}

export const noProgress: EvalProgress = {
  status: () => undefined,
  start: () => undefined,
  increment: () => undefined,
  stop: () => undefined,
};

/** A bar on stderr when it is a terminal (never with --json); otherwise nothing. */
export function terminalProgress(task: string, enabled: boolean): EvalProgress {
  if (!enabled || !process.stderr.isTTY) return noProgress;
  const bar = new SingleBar(
    { format: `eval ${task} [{bar}] {value}/{total} {percentage}% eta {eta_formatted}`, hideCursor: true, stream: process.stderr },
    Presets.shades_classic,
  );
  return {
    status: (text) => process.stderr.write(`${text}\n`),
    start: (total) => bar.start(total, 0),
    increment: () => bar.increment(),
    stop: () => bar.stop(),
  };
}
