import { dirname, posix } from 'node:path';
import { LogLevel, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BundleAsset } from './adapter-modules.js';
import type { StageBundleSpec } from './stage-bundle.js';

/** A word the shell passes through unchanged. */
function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Shell commands copying the assets from the project into the bundle folder (the NodejsFunction `afterBundling` hook). */
export function copyAssetCommands(assets: readonly BundleAsset[], inputDir: string, outputDir: string): string[] {
  return assets.flatMap((asset) => {
    const target = posix.join(outputDir, asset.target);
    return [`mkdir -p ${shellQuote(dirname(target))}`, `cp ${shellQuote(posix.join(inputDir, asset.source))} ${shellQuote(target)}`];
  });
}

/** The spec's aliases as NodejsFunction passes them to the esbuild command line (`--alias:<package>=<path>`). */
export function esbuildAliasArgs(alias: Readonly<Record<string, string>>): Record<string, string[]> {
  const pairs = Object.entries(alias).map(([name, path]) => `${name}=${path}`);
  return pairs.length > 0 ? { '--alias': pairs } : {};
}

/** NodejsFunction bundling for a spec: local esbuild only (no Docker), ES module output. */
export function cdkBundlingOptions(spec: StageBundleSpec): BundlingOptions {
  return {
    format: OutputFormat.ESM,
    target: spec.target,
    minify: spec.minify,
    sourceMap: false,
    mainFields: [...spec.mainFields],
    banner: spec.banner,
    externalModules: [...spec.externalModules],
    esbuildArgs: esbuildAliasArgs(spec.alias),
    inject: [...spec.inject],
    forceDockerBundling: false,
    logLevel: LogLevel.WARNING,
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (inputDir, outputDir) => copyAssetCommands(spec.assets, inputDir, outputDir),
    },
  };
}
