/**
 * Lambda packages: each stage's bundle built the way infra builds it (infra/bundling: the stage's bundle spec turned
 * into esbuild options, then the afterBundling asset copies), its size, and its cold-start module-load time: a fresh
 * `node` process importing the bundle (which builds the stage's dependencies at load, as on a cold start) with the
 * stage's settings, beside a node_modules holding only what the Lambda runtime provides (@aws-sdk, @smithy). The
 * median of several runs is kept, with the child's CPU time.
 *
 *   npx tsx bench/lambda-packages.ts [--runs N]
 */
import { execFile as execFileCallback } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { DEFAULT_BEDROCK_MODEL_ID } from '../infra/access/bedrock-model.js';
import { copyAssetCommands } from '../infra/bundling/cdk-bundling.js';
import { esbuildOptions } from '../infra/bundling/esbuild-options.js';
import { stageBundleSpec } from '../infra/bundling/stage-bundle.js';
import { REPO_ROOT } from '../infra/repo-root.js';
import { deploymentAdapters } from '../infra/stages/adapter-choices.js';
import { stageEntry } from '../infra/stages/stage-entry.js';
import { stageEnvironment } from '../infra/stages/stage-environment.js';
import { STAGE_PROFILES } from '../infra/stages/stage-profiles.js';
import { TASK_STATE_NAMES, type TaskStateName } from '../shared/runtime/task-names.js';
import { median } from './lib/stats.js';

const execFile = promisify(execFileCallback);

export interface StagePackage {
  readonly stage: TaskStateName;
  readonly memoryMb: number;
  /** The bundle's index.mjs. */
  readonly bundleBytes: number;
  /** Everything in the function's folder (bundle and copied assets such as the classifier model). */
  readonly packageBytes: number;
  readonly loadMs: readonly number[];
  readonly medianLoadMs: number;
  readonly medianLoadCpuMs: number;
  /** Whole process, spawn to exit (Node's own start included). */
  readonly medianProcessMs: number;
  /** The runtime-provided packages the bundle imports at load (left external). */
  readonly sdkImports: readonly string[];
  /** Median load time of those packages alone in a fresh process: the part of the load the bundle cannot shed. */
  readonly medianSdkLoadMs: number;
  readonly medianSdkLoadCpuMs: number;
}

export interface LambdaPackageResults {
  readonly runs: number;
  readonly adapters: Readonly<Record<string, string>>;
  readonly stages: readonly StagePackage[];
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? folderBytes(path) : statSync(path).size);
  }, 0);
}

/** Imports the bundle and prints load wall time and CPU time in ms, measured inside the fresh process. */
const LOAD_SCRIPT = [
  'const started = performance.now();',
  'const cpu = process.cpuUsage();',
  'const stage = await import(process.argv[1]);',
  'const used = process.cpuUsage(cpu);',
  "if (typeof stage.handler !== 'function') throw new Error('no handler export');",
  'process.stdout.write(JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 }));',
].join('\n');

/** Imports the given packages (JSON list) and prints the same figures. */
const SDK_SCRIPT = [
  'const started = performance.now();',
  'const cpu = process.cpuUsage();',
  'for (const name of JSON.parse(process.argv[1])) await import(name);',
  'const used = process.cpuUsage(cpu);',
  'process.stdout.write(JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 }));',
].join('\n');

async function loadOnce(script: string, argument: string, dir: string, env: NodeJS.ProcessEnv): Promise<{ ms: number; cpuMs: number; processMs: number }> {
  const started = performance.now();
  const { stdout } = await execFile(process.execPath, ['--input-type=module', '-e', script, argument], { env, cwd: dir });
  const processMs = performance.now() - started;
  const parsed = JSON.parse(stdout) as { ms: number; cpuMs: number };
  return { ms: parsed.ms, cpuMs: parsed.cpuMs, processMs };
}

export async function measureLambdaPackages(options: { readonly runs: number; readonly log?: (line: string) => void }): Promise<LambdaPackageResults> {
  const out = mkdtempSync(join(tmpdir(), 'docpipe-bench-bundles-'));
  const adapters = deploymentAdapters({});
  try {
    mkdirSync(join(out, 'node_modules'), { recursive: true });
    for (const scope of ['@aws-sdk', '@smithy']) symlinkSync(join(REPO_ROOT, 'node_modules', scope), join(out, 'node_modules', scope), 'dir');
    const stages: StagePackage[] = [];
    for (const stage of TASK_STATE_NAMES) {
      const profile = STAGE_PROFILES[stage];
      const spec = stageBundleSpec(profile.ports, adapters);
      const dir = join(out, stage);
      const built = await build(esbuildOptions(spec, stageEntry(stage), dir));
      const output = Object.values(built.metafile?.outputs ?? {})[0];
      const sdkImports = [
        ...new Set((output?.imports ?? []).filter((entry) => entry.external && entry.kind === 'import-statement' && /^@(aws-sdk|smithy)\//u.test(entry.path)).map((entry) => entry.path)),
      ].sort();
      const copies = copyAssetCommands(spec.assets, REPO_ROOT, dir);
      if (copies.length > 0) await execFile('bash', ['-c', copies.join(' && ')]);
      const file = join(dir, spec.outputFile);
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        AWS_REGION: 'us-east-1',
        POWERTOOLS_SERVICE_NAME: 'docpipe',
        POWERTOOLS_METRICS_NAMESPACE: 'docpipe',
        POWERTOOLS_DEV: 'false',
        ...stageEnvironment(profile.ports, adapters, {
          tableName: 'docpipe-records',
          derivedBucket: 'docpipe-derived',
          bedrockModelId: DEFAULT_BEDROCK_MODEL_ID,
          openSearchEndpoint: 'https://abc123.us-east-1.aoss.amazonaws.com',
          openSearchIndex: 'documents',
          taskRoot: dir,
        }),
      };
      const loads: { ms: number; cpuMs: number; processMs: number }[] = [];
      const sdkLoads: { ms: number; cpuMs: number }[] = [];
      for (let run = 0; run < options.runs; run += 1) {
        loads.push(await loadOnce(LOAD_SCRIPT, pathToFileURL(file).href, dir, env));
        sdkLoads.push(await loadOnce(SDK_SCRIPT, JSON.stringify(sdkImports), dir, env));
      }
      const result: StagePackage = {
        stage,
        memoryMb: profile.memorySize,
        bundleBytes: statSync(file).size,
        packageBytes: folderBytes(dir),
        loadMs: loads.map((load) => Math.round(load.ms * 10) / 10),
        medianLoadMs: median(loads.map((load) => load.ms)),
        medianLoadCpuMs: median(loads.map((load) => load.cpuMs)),
        medianProcessMs: median(loads.map((load) => load.processMs)),
        sdkImports,
        medianSdkLoadMs: median(sdkLoads.map((load) => load.ms)),
        medianSdkLoadCpuMs: median(sdkLoads.map((load) => load.cpuMs)),
      };
      options.log?.(
        `lambda-packages: ${stage} ${(result.bundleBytes / 1024).toFixed(0)} KB, load ${result.medianLoadMs.toFixed(0)} ms (cpu ${result.medianLoadCpuMs.toFixed(0)} ms), ` +
          `AWS SDK alone ${result.medianSdkLoadMs.toFixed(0)} ms (cpu ${result.medianSdkLoadCpuMs.toFixed(0)} ms)`,
      );
      stages.push(result);
    }
    return { runs: options.runs, adapters: { ...adapters }, stages };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runsFlag = process.argv.indexOf('--runs');
  const runs = runsFlag === -1 ? 7 : Number(process.argv[runsFlag + 1]);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${process.argv[runsFlag + 1]}`);
  const results = await measureLambdaPackages({ runs, log: (line) => console.log(line) });
  console.log(`\n| stage | memory | index.mjs | package | load (median of ${runs}) | load CPU | AWS SDK alone | AWS SDK CPU |`);
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const stage of results.stages) {
    console.log(
      `| ${stage.stage} | ${stage.memoryMb} MB | ${(stage.bundleBytes / 1024).toFixed(0)} KB | ${(stage.packageBytes / 1024).toFixed(0)} KB | ` +
        `${stage.medianLoadMs.toFixed(0)} ms | ${stage.medianLoadCpuMs.toFixed(0)} ms | ${stage.medianSdkLoadMs.toFixed(0)} ms | ${stage.medianSdkLoadCpuMs.toFixed(0)} ms |`,
    );
  }
}
