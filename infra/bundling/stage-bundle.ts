import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../repo-root.js';
import type { AdapterChoices } from '../stages/adapter-choices.js';
import { PORTS, type Port } from '../stages/stage-profiles.js';
import { ABSENT_PACKAGE_SOURCE, AWS_ADAPTERS, EMBEDDED_ADAPTERS, type AdapterModules, type BundleAsset } from './adapter-modules.js';

/** The Node.js major version of the Lambda runtime; the bundle targets the same one. */
export const LAMBDA_NODE_MAJOR = 22;

/**
 * What a stage's `index.mjs` should weigh at most: it keeps module loading (cold start) short. The runtime's AWS SDK
 * and every adapter a stage does not run stay out (stageExternalModules), zod is imported as a namespace (`import * as
 * z from 'zod'`: the named `{ z }` import keeps every zod locale, about 350 KB), and the bundle is minified. Two
 * adapters bring a library larger than the rest of the stage, and their stages are allowed it on top
 * (`bundleAllowanceBytes`): pdf.js for the PDF text-layer reader, and the OpenSearch client.
 */
export const STAGE_BUNDLE_TARGET_BYTES = 500 * 1024;

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

/** The package scopes the Lambda Node.js runtime provides: the AWS SDK for JavaScript v3 and its Smithy core. */
export const RUNTIME_PROVIDED_SCOPES = ['@aws-sdk', '@smithy'] as const;
export const RUNTIME_PROVIDED_MODULES = RUNTIME_PROVIDED_SCOPES.map((scope) => `${scope}/*`);

/** Never loaded on Lambda: the local emulators. */
export const LOCAL_ONLY_MODULES = ['s3rver', 'dynalite', 'aws-local-stepfunctions'] as const;

/**
 * How one stage's bundle is built: the one description both the house Lambda construct (through NodejsFunction) and
 * the bundle tests (through esbuild directly) turn into options, so both build the same thing.
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
 * What a stage leaves out: the runtime's SDK, the local-only packages, every adapter it never runs (the embedded
 * adapter of a port it does not call or that the deployment serves with AWS, and the AWS adapter of a port it does
 * not call or serves with the embedded adapter), and the modules the adapters it runs load from shipped files. A
 * package needed by an adapter it runs is kept, and a package it bundles a stand-in for is not left out.
 */
export function stageExternalModules(ports: readonly Port[], adapters: AdapterChoices): string[] {
  const all = adapterUse(ports, adapters);
  const run = runModules(ports, adapters);
  const kept = new Set(run.flatMap((modules) => [...modules.packages, ...(modules.standIns ?? [])]));
  const notRun = all.filter((adapter) => !adapter.runs).map((adapter) => adapter.modules);
  return [
    ...new Set([
      ...RUNTIME_PROVIDED_MODULES,
      ...LOCAL_ONLY_MODULES,
      ...notRun.flatMap((modules) => modules.packages).filter((name) => !kept.has(name)),
      ...notRun.flatMap((modules) => modules.importPaths),
      ...run.flatMap((modules) => (modules.shipped ?? []).map((shipped) => shipped.specifier)),
    ]),
  ];
}

/** The most a stage's `index.mjs` may weigh: the target, plus the allowances of the adapters it runs. */
export function stageBundleCeilingBytes(ports: readonly Port[], adapters: AdapterChoices): number {
  return runModules(ports, adapters).reduce((sum, modules) => sum + (modules.bundleAllowanceBytes ?? 0), STAGE_BUNDLE_TARGET_BYTES);
}

/** The packages a stage bundles the absent-package stand-in for, each mapped to the stand-in's path. */
export function stageAliases(ports: readonly Port[], adapters: AdapterChoices, root = REPO_ROOT): Record<string, string> {
  const standIns = [...new Set(runModules(ports, adapters).flatMap((modules) => modules.standIns ?? []))].sort();
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
  };
}
