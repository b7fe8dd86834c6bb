import { execFile as execFileCallback } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { DEFAULT_BEDROCK_MODEL_ID } from '../../infra/access/bedrock-model.js';
import { copyAssetCommands } from '../../infra/bundling/cdk-bundling.js';
import { esbuildOptions } from '../../infra/bundling/esbuild-options.js';
import {
  CLASSIFIER_MODEL_IN_BUNDLE,
  CLASSIFIER_MODEL_SOURCE,
  PROMPTS_IN_BUNDLE,
  PROMPTS_SOURCE,
  STAGE_BUNDLE_CEILING_BYTES,
  stageBundleSpec,
} from '../../infra/bundling/stage-bundle.js';
import { REPO_ROOT } from '../../infra/repo-root.js';
import { deploymentAdapters } from '../../infra/stages/adapter-choices.js';
import { stageEntry } from '../../infra/stages/stage-entry.js';
import { stageEnvironment } from '../../infra/stages/stage-environment.js';
import { STAGE_PROFILES } from '../../infra/stages/stage-profiles.js';
import { DEFAULT_CLASSIFIER_MODEL } from '../../shared/runtime/stage-deps.js';
import { TASK_STATE_NAMES, type TaskStateName } from '../../shared/runtime/task-names.js';

const execFile = promisify(execFileCallback);

/**
 * Outside the repository, beside a node_modules holding only what the Lambda runtime provides (the AWS SDK and its
 * Smithy core, linked from the project's), so a bundle that needs any other package fails to load here as on Lambda.
 */
const OUT = mkdtempSync(join(tmpdir(), 'docpipe-infra-bundles-'));

function provideRuntimeModules(): void {
  mkdirSync(join(OUT, 'node_modules'), { recursive: true });
  for (const scope of ['@aws-sdk', '@smithy']) symlinkSync(join(REPO_ROOT, 'node_modules', scope), join(OUT, 'node_modules', scope), 'dir');
}
const adapters = deploymentAdapters({});

interface Built {
  readonly dir: string;
  readonly file: string;
  readonly bytes: number;
  readonly inputs: readonly string[];
  /** Packages the module imports when it loads (static imports left external). */
  readonly loadImports: readonly string[];
}

const built = {} as Record<TaskStateName, Built>;

/** Builds a stage's bundle the way the house construct does: esbuild with the stage's spec, then the afterBundling copies. */
async function buildStage(state: TaskStateName): Promise<Built> {
  const spec = stageBundleSpec(STAGE_PROFILES[state].ports, adapters);
  const dir = join(OUT, state);
  const result = await build(esbuildOptions(spec, stageEntry(state), dir));
  const copies = copyAssetCommands(spec.assets, REPO_ROOT, dir);
  if (copies.length > 0) await execFile('bash', ['-c', copies.join(' && ')]);
  const file = join(dir, spec.outputFile);
  const output = Object.values(result.metafile?.outputs ?? {})[0];
  const loadImports = (output?.imports ?? []).filter((entry) => entry.external && entry.kind === 'import-statement').map((entry) => entry.path);
  return { dir, file, bytes: statSync(file).size, inputs: Object.keys(result.metafile?.inputs ?? {}), loadImports: [...new Set(loadImports)].sort() };
}

beforeAll(async () => {
  provideRuntimeModules();
  const stages = await Promise.all(TASK_STATE_NAMES.map(async (state) => [state, await buildStage(state)] as const));
  for (const [state, stage] of stages) built[state] = stage;
});

afterAll(() => {
  const sizes = TASK_STATE_NAMES.map((state) => `${state} ${(built[state].bytes / 1024).toFixed(0)} KB`).join(', ');
  process.stdout.write(`Stage bundle sizes: ${sizes}\n`);
  rmSync(OUT, { recursive: true, force: true });
});

describe('each stage bundle', () => {
  it.each(TASK_STATE_NAMES)('%s builds to one ES module within the size ceiling', (state) => {
    const { file, bytes } = built[state];

    expect(file.endsWith('index.mjs')).toBe(true);
    expect(bytes).toBeGreaterThan(1000);
    expect(bytes).toBeLessThanOrEqual(STAGE_BUNDLE_CEILING_BYTES);
  });

  it('imports at load time only Node built-ins and the AWS SDK the runtime provides', () => {
    const provided = /^(node:|@aws-sdk\/|@smithy\/)/;
    for (const state of TASK_STATE_NAMES) {
      expect({ state, others: built[state].loadImports.filter((name) => !provided.test(name)) }).toEqual({ state, others: [] });
    }
  });

  it('leaves out the runtime-provided AWS SDK and every package the AWS path never loads', () => {
    const leftOut = /node_modules\/(@aws-sdk|@smithy|pdfjs-dist|tesseract\.js|@napi-rs|better-sqlite3|compromise|s3rver|dynalite)\//;
    for (const state of TASK_STATE_NAMES) expect({ state, bundled: built[state].inputs.filter((input) => leftOut.test(input)) }).toEqual({ state, bundled: [] });
  });

  it('carries an embedded adapter only in the stage that runs it (the classifier, in Classify)', () => {
    const embeddedEntries = (state: TaskStateName) =>
      built[state].inputs.filter((input) => /^shared\/adapters\/embedded\/[^/]+\/index\.ts$/.test(input)).sort();
    const carried = Object.fromEntries(TASK_STATE_NAMES.map((state) => [state, embeddedEntries(state)]));

    expect(carried).toEqual(
      Object.fromEntries(TASK_STATE_NAMES.map((state) => [state, state === 'Classify' ? ['shared/adapters/embedded/classifier/index.ts'] : []])),
    );
  });

  it('carries the OpenSearch client only in Store', () => {
    const carriers = TASK_STATE_NAMES.filter((state) => built[state].inputs.some((input) => input.includes('node_modules/@opensearch-project/opensearch/')));
    expect(carriers).toEqual(['Store']);
  });

  it('puts the classifier model in Classify where DOCPIPE_CLASSIFIER_MODEL points', () => {
    const { dir } = built.Classify;
    const environment = stageEnvironment(STAGE_PROFILES.Classify.ports, adapters, {
      tableName: 'records',
      derivedBucket: 'derived',
      bedrockModelId: DEFAULT_BEDROCK_MODEL_ID,
      openSearchEndpoint: 'https://abc123.eu-west-1.aoss.amazonaws.com',
      openSearchIndex: 'documents',
      taskRoot: dir,
    });

    expect(environment.DOCPIPE_CLASSIFIER_MODEL).toBe(join(dir, CLASSIFIER_MODEL_IN_BUNDLE));
    expect(readFileSync(join(dir, CLASSIFIER_MODEL_IN_BUNDLE)).equals(readFileSync(DEFAULT_CLASSIFIER_MODEL))).toBe(true);
    expect(join(REPO_ROOT, CLASSIFIER_MODEL_SOURCE)).toBe(DEFAULT_CLASSIFIER_MODEL);
  });

  it('puts the Bedrock prompts beside the Summarise module, where the prompt loader reads them', () => {
    const { dir, file } = built.Summarise;
    const sources = readdirSync(join(REPO_ROOT, PROMPTS_SOURCE)).filter((name) => name.endsWith('.md')).sort();

    expect(sources.length).toBeGreaterThan(0);
    expect(readdirSync(join(dir, PROMPTS_IN_BUNDLE)).sort()).toEqual(sources);
    for (const name of sources) expect(readFileSync(join(dir, PROMPTS_IN_BUNDLE, name), 'utf8')).toBe(readFileSync(join(REPO_ROOT, PROMPTS_SOURCE, name), 'utf8'));
    // prompt-template.ts resolves `./prompts/<name>.md` against import.meta.url: bundled, that is index.mjs's folder.
    expect(readFileSync(file, 'utf8')).toContain('./prompts/');
    expect(existsSync(join(built.Redact.dir, PROMPTS_IN_BUNDLE))).toBe(false);
  });

  it('loads in Node with its stage settings and only the runtime\'s packages, and exports the handler', async () => {
    const loads = await Promise.all(
      TASK_STATE_NAMES.map(async (state) => {
        const { dir, file } = built[state];
        const env = {
          PATH: process.env.PATH,
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
        const script = 'const stage = await import(process.argv[1]); process.stdout.write(typeof stage.handler);';
        const { stdout } = await execFile(process.execPath, ['--input-type=module', '-e', script, pathToFileURL(file).href], { env, cwd: dir });
        return [state, stdout] as const;
      }),
    );

    expect(Object.fromEntries(loads)).toEqual(Object.fromEntries(TASK_STATE_NAMES.map((state) => [state, 'function'])));
  });
});
