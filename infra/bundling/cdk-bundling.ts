import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { AssetHashType, DockerImage, type ILocalBundling } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import type { StageBundleSpec } from './stage-bundle.js';

/** Builds one bundle (`node --import tsx <script> <entry> <outDir> <spec as JSON>`, from the project root). */
export const BUNDLE_SCRIPT = 'infra/bundling/bundle-stage.ts';

/**
 * Builds a bundle into `outputDir` in a child process: CDK asks for an asset's bundle synchronously, and the build is
 * esbuild's asynchronous API (the only one that takes plugins, see sdk-schema-keys.ts).
 */
export function runBundleScript(spec: StageBundleSpec, entry: string, outputDir: string, projectRoot: string): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, BUNDLE_SCRIPT), entry, outputDir, JSON.stringify(spec)], {
    cwd: projectRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error !== undefined) throw new Error(`Bundling ${entry} could not start: ${result.error.message}`, { cause: result.error });
  if (result.status !== 0) throw new Error(`Bundling ${entry} failed (exit ${result.status ?? result.signal ?? 'unknown'}); esbuild's messages are above`);
}

/**
 * Local bundling of one stage. Its fields are data on purpose: CDK caches bundles within an app by the JSON of the
 * bundling options, in which functions do not appear, so the entry and spec must, or every stage would get the first
 * stage's bundle.
 */
export class StageBundling implements ILocalBundling {
  constructor(
    readonly spec: StageBundleSpec,
    readonly entry: string,
    readonly projectRoot: string,
  ) {}

  tryBundle(outputDir: string): boolean {
    runBundleScript(this.spec, this.entry, outputDir, this.projectRoot);
    return true;
  }
}

/**
 * A stage's code: the bundle of `entry` built locally (no Docker) by the same function the bundle tests and the
 * benchmark run (build-stage-bundle.ts's buildBundle), so what they measure is what is deployed. The asset is
 * identified by the bundle's bytes, as NodejsFunction's are. (NodejsFunction itself cannot build it: its esbuild
 * command line writes one file, without code splitting, and takes no plugins.)
 */
export function stageCode(spec: StageBundleSpec, entry: string, projectRoot: string): Code {
  return Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by CDK's types; never pulled, since local bundling either succeeds or throws.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22'),
      local: new StageBundling(spec, entry, projectRoot),
    },
  });
}
