/**
 * Lambda packages: each stage's bundle built by the function the deployment builds it with
 * (infra/bundling/build-stage-bundle.ts: the stage's bundle spec as esbuild options, then its asset copies), its size,
 * and its cold-start module-load time: a fresh `node` process importing the bundle (which builds the stage's
 * dependencies at load, as on a cold start) with the environment Lambda gives the function (its settings, and the
 * runtime's own variables, which switch Powertools Tracer and the X-Ray SDK into their Lambda mode), beside a
 * node_modules holding only what the Lambda runtime provides (@aws-sdk, @smithy; the bundles use neither). The median of
 * several runs is kept, with the child's CPU time. The code split off behind dynamic imports (adapters, pdf.js, the
 * SDK's other credential providers) is not loaded then; it is counted in the package, and its cost is measured
 * apart: every such module imported after the bundle, the most a first use can add.
 *
 *   npx tsx bench/lambda-packages.ts [--runs N]
 */
import { execFile as execFileCallback } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { buildStageBundle, lambdaEnvironment, provideRuntimeModules, type BundleFile } from '../infra/bundling/build-stage-bundle.js';
import { deploymentAdapters } from '../infra/stages/adapter-choices.js';
import { STAGE_PROFILES } from '../infra/stages/stage-profiles.js';
import { TASK_STATE_NAMES, type TaskStateName } from '../shared/runtime/task-names.js';
import { median } from './lib/stats.js';

const execFile = promisify(execFileCallback);

export interface StagePackage {
  readonly stage: TaskStateName;
  readonly memoryMb: number;
  /** The code a cold start loads: index.mjs and the chunks it imports statically (the size target's figure). */
  readonly startBytes: number;
  /** index.mjs alone. */
  readonly handlerBytes: number;
  /** JavaScript loaded only on first use of a dynamic import, or never (chunks, pdf.js's worker). */
  readonly lazyBytes: number;
  /** Everything in the function's folder (the code, and copied assets such as the classifier model). */
  readonly packageBytes: number;
  /** The folder as a zip archive (deflate, level 9), as it is uploaded. */
  readonly zippedBytes: number;
  readonly loadMs: readonly number[];
  readonly medianLoadMs: number;
  readonly medianLoadCpuMs: number;
  /** Whole process, spawn to exit (Node's own start included). */
  readonly medianProcessMs: number;
  /** Importing every lazily loaded module after the bundle, in a fresh process: the most first uses add in all. */
  readonly medianLazyLoadMs: number;
  readonly medianLazyLoadCpuMs: number;
  /** What the start modules import without bundling it: Node built-ins. */
  readonly loadImports: readonly string[];
}

export interface LambdaPackageResults {
  readonly runs: number;
  readonly adapters: Readonly<Record<string, string>>;
  readonly stages: readonly StagePackage[];
}

/**
 * The size of a zip archive of the files: per file, its deflated bytes (level 9, or stored when deflating does not
 * shrink it) with a local header and a central directory entry (30 and 46 bytes, plus the name twice), and the 22-byte
 * end record. No extra fields, as `zip -X` writes them.
 */
export function zipBytes(dir: string, files: readonly BundleFile[]): number {
  return files.reduce((sum, file) => {
    const stored = file.bytes;
    const deflated = deflateRawSync(readFileSync(join(dir, file.path)), { level: 9 }).byteLength;
    return sum + Math.min(stored, deflated) + 30 + 46 + 2 * Buffer.byteLength(file.path);
  }, 22);
}

/** Imports the bundle and prints load wall time and CPU time in ms, measured inside the fresh process. */
const LOAD_SCRIPT = [
  'const started = performance.now();',
  'const cpu = process.cpuUsage();',
  'const stage = await import(process.argv[1]);',
  'const used = process.cpuUsage(cpu);',
  "if (typeof stage.handler !== 'function') throw new Error('no handler export');",
  'process.stdout.write(`\\n${JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 })}\\n`);',
].join('\n');

/** Imports the bundle, then times importing the modules listed in argv[2] (JSON): the lazily loaded code. */
const LAZY_SCRIPT = [
  'await import(process.argv[1]);',
  'const started = performance.now();',
  'const cpu = process.cpuUsage();',
  'for (const url of JSON.parse(process.argv[2])) await import(url);',
  'const used = process.cpuUsage(cpu);',
  'process.stdout.write(`\\n${JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 })}\\n`);',
].join('\n');

async function runOnce(args: readonly string[], dir: string, env: NodeJS.ProcessEnv): Promise<{ ms: number; cpuMs: number; processMs: number }> {
  const started = performance.now();
  const { stdout } = await execFile(process.execPath, ['--input-type=module', '-e', ...args], { env, cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  const processMs = performance.now() - started;
  // pdf.js writes warnings to the console as it loads; the figures are the last line.
  const parsed = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as { ms: number; cpuMs: number };
  return { ms: parsed.ms, cpuMs: parsed.cpuMs, processMs };
}

export async function measureLambdaPackages(options: { readonly runs: number; readonly log?: (line: string) => void }): Promise<LambdaPackageResults> {
  const out = mkdtempSync(join(tmpdir(), 'docpipe-bench-bundles-'));
  const adapters = deploymentAdapters({});
  try {
    provideRuntimeModules(out);
    const stages: StagePackage[] = [];
    for (const stage of TASK_STATE_NAMES) {
      const bundle = await buildStageBundle(stage, adapters, out);
      const env: NodeJS.ProcessEnv = lambdaEnvironment(stage, adapters, bundle.dir);
      const handlerUrl = pathToFileURL(bundle.file).href;
      const lazyUrls = JSON.stringify(bundle.lazyFiles.map((file) => pathToFileURL(join(bundle.dir, file.path)).href));
      const loads: { ms: number; cpuMs: number; processMs: number }[] = [];
      const lazyLoads: { ms: number; cpuMs: number }[] = [];
      for (let run = 0; run < options.runs; run += 1) {
        loads.push(await runOnce([LOAD_SCRIPT, handlerUrl], bundle.dir, env));
        lazyLoads.push(await runOnce([LAZY_SCRIPT, handlerUrl, lazyUrls], bundle.dir, env));
      }
      const result: StagePackage = {
        stage,
        memoryMb: STAGE_PROFILES[stage].memorySize,
        startBytes: bundle.startBytes,
        handlerBytes: bundle.handlerBytes,
        lazyBytes: bundle.lazyFiles.reduce((sum, file) => sum + file.bytes, 0),
        packageBytes: bundle.packageBytes,
        zippedBytes: zipBytes(bundle.dir, bundle.files),
        loadMs: loads.map((load) => Math.round(load.ms * 10) / 10),
        medianLoadMs: median(loads.map((load) => load.ms)),
        medianLoadCpuMs: median(loads.map((load) => load.cpuMs)),
        medianProcessMs: median(loads.map((load) => load.processMs)),
        medianLazyLoadMs: median(lazyLoads.map((load) => load.ms)),
        medianLazyLoadCpuMs: median(lazyLoads.map((load) => load.cpuMs)),
        loadImports: bundle.loadImports,
      };
      options.log?.(
        `lambda-packages: ${stage} ${(result.startBytes / 1024).toFixed(0)} KB loaded at start, load ${result.medianLoadMs.toFixed(0)} ms (cpu ${result.medianLoadCpuMs.toFixed(0)} ms); ` +
          `${(result.lazyBytes / 1024).toFixed(0)} KB loaded on first use, ${result.medianLazyLoadMs.toFixed(0)} ms for all of it`,
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
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(`\n| stage | memory | loaded at start | index.mjs | package | zipped | load (median of ${runs}) | load CPU | process | first uses, all lazy code |`);
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const stage of results.stages) {
    console.log(
      `| ${stage.stage} | ${stage.memoryMb} MB | ${kb(stage.startBytes)} | ${kb(stage.handlerBytes)} | ${kb(stage.packageBytes)} | ${kb(stage.zippedBytes)} | ` +
        `${stage.medianLoadMs.toFixed(0)} ms | ${stage.medianLoadCpuMs.toFixed(0)} ms | ${stage.medianProcessMs.toFixed(0)} ms | ` +
        `${kb(stage.lazyBytes)}: ${stage.medianLazyLoadMs.toFixed(0)} ms |`,
    );
  }
}
