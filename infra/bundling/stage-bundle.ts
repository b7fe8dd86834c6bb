import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../repo-root.js';
import type { AdapterChoices } from '../stages/adapter-choices.js';
import { PORTS, type Port } from '../stages/stage-profiles.js';
import { ABSENT_PACKAGE_SOURCE, AWS_ADAPTERS, EMBEDDED_ADAPTERS, type AdapterModules, type BundleAsset } from './adapter-modules.js';

/** The Node.js major version of the Lambda runtime; the bundle targets the same one. */
export const LAMBDA_NODE_MAJOR = 22;

/**
 * The benchmark's target for the code a stage's function loads at a cold start: `index.mjs` and the chunks it imports
 * statically (the code split off behind dynamic imports loads on first use, see StageBundleSpec.splitting).
 * bench/lambda-packages.ts reports each stage against it.
 */
export const STAGE_BUNDLE_TARGET_BYTES = 500 * 1024;

/**
 * The most that code may weigh in any stage, checked by test/infra/bundles.test.ts: the target itself, as a guard
 * against growth. What a cold start loads (about 380-490 KB, Ingest the most) is the bundled AWS SDK clients the stage
 * uses, S3 and/or DynamoDB, with the Smithy core (tree-shaken: only the commands the stages send, see
 * sdk-schema-keys.ts; a stage that keeps no records carries no DynamoDB client), Powertools with the X-Ray SDK (about
 * 120 KB), valibot for the stage contracts and settings (about 10 KB) and the stage's own code; every adapter a stage
 * does not run stays out (stageExternalModules), each handler imports only its own stage, and the bundle is minified.
 */
export const STAGE_START_CEILING_BYTES = STAGE_BUNDLE_TARGET_BYTES;

/** Where the Lambda runtime unpacks a function's bundle (`LAMBDA_TASK_ROOT`). */
export const LAMBDA_TASK_ROOT = '/var/task';

/** The embedded classifier's model, shipped in the repo (DEFAULT_CLASSIFIER_MODEL in shared/runtime/stage-deps.ts). */
export const CLASSIFIER_MODEL_SOURCE = 'shared/adapters/embedded/classifier/model/document-types.json';
/** Where the model lands in the Classify bundle; DOCPIPE_CLASSIFIER_MODEL points at it. */
export const CLASSIFIER_MODEL_IN_BUNDLE = 'model/document-types.json';

/** The Bedrock prompts, read at run time from `./prompts/` beside the module that loads them (prompt-template.ts). */
export const PROMPTS_SOURCE = 'shared/adapters/aws/prompts';
/** Bundled, that module is the bundle's `index.mjs`, so the prompts go to `prompts/` beside it. */
export const PROMPTS_IN_BUNDLE = 'prompts';

/**
 * Creates `require` for CommonJS dependencies bundled into the ES module (esbuild's shim for `require` of Node
 * built-ins needs one in scope).
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __docpipeCreateRequire } from 'node:module'; const require = __docpipeCreateRequire(import.meta.url);";

/**
 * The package scopes the Lambda Node.js runtime provides: the AWS SDK for JavaScript v3 and its Smithy core. The
 * bundles do not use them: importing the runtime's copy took most of a cold start (for S3 and DynamoDB, 1.3 MB of
 * unminified CommonJS, which Node also scans for its exports when an ES module imports it), and the bundled clients
 * are the versions the project is tested with. Tests link them beside the bundles all the same, as Lambda's file
 * system has them.
 */
export const RUNTIME_PROVIDED_SCOPES = ['@aws-sdk', '@smithy'] as const;

/** Never loaded on Lambda: the local emulators. */
export const LOCAL_ONLY_MODULES = ['s3rver', 'dynalite', 'aws-local-stepfunctions'] as const;

/**
 * Never loaded in Node: the browser user-agent parser the SDK's browser code imports dynamically (`@aws-sdk/core`
 * re-exports that code beside the Node code; only a browser build calls it).
 */
export const BROWSER_ONLY_MODULES = ['bowser'] as const;

/**
 * Packages the bundled dependencies load but docpipe never calls, bundled as ABSENT_PACKAGE_SOURCE in every stage:
 * `semver`, which the X-Ray SDK (under Powertools Tracer) requires for its AWS SDK v2 patcher only (`captureAWS`,
 * which checks the v2 SDK's version); Tracer captures v3 clients (`captureAWSv3Client`). 28 KB of a cold start.
 */
export const UNCALLED_PACKAGES = ['semver'] as const;

/**
 * How one stage's bundle is built: the one description that the house Lambda construct (cdk-bundling.ts), the bundle
 * tests and the benchmark turn into esbuild options (esbuild-options.ts), so all three build the same thing.
 */
export interface StageBundleSpec {
  /** esbuild target, e.g. `node22`. */
  readonly target: string;
  readonly format: 'esm';
  /** The bundle's file name: `.mjs` makes Node load it as an ES module whatever package.json says. */
  readonly outputFile: 'index.mjs';
  readonly minify: boolean;
  /** Package fields tried in order for packages without `exports`: ES module builds first, for tree shaking. */
  readonly mainFields: readonly string[];
  readonly banner: string;
  /** Modules left out of the bundle (esbuild `external`). */
  readonly externalModules: readonly string[];
  /** Packages replaced by another module (esbuild `alias`): package name to an absolute path. */
  readonly alias: Readonly<Record<string, string>>;
  /** Absolute paths of modules whose exports replace the bundled code's references to the same-named globals. */
  readonly inject: readonly string[];
  readonly assets: readonly BundleAsset[];
  /**
   * Each module reached only through a dynamic import (an adapter, pdf.js, the SDK's credential providers other than
   * the environment's) goes to a chunk file of its own beside `index.mjs`, loaded when the import first runs instead of
   * being parsed at every cold start; code shared with the start-up path goes to chunks `index.mjs` imports statically.
   * The chunks sit in the same folder as `index.mjs`, so paths resolved against `import.meta.url` (the prompts) hold.
   */
  readonly splitting: boolean;
  /** esbuild `chunkNames`. */
  readonly chunkNames: string;
  /** esbuild `legalComments`: the licence comments of the dependencies are not shipped in the function's code. */
  readonly legalComments: 'none';
}

/** Each port's embedded and AWS adapter modules, and whether a stage calling `ports` runs it in this deployment. */
function adapterUse(ports: readonly Port[], adapters: AdapterChoices): { modules: AdapterModules; runs: boolean }[] {
  return PORTS.flatMap((port) =>
    (['embedded', 'aws'] as const).map((kind) => ({
      modules: kind === 'aws' ? AWS_ADAPTERS[port] : EMBEDDED_ADAPTERS[port],
      runs: ports.includes(port) && adapters[port] === kind,
    })),
  );
}

function runModules(ports: readonly Port[], adapters: AdapterChoices): AdapterModules[] {
  return adapterUse(ports, adapters)
    .filter((adapter) => adapter.runs)
    .map((adapter) => adapter.modules);
}

/**
 * What a stage leaves out: the local-only and browser-only packages, every adapter it never runs (the embedded
 * adapter of a port it does not call or that the deployment serves with AWS, and the AWS adapter of a port it does
 * not call or serves with the embedded adapter, with its SDK client), and the modules the adapters it runs load from
 * shipped files. A package needed by an adapter it runs is kept, and a package it bundles a stand-in for is not left
 * out.
 */
export function stageExternalModules(ports: readonly Port[], adapters: AdapterChoices): string[] {
  const all = adapterUse(ports, adapters);
  const run = runModules(ports, adapters);
  const kept = new Set(run.flatMap((modules) => [...modules.packages, ...(modules.standIns ?? [])]));
  const notRun = all.filter((adapter) => !adapter.runs).map((adapter) => adapter.modules);
  return [
    ...new Set([
      ...LOCAL_ONLY_MODULES,
      ...BROWSER_ONLY_MODULES,
      ...notRun.flatMap((modules) => modules.packages).filter((name) => !kept.has(name)),
      ...notRun.flatMap((modules) => modules.importPaths),
      ...run.flatMap((modules) => (modules.shipped ?? []).map((shipped) => shipped.specifier)),
    ]),
  ];
}

/** The packages a stage bundles the absent-package stand-in for, each mapped to the stand-in's path. */
export function stageAliases(ports: readonly Port[], adapters: AdapterChoices, root = REPO_ROOT): Record<string, string> {
  const standIns = [...new Set([...UNCALLED_PACKAGES, ...runModules(ports, adapters).flatMap((modules) => modules.standIns ?? [])])].sort();
  return Object.fromEntries(standIns.map((name) => [name, join(root, ABSENT_PACKAGE_SOURCE)]));
}

/** The modules a stage injects (absolute paths), for the globals the adapters it runs need and Node lacks. */
export function stageInjects(ports: readonly Port[], adapters: AdapterChoices, root = REPO_ROOT): string[] {
  return [...new Set(runModules(ports, adapters).flatMap((modules) => modules.injects ?? []))].sort().map((source) => join(root, source));
}

/**
 * Files a stage reads at run time: the classifier model when it classifies with the embedded model, the prompts when
 * it summarises with Bedrock, and the files of the modules its adapters load from beside the bundle (pdf.js's worker
 * when it reads PDF text layers).
 */
export function stageAssets(ports: readonly Port[], adapters: AdapterChoices, root = REPO_ROOT): BundleAsset[] {
  const assets: BundleAsset[] = [];
  if (ports.includes('classifier') && adapters.classifier === 'embedded') {
    assets.push({ source: CLASSIFIER_MODEL_SOURCE, target: CLASSIFIER_MODEL_IN_BUNDLE });
  }
  if (ports.includes('summariser') && adapters.summariser === 'aws') {
    const prompts = readdirSync(join(root, PROMPTS_SOURCE)).filter((name) => name.endsWith('.md')).sort();
    assets.push(...prompts.map((name) => ({ source: `${PROMPTS_SOURCE}/${name}`, target: `${PROMPTS_IN_BUNDLE}/${name}` })));
  }
  assets.push(...runModules(ports, adapters).flatMap((modules) => (modules.shipped ?? []).flatMap((shipped) => shipped.files)));
  return assets;
}

/** The bundle of a stage that calls the given ports, in a deployment with the given adapters. */
export function stageBundleSpec(ports: readonly Port[], adapters: AdapterChoices, root = REPO_ROOT): StageBundleSpec {
  return {
    target: `node${LAMBDA_NODE_MAJOR}`,
    format: 'esm',
    outputFile: 'index.mjs',
    minify: true,
    mainFields: ['module', 'main'],
    banner: ESM_REQUIRE_BANNER,
    externalModules: stageExternalModules(ports, adapters),
    alias: stageAliases(ports, adapters, root),
    inject: stageInjects(ports, adapters, root),
    assets: stageAssets(ports, adapters, root),
    splitting: true,
    chunkNames: '[name]-[hash]',
    legalComments: 'none',
  };
}
