import type { BuildOptions } from 'esbuild';
import { sdkSchemaKeysPlugin } from './sdk-schema-keys.js';
import type { StageBundleSpec } from './stage-bundle.js';

/**
 * The esbuild options of a spec: `esbuild.build(esbuildOptions(spec, entry, outDir))` writes `<outDir>/index.mjs` and,
 * with splitting, its chunks beside it. The one translation of a spec that the deployment (cdk-bundling.ts), the bundle
 * tests and the benchmark all build with.
 */
export function esbuildOptions(spec: StageBundleSpec, entry: string, outDir: string): BuildOptions {
  const name = spec.outputFile.replace(/\.mjs$/, '');
  return {
    entryPoints: { [name]: entry },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    splitting: spec.splitting,
    chunkNames: spec.chunkNames,
    bundle: true,
    platform: 'node',
    format: spec.format,
    target: spec.target,
    minify: spec.minify,
    legalComments: spec.legalComments,
    sourcemap: false,
    mainFields: [...spec.mainFields],
    banner: { js: spec.banner },
    external: [...spec.externalModules],
    alias: { ...spec.alias },
    inject: [...spec.inject],
    plugins: [sdkSchemaKeysPlugin()],
    logLevel: 'warning',
    metafile: true,
  };
}
