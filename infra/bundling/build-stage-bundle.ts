import { execFile as execFileCallback } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { DEFAULT_BEDROCK_MODEL_ID } from '../access/bedrock-model.js';
import { REPO_ROOT } from '../repo-root.js';
import type { AdapterChoices } from '../stages/adapter-choices.js';
import { stageEntry } from '../stages/stage-entry.js';
import { stageEnvironment } from '../stages/stage-environment.js';
import { STAGE_PROFILES } from '../stages/stage-profiles.js';
import type { TaskStateName } from '../../shared/runtime/task-names.js';
import { copyAssetCommands } from './cdk-bundling.js';
import { esbuildOptions } from './esbuild-options.js';
import { RUNTIME_PROVIDED_SCOPES, stageBundleSpec } from './stage-bundle.js';

const execFile = promisify(execFileCallback);

/** A stage's bundle as built into a folder, the way the deployment ships it. */
export interface BuiltStageBundle {
  /** The bundle folder: what Lambda unpacks into its task root. */
  readonly dir: string;
  /** The handler module, `<dir>/index.mjs`. */
  readonly file: string;
  /** Bytes of the handler module. */
  readonly handlerBytes: number;
  /** Every file in the bundle folder, relative to it, with its bytes. */
  readonly files: readonly { readonly path: string; readonly bytes: number }[];
  /** Bytes of every file in the folder: what the function's package holds, unzipped. */
  readonly packageBytes: number;
  /** The source files esbuild put into the handler module, relative to the repository root. */
  readonly inputs: readonly string[];
  /** Packages the module imports when it loads (static imports left external). */
  readonly loadImports: readonly string[];
}

function filesUnder(dir: string, root = dir): { path: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(path, root) : [{ path: relative(root, path), bytes: statSync(path).size }];
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Builds a stage's bundle into `<outDir>/<state>` as the house Lambda construct does: esbuild with the stage's spec,
 * then the same asset copies NodejsFunction's `afterBundling` hook runs.
 */
export async function buildStageBundle(state: TaskStateName, adapters: AdapterChoices, outDir: string): Promise<BuiltStageBundle> {
  const spec = stageBundleSpec(STAGE_PROFILES[state].ports, adapters);
  const dir = join(outDir, state);
  const result = await build({ ...esbuildOptions(spec, stageEntry(state), dir), absWorkingDir: REPO_ROOT });
  const copies = copyAssetCommands(spec.assets, REPO_ROOT, dir);
  if (copies.length > 0) await execFile('bash', ['-c', copies.join(' && ')]);
  const file = join(dir, spec.outputFile);
  const output = Object.values(result.metafile?.outputs ?? {})[0];
  const loadImports = (output?.imports ?? []).filter((entry) => entry.external && entry.kind === 'import-statement').map((entry) => entry.path);
  const files = filesUnder(dir);
  return {
    dir,
    file,
    handlerBytes: statSync(file).size,
    files,
    packageBytes: files.reduce((sum, entry) => sum + entry.bytes, 0),
    inputs: Object.keys(result.metafile?.inputs ?? {}),
    loadImports: [...new Set(loadImports)].sort(),
  };
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
 * The environment a stage's function gets on Lambda (its stage settings and the Powertools ones), with placeholder
 * names for the deployment's resources and the bundle folder as the task root; plus PATH and a Region.
 */
export function lambdaEnvironment(state: TaskStateName, adapters: AdapterChoices, dir: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    AWS_REGION: 'eu-west-1',
    POWERTOOLS_SERVICE_NAME: 'docpipe',
    POWERTOOLS_METRICS_NAMESPACE: 'docpipe',
    POWERTOOLS_DEV: 'false',
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
