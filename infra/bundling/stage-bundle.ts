import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../repo-root.js';
import type { AdapterChoices } from '../stages/adapter-choices.js';
import { PORTS, type Port } from '../stages/stage-profiles.js';

/** The Node.js major version of the Lambda runtime; the bundle targets the same one. */
export const LAMBDA_NODE_MAJOR = 22;

/**
 * The most a stage's `index.mjs` may weigh. It catches the AWS SDK, an embedded adapter or a native package slipping
 * into a bundle (each adds megabytes). The target is 500 KB; the bundles reach it once zod is imported as a namespace
 * (`import * as z from 'zod'`: the named `{ z }` import keeps every zod locale, about 350 KB), except Store's, which
 * carries the OpenSearch client (about 250 KB).
 */
export const STAGE_BUNDLE_CEILING_BYTES = 1024 * 1024;

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

/** Provided by the Lambda Node.js runtime (the AWS SDK for JavaScript v3 and its Smithy core). */
export const RUNTIME_PROVIDED_MODULES = ['@aws-sdk/*', '@smithy/*'] as const;

/** Never loaded on Lambda: the local emulators. */
export const LOCAL_ONLY_MODULES = ['s3rver', 'dynalite', 'aws-local-stepfunctions'] as const;

/**
 * How the stage code reaches each port's adapters: the specifiers it loads them with by dynamic import
 * (shared/runtime/stage-deps.ts for the embedded ones, shared/adapters/aws/select.ts for the AWS ones), and the
 * packages only they use. A bundle leaves out the adapters its stage never runs by these specifiers: the dynamic
 * import then stays a dynamic import of a file the bundle does not have, failing only if it ever ran. (Leaving out
 * just the packages would not do: esbuild hoists a bundled module's static imports of an external package to the top
 * of the one-file ES module, so the function would fail to start.)
 */
export interface AdapterModules {
  readonly importPaths: readonly string[];
  readonly packages: readonly string[];
}

export const EMBEDDED_ADAPTERS: Readonly<Record<Port, AdapterModules>> = {
  textExtractor: {
    // The second is the text-layer reader the Textract adapter tries first for PDFs (select.ts); without it, it
    // reports no usable text layer and Textract reads every PDF.
    importPaths: ['../adapters/embedded/text-extractor/index.js', '../embedded/text-extractor/index.js'],
    packages: ['pdfjs-dist', 'tesseract.js', '@tesseract.js-data/eng', '@napi-rs/canvas'],
  },
  classifier: { importPaths: ['../adapters/embedded/classifier/index.js'], packages: [] },
  piiDetector: { importPaths: ['../adapters/embedded/pii/index.js'], packages: ['compromise'] },
  summariser: { importPaths: ['../adapters/embedded/summariser/index.js'], packages: [] },
  searchIndex: { importPaths: ['../adapters/embedded/search-index/index.js'], packages: ['better-sqlite3'] },
};

/** The AWS adapters' modules that reach packages beyond the runtime's SDK. */
export const AWS_ADAPTERS: Readonly<Record<Port, AdapterModules>> = {
  textExtractor: { importPaths: [], packages: [] },
  classifier: { importPaths: [], packages: [] },
  piiDetector: { importPaths: [], packages: [] },
  summariser: { importPaths: [], packages: [] },
  searchIndex: { importPaths: ['./opensearch-client.js', './opensearch-search-index.js'], packages: ['@opensearch-project/opensearch'] },
};

/** A file copied into the bundle after esbuild runs. */
export interface BundleAsset {
  /** Path from the repository root. */
  readonly source: string;
  /** Path inside the bundle folder. */
  readonly target: string;
}

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
  readonly assets: readonly BundleAsset[];
}

/**
 * What a stage leaves out: the runtime's SDK, the local-only packages, and every adapter it never runs: the embedded
 * adapter of a port it does not call or that the deployment serves with AWS, and the AWS adapter of a port it does
 * not call or serves with the embedded adapter. A package needed by an adapter it runs is kept.
 */
export function stageExternalModules(ports: readonly Port[], adapters: AdapterChoices): string[] {
  const all = PORTS.flatMap((port) =>
    (['embedded', 'aws'] as const).map((kind) => ({
      modules: kind === 'aws' ? AWS_ADAPTERS[port] : EMBEDDED_ADAPTERS[port],
      runs: ports.includes(port) && adapters[port] === kind,
    })),
  );
  const needed = new Set(all.filter((adapter) => adapter.runs).flatMap((adapter) => adapter.modules.packages));
  const notRun = all.filter((adapter) => !adapter.runs).map((adapter) => adapter.modules);
  return [
    ...new Set([
      ...RUNTIME_PROVIDED_MODULES,
      ...LOCAL_ONLY_MODULES,
      ...notRun.flatMap((modules) => modules.packages).filter((name) => !needed.has(name)),
      ...notRun.flatMap((modules) => modules.importPaths),
    ]),
  ];
}

/** Files a stage reads at run time: the classifier model when it classifies with the embedded model, the prompts when it summarises with Bedrock. */
export function stageAssets(ports: readonly Port[], adapters: AdapterChoices, root = REPO_ROOT): BundleAsset[] {
  const assets: BundleAsset[] = [];
  if (ports.includes('classifier') && adapters.classifier === 'embedded') {
    assets.push({ source: CLASSIFIER_MODEL_SOURCE, target: CLASSIFIER_MODEL_IN_BUNDLE });
  }
  if (ports.includes('summariser') && adapters.summariser === 'aws') {
    const prompts = readdirSync(join(root, PROMPTS_SOURCE)).filter((name) => name.endsWith('.md')).sort();
    assets.push(...prompts.map((name) => ({ source: `${PROMPTS_SOURCE}/${name}`, target: `${PROMPTS_IN_BUNDLE}/${name}` })));
  }
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
    assets: stageAssets(ports, adapters, root),
  };
}
