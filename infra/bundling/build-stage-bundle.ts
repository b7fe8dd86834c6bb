import { copyFileSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { DEFAULT_BEDROCK_MODEL_ID } from '../access/bedrock-model.js';
import { REPO_ROOT } from '../repo-root.js';
import type { AdapterChoices } from '../stages/adapter-choices.js';
import { stageEntry } from '../stages/stage-entry.js';
import { stageEnvironment } from '../stages/stage-environment.js';
import { STAGE_PROFILES } from '../stages/stage-profiles.js';
import type { TaskStateName } from '../../shared/runtime/task-names.js';
import type { BundleAsset } from './adapter-modules.js';
import { esbuildOptions } from './esbuild-options.js';
import { RUNTIME_PROVIDED_SCOPES, stageBundleSpec, type StageBundleSpec } from './stage-bundle.js';

/** A file of a bundle folder, relative to it, with its bytes. */
export interface BundleFile {
  readonly path: string;
  readonly bytes: number;
}

/** A stage's bundle as built into a folder, the way the deployment ships it. */
export interface BuiltStageBundle {
  /** The bundle folder: what Lambda unpacks into its task root. */
  readonly dir: string;
  /** The handler module, `<dir>/index.mjs`. */
  readonly file: string;
  /** Bytes of the handler module alone. */
  readonly handlerBytes: number;
  /** The modules Node loads when it imports the handler module: it and the chunks it imports statically, in turn. */
  readonly startFiles: readonly BundleFile[];
  /** Their bytes: the code a cold start loads. */
  readonly startBytes: number;
  /** Every other JavaScript module in the folder: loaded on first use of a dynamic import, or never. */
  readonly lazyFiles: readonly BundleFile[];
  /** Every file in the bundle folder. */
  readonly files: readonly BundleFile[];
  /** Bytes of every file in the folder: what the function's package holds, unzipped. */
  readonly packageBytes: number;
  /** The source files esbuild put into any of the bundle's modules, relative to the repository root. */
  readonly inputs: readonly string[];
  /** The source files in the modules a cold start loads (startFiles). */
  readonly startInputs: readonly string[];
  /** Packages the start modules import (static imports left external): Node built-ins only, when all is bundled. */
  readonly loadImports: readonly string[];
}

function filesUnder(dir: string, root = dir): BundleFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(path, root) : [{ path: relative(root, path), bytes: statSync(path).size }];
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Copies the files a bundle reads at run time from the project into the bundle folder (the classifier model, prompts). */
export function copyAssets(assets: readonly BundleAsset[], projectRoot: string, dir: string): void {
  for (const asset of assets) {
    const target = join(dir, asset.target);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(projectRoot, asset.source), target);
  }
}

/** The output files (metafile keys) a module loads with it: itself, and what it imports statically, in turn. */
function staticClosure(outputs: Metafile['outputs'], entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    for (const imported of outputs[next]?.imports ?? []) {
      if (!imported.external && imported.kind === 'import-statement') pending.push(imported.path);
    }
  }
  return [...seen].sort();
}

/**
 * Builds a bundle into `dir` (a spec's esbuild options, then its asset copies) and tells what it holds: the one build
 * the deployment (cdk-bundling.ts), the bundle tests and the benchmark all run.
 */
export async function buildBundle(spec: StageBundleSpec, entry: string, dir: string, projectRoot = REPO_ROOT): Promise<BuiltStageBundle> {
  const result = await build({ ...esbuildOptions(spec, entry, dir), absWorkingDir: projectRoot });
  copyAssets(spec.assets, projectRoot, dir);
  const outputs = result.metafile?.outputs ?? {};
  const outputKey = (key: string) => relative(dir, resolve(projectRoot, key));
  const handlerKey = Object.keys(outputs).find((key) => outputKey(key) === spec.outputFile);
  if (handlerKey === undefined) throw new Error(`esbuild wrote no ${spec.outputFile} into ${dir}`);
  const start = staticClosure(outputs, handlerKey);
  const files = filesUnder(dir);
  const startPaths = new Set(start.map(outputKey));
  const startFiles = files.filter((file) => startPaths.has(file.path));
  const loadImports = start.flatMap((key) => (outputs[key]?.imports ?? []).filter((entry) => entry.external && entry.kind === 'import-statement').map((entry) => entry.path));
  const inputsOf = (keys: readonly string[]) => [...new Set(keys.flatMap((key) => Object.keys(outputs[key]?.inputs ?? {})))].sort();
  return {
    dir,
    file: join(dir, spec.outputFile),
    handlerBytes: statSync(join(dir, spec.outputFile)).size,
    startFiles,
    startBytes: startFiles.reduce((sum, file) => sum + file.bytes, 0),
    lazyFiles: files.filter((file) => /\.m?js$/.test(file.path) && !startPaths.has(file.path)),
    files,
    packageBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    inputs: inputsOf(Object.keys(outputs)),
    startInputs: inputsOf(start),
    loadImports: [...new Set(loadImports)].sort(),
  };
}

/** Builds a stage's bundle into `<outDir>/<state>` as the house Lambda construct does, for the given adapters. */
export async function buildStageBundle(state: TaskStateName, adapters: AdapterChoices, outDir: string): Promise<BuiltStageBundle> {
  return buildBundle(stageBundleSpec(STAGE_PROFILES[state].ports, adapters), stageEntry(state), join(outDir, state));
}

/**
 * Makes `dir` a stand-in for Lambda's filesystem: a `node_modules` beside the bundles holding only what the Lambda
 * runtime provides (the AWS SDK and its Smithy core, linked from the project's). A bundle built into `dir` that needs
 * any other package fails to load there, as on Lambda, as long as no folder above `dir` has a `node_modules`.
 */
export function provideRuntimeModules(dir: string): void {
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  for (const scope of RUNTIME_PROVIDED_SCOPES) symlinkSync(join(REPO_ROOT, 'node_modules', scope), join(dir, 'node_modules', scope), 'dir');
}

/**
 * The variables the Lambda runtime sets in a Node.js 22 function's environment before its module loads, as far as the
 * code reads them: they decide what Powertools and the X-Ray SDK do at a cold start (Tracer traces, and patches the
 * HTTP modules, only where AWS_EXECUTION_ENV is set; the X-Ray SDK starts in its Lambda mode where LAMBDA_TASK_ROOT is),
 * and the SDK finds its credentials in them. The credentials are placeholders, and the X-Ray daemon address is the
 * loopback one (Lambda's is a link-local address): nothing leaves the machine.
 */
function lambdaRuntimeVariables(state: TaskStateName, dir: string, region: string): Record<string, string> {
  return {
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_LAMBDA_FUNCTION_NAME: `docpipe-${state}`,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(STAGE_PROFILES[state].memorySize),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/docpipe-${state}`,
    AWS_LAMBDA_LOG_STREAM_NAME: '2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_ACCESS_KEY_ID: 'ASIAEXAMPLEPLACEHOLDER',
    AWS_SECRET_ACCESS_KEY: 'placeholder-secret-access-key',
    AWS_SESSION_TOKEN: 'placeholder-session-token',
    AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
    LAMBDA_TASK_ROOT: dir,
    _HANDLER: 'index.handler',
    TZ: ':UTC',
  };
}

/**
 * The environment a stage's function gets on Lambda: the runtime's variables (above), the Powertools settings and its
 * stage settings, with placeholder names for the deployment's resources and the bundle folder as the task root; plus
 * PATH.
 */
export function lambdaEnvironment(state: TaskStateName, adapters: AdapterChoices, dir: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    ...lambdaRuntimeVariables(state, dir, 'eu-west-1'),
    POWERTOOLS_SERVICE_NAME: 'docpipe',
    POWERTOOLS_METRICS_NAMESPACE: 'docpipe',
    POWERTOOLS_LOG_LEVEL: 'INFO',
    ...stageEnvironment(STAGE_PROFILES[state].ports, adapters, {
      tableName: 'docpipe-records',
      derivedBucket: 'docpipe-derived',
      bedrockModelId: DEFAULT_BEDROCK_MODEL_ID,
      openSearchEndpoint: 'https://abc123.eu-west-1.aoss.amazonaws.com',
      openSearchIndex: 'documents',
      taskRoot: dir,
    }),
  };
}
