import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';
import type { StageBundleSpec } from './stage-bundle.js';

/**
 * The esbuild options NodejsFunction derives from a spec (see cdk-bundling.ts), for building a stage's bundle
 * directly: `esbuild.build(esbuildOptions(spec, entry, outDir))` writes `<outDir>/index.mjs`.
 */
export function esbuildOptions(spec: StageBundleSpec, entry: string, outDir: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile: join(outDir, spec.outputFile),
    bundle: true,
    platform: 'node',
    format: spec.format,
    target: spec.target,
    minify: spec.minify,
    sourcemap: false,
    mainFields: [...spec.mainFields],
    banner: { js: spec.banner },
    external: [...spec.externalModules],
    alias: { ...spec.alias },
    inject: [...spec.inject],
    logLevel: 'warning',
    metafile: true,
  };
}
