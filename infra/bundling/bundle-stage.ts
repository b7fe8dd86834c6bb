/**
 * Builds one stage bundle into a folder: what the house Lambda construct runs for each stage's code asset (see
 * cdk-bundling.ts). Usage, from the project root: node --import tsx infra/bundling/bundle-stage.ts <entry> <outDir> <spec JSON>
 */
import { buildBundle } from './build-stage-bundle.js';
import type { StageBundleSpec } from './stage-bundle.js';

const [entry, outDir, specJson] = process.argv.slice(2);
if (entry === undefined || outDir === undefined || specJson === undefined) {
  throw new Error('Usage: node --import tsx infra/bundling/bundle-stage.ts <entry> <outDir> <spec JSON>');
}
await buildBundle(JSON.parse(specJson) as StageBundleSpec, entry, outDir, process.cwd());
