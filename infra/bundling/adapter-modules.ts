import type { Port } from '../stages/stage-profiles.js';

/** A file copied into the bundle after esbuild runs. */
export interface BundleAsset {
  /** Path from the repository root. */
  readonly source: string;
  /** Path inside the bundle folder. */
  readonly target: string;
}

/**
 * A module the bundle loads at run time from files shipped beside it rather than from its own code: the specifier
 * stays an import (esbuild `external`) and the files are copied where Node resolves it from `index.mjs`.
 */
export interface ShippedModule {
  readonly specifier: string;
  readonly files: readonly BundleAsset[];
}

/**
 * How the stage code reaches each port's adapters: the specifiers it loads them with by dynamic import
 * (shared/runtime/stage-deps.ts for the embedded ones, shared/adapters/aws/select.ts for the AWS ones), and the
 * packages only they use. A bundle leaves out the adapters its stage never runs by these specifiers: the dynamic
 * import then stays a dynamic import of a file the bundle does not have, failing only if it ever ran. (Leaving out
 * just the packages would not do: esbuild hoists a bundled module's static imports of an external package to the top
 * of the one-file ES module, so the function would fail to start, or, for the AWS SDK, load every client at start.)
 */
export interface AdapterModules {
  readonly importPaths: readonly string[];
  readonly packages: readonly string[];
  /**
   * Packages its modules import but never call on Lambda, bundled as ABSENT_PACKAGE_SOURCE instead (a native package
   * cannot be bundled, and an external one would be loaded at start, see above).
   */
  readonly standIns?: readonly string[];
  /** Modules it loads from files shipped beside the bundle. */
  readonly shipped?: readonly ShippedModule[];
  /** Modules (paths from the repository root) whose exports stand in for globals Node lacks (esbuild `inject`). */
  readonly injects?: readonly string[];
}

/** The stand-in for a package listed in `standIns` (see the module's own comment). */
export const ABSENT_PACKAGE_SOURCE = 'infra/bundling/absent-package.cts';

/**
 * pdf.js's main module creates a `DOMMatrix` as it loads, which Node lacks and pdf.js takes from @napi-rs/canvas; this
 * module stands in for it (see the module's own comment).
 */
export const DOM_MATRIX_SOURCE = 'infra/bundling/dom-matrix-stand-in.ts';

/** Where pdf.js lives in the project, and where the copies shipped with a bundle go (Node resolves them there). */
const PDFJS_SOURCE = 'node_modules/pdfjs-dist';
const PDFJS_IN_BUNDLE = 'node_modules/pdfjs-dist';

/**
 * pdf.js's worker module: the PDF parser the text-layer reader runs on the main thread. It is the largest part of
 * pdf.js (1.3 MB minified) and is loaded only when a PDF is read, so it ships as pdf.js's own minified build beside the
 * bundle instead of inside `index.mjs`. Its package.json goes with it: the reader resolves it to find pdf.js's
 * asset folders (CMaps, standard fonts), which are not shipped (see infra/README.md).
 */
export const PDFJS_WORKER: ShippedModule = {
  specifier: 'pdfjs-dist/legacy/build/pdf.worker.mjs',
  files: [
    { source: `${PDFJS_SOURCE}/legacy/build/pdf.worker.min.mjs`, target: `${PDFJS_IN_BUNDLE}/legacy/build/pdf.worker.mjs` },
    { source: `${PDFJS_SOURCE}/package.json`, target: `${PDFJS_IN_BUNDLE}/package.json` },
  ],
};

export const EMBEDDED_ADAPTERS: Readonly<Record<Port, AdapterModules>> = {
  textExtractor: {
    importPaths: ['../adapters/embedded/text-extractor/index.js'],
    packages: ['pdfjs-dist', 'tesseract.js', '@tesseract.js-data/eng', '@napi-rs/canvas', 'an-array-of-english-words', 'compromise'],
  },
  classifier: { importPaths: ['../adapters/embedded/classifier/index.js'], packages: [] },
  piiDetector: { importPaths: ['../adapters/embedded/pii/index.js'], packages: ['compromise'] },
  summariser: { importPaths: ['../adapters/embedded/summariser/index.js'], packages: [] },
  searchIndex: { importPaths: ['../adapters/embedded/search-index/index.js'], packages: ['better-sqlite3'] },
};

/**
 * The AWS adapters' modules and the SDK client each one loads (select.ts imports the client dynamically beside the
 * adapter): a stage that does not run an adapter leaves out both, so a bundle carries only the clients its stage
 * calls. The SDK's S3 and DynamoDB clients, which every stage uses, are bundled in all.
 */
export const AWS_ADAPTERS: Readonly<Record<Port, AdapterModules>> = {
  textExtractor: {
    // Textract, and the PDF text-layer reader it tries first (select.ts): born-digital PDFs keep their own text.
    // The reader's module graph also holds the embedded OCR (tesseract.js, and compromise for its word list) and image
    // decoding (@napi-rs/canvas), which Textract replaces on Lambda; pdf.js itself needs no canvas for text.
    importPaths: ['./textract-text-extractor.js', './text-layer-first.js', '../embedded/text-extractor/index.js'],
    packages: ['@aws-sdk/client-textract', 'pdfjs-dist'],
    standIns: ['tesseract.js', '@napi-rs/canvas', 'compromise'],
    shipped: [PDFJS_WORKER],
    injects: [DOM_MATRIX_SOURCE],
  },
  classifier: { importPaths: ['./comprehend-classifier.js'], packages: ['@aws-sdk/client-comprehend'] },
  piiDetector: { importPaths: ['./comprehend-pii-detector.js'], packages: ['@aws-sdk/client-comprehend'] },
  summariser: { importPaths: ['./bedrock-summariser.js'], packages: ['@aws-sdk/client-bedrock-runtime'] },
  searchIndex: {
    importPaths: ['./opensearch-client.js', './opensearch-search-index.js'],
    // The credential providers give the credentials OpenSearch requests are signed with (select.ts's
    // defaultCredentials); the requests themselves are signed and sent by opensearch-client.ts, with Node's https.
    packages: ['@aws-sdk/credential-providers'],
  },
};
