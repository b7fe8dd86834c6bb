/** Facts about the machine and the code a benchmark ran on, recorded beside its figures. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, release, platform, arch } from 'node:os';

export interface MachineFacts {
  readonly date: string;
  readonly cores: number;
  readonly cpuModel: string;
  readonly totalMemoryBytes: number;
  readonly os: string;
  readonly node: string;
  readonly gitCommit: string;
  /** Files changed but not committed when the run started. */
  readonly gitDirty: boolean;
  readonly loadAverageAtStart: readonly number[];
}

function git(args: readonly string[]): string {
  try {
    return execFileSync('git', [...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function machineFacts(now = new Date()): MachineFacts {
  const processors = cpus();
  return {
    date: now.toISOString(),
    cores: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    totalMemoryBytes: totalmem(),
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    gitCommit: git(['rev-parse', 'HEAD']) || 'unknown',
    gitDirty: git(['status', '--porcelain']) !== '',
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

export function currentLoad(): readonly number[] {
  return loadavg().map((value) => Math.round(value * 100) / 100);
}
