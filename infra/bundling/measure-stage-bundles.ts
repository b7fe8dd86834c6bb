/**
 * Builds every stage's bundle as the deployment does, into a temporary folder whose node_modules holds only what the
 * Lambda runtime provides, and prints, per stage: the handler module's bytes, the package's bytes (every file the
 * function ships), and how long a fresh Node process takes to import the handler module (median of the runs, wall
 * clock and CPU time), and, for comparison, how long importing only the AWS SDK clients the module imports takes (the
 * runtime provides them; loading them is most of a stage's import).
 *
 *   npx tsx infra/bundling/measure-stage-bundles.ts [runs]     (default 7 runs)
 */
import { execFile as execFileCallback } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { deploymentAdapters } from '../stages/adapter-choices.js';
import { TASK_STATE_NAMES } from '../../shared/runtime/task-names.js';
import { buildStageBundle, lambdaEnvironment, provideRuntimeModules } from './build-stage-bundle.js';

const execFile = promisify(execFileCallback);

/** Imports the modules named in the JSON array argv[1], in order, and prints the wall-clock and CPU milliseconds the import took. */
const IMPORT_TIMER = [
  'const wall = performance.now(); const cpu = process.cpuUsage();',
  'for (const name of JSON.parse(process.argv[1])) await import(name);',
  'const used = process.cpuUsage(cpu);',
  'process.stdout.write(JSON.stringify({ wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 }));',
].join(' ');

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Median wall-clock and CPU milliseconds of importing `specifiers` in a fresh Node process, over `runs` processes. */
async function timeImports(specifiers: readonly string[], runs: number, env: Record<string, string>, cwd: string): Promise<{ wallMs: number; cpuMs: number }> {
  const samples: { wallMs: number; cpuMs: number }[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { stdout } = await execFile(process.execPath, ['--input-type=module', '-e', IMPORT_TIMER, JSON.stringify(specifiers)], { env, cwd });
    samples.push(JSON.parse(stdout) as { wallMs: number; cpuMs: number });
  }
  return { wallMs: median(samples.map((sample) => sample.wallMs)), cpuMs: median(samples.map((sample) => sample.cpuMs)) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 7);
  const out = mkdtempSync(join(tmpdir(), 'docpipe-stage-bundles-'));
  const adapters = deploymentAdapters({});
  try {
    provideRuntimeModules(out);
    const rows: string[] = [];
    for (const state of TASK_STATE_NAMES) {
      const bundle = await buildStageBundle(state, adapters, out);
      const env = lambdaEnvironment(state, adapters, bundle.dir);
      const sdk = bundle.loadImports.filter((name) => !name.startsWith('node:'));
      const handler = await timeImports([pathToFileURL(bundle.file).href], runs, env, bundle.dir);
      const sdkOnly = await timeImports(sdk, runs, env, bundle.dir);
      rows.push(
        `| ${state} | ${kb(bundle.handlerBytes)} | ${kb(bundle.packageBytes)} | ${bundle.files.length} | ` +
          `${handler.wallMs.toFixed(0)} ms | ${handler.cpuMs.toFixed(0)} ms | ${sdkOnly.wallMs.toFixed(0)} ms | ${sdkOnly.cpuMs.toFixed(0)} ms |`,
      );
    }
    process.stdout.write(
      [
        `Stage bundles (Node ${process.versions.node}, median of ${runs} imports in fresh processes)`,
        '',
        '| stage | index.mjs | package | files | import (wall) | import (CPU) | SDK clients alone (wall) | SDK clients alone (CPU) |',
        '|---|---|---|---|---|---|---|---|',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

await main();
