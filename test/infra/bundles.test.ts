import { execFile as execFileCallback } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { DEFAULT_BEDROCK_MODEL_ID } from '../../infra/access/bedrock-model.js';
import { buildStageBundle, lambdaEnvironment, provideRuntimeModules, type BuiltStageBundle } from '../../infra/bundling/build-stage-bundle.js';
import { ABSENT_PACKAGE_SOURCE, PDFJS_WORKER } from '../../infra/bundling/adapter-modules.js';
import {
  CLASSIFIER_MODEL_IN_BUNDLE,
  CLASSIFIER_MODEL_SOURCE,
  PROMPTS_IN_BUNDLE,
  PROMPTS_SOURCE,
  STAGE_BUNDLE_TARGET_BYTES,
  stageBundleCeilingBytes,
} from '../../infra/bundling/stage-bundle.js';
import { REPO_ROOT } from '../../infra/repo-root.js';
import { deploymentAdapters } from '../../infra/stages/adapter-choices.js';
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
const adapters = deploymentAdapters({});
const built = {} as Record<TaskStateName, BuiltStageBundle>;

beforeAll(async () => {
  provideRuntimeModules(OUT);
  const stages = await Promise.all(TASK_STATE_NAMES.map(async (state) => [state, await buildStageBundle(state, adapters, OUT)] as const));
  for (const [state, stage] of stages) built[state] = stage;
});

afterAll(() => {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const sizes = TASK_STATE_NAMES.map((state) => `${state} ${kb(built[state].handlerBytes)} (package ${kb(built[state].packageBytes)})`).join(', ');
  process.stdout.write(`Stage bundle sizes: ${sizes}\n`);
  rmSync(OUT, { recursive: true, force: true });
});

/** The stages whose bundle reads PDF text layers: those that call the text extractor, served by Textract. */
const TEXT_LAYER_STAGES = TASK_STATE_NAMES.filter((state) => STAGE_PROFILES[state].ports.includes('textExtractor'));

describe('each stage bundle', () => {
  it.each(TASK_STATE_NAMES)('%s builds to one ES module within its size ceiling', (state) => {
    const { file, handlerBytes } = built[state];

    expect(file.endsWith('index.mjs')).toBe(true);
    expect(handlerBytes).toBeGreaterThan(1000);
    expect(handlerBytes).toBeLessThanOrEqual(stageBundleCeilingBytes(STAGE_PROFILES[state].ports, adapters));
  });

  it('stays within the 500 KB target unless it carries pdf.js or the OpenSearch client', () => {
    const large = (state: TaskStateName) => TEXT_LAYER_STAGES.includes(state) || state === 'Store';
    for (const state of TASK_STATE_NAMES.filter((name) => !large(name))) {
      expect({ state, within: built[state].handlerBytes <= STAGE_BUNDLE_TARGET_BYTES }).toEqual({ state, within: true });
      expect(stageBundleCeilingBytes(STAGE_PROFILES[state].ports, adapters)).toBe(STAGE_BUNDLE_TARGET_BYTES);
    }
  });

  it('imports at load time only Node built-ins and the AWS SDK clients of the adapters its stage runs', () => {
    const provided = /^(node:|@aws-sdk\/|@smithy\/)/;
    const clients = (state: TaskStateName) => built[state].loadImports.filter((name) => name.startsWith('@aws-sdk/client-')).sort();
    for (const state of TASK_STATE_NAMES) {
      expect({ state, others: built[state].loadImports.filter((name) => !provided.test(name)) }).toEqual({ state, others: [] });
    }

    expect(clients('Ingest')).toEqual(['@aws-sdk/client-dynamodb', '@aws-sdk/client-s3']);
    expect(clients('ExtractText')).toEqual(['@aws-sdk/client-dynamodb', '@aws-sdk/client-s3', '@aws-sdk/client-textract']);
    expect(clients('Summarise')).toEqual(['@aws-sdk/client-bedrock-runtime', '@aws-sdk/client-comprehend', '@aws-sdk/client-dynamodb', '@aws-sdk/client-s3']);
  });

  it('leaves out the runtime-provided AWS SDK and every package the AWS path never loads', () => {
    const leftOut = /node_modules\/(@aws-sdk|@smithy|tesseract\.js|@tesseract\.js-data|@napi-rs|better-sqlite3|compromise|s3rver|dynalite)\//;
    for (const state of TASK_STATE_NAMES) expect({ state, bundled: built[state].inputs.filter((input) => leftOut.test(input)) }).toEqual({ state, bundled: [] });
  });

  it('carries pdf.js only in the stages that read PDF text layers, and its worker beside them', () => {
    const carriers = TASK_STATE_NAMES.filter((state) => built[state].inputs.some((input) => input.startsWith('node_modules/pdfjs-dist/')));
    const shipping = TASK_STATE_NAMES.filter((state) => existsSync(join(built[state].dir, 'node_modules', 'pdfjs-dist')));

    expect(TEXT_LAYER_STAGES).toEqual(['ExtractText', 'CheckExtraction']);
    expect(carriers).toEqual(TEXT_LAYER_STAGES);
    expect(shipping).toEqual(TEXT_LAYER_STAGES);
    for (const state of TEXT_LAYER_STAGES) {
      expect(built[state].inputs).not.toContain('node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs');
      expect(built[state].files.map((entry) => entry.path)).toEqual(['index.mjs', ...PDFJS_WORKER.files.map((file) => file.target)].sort());
    }
  });

  it('bundles the absent-package stand-in for the OCR engine and canvas beside the text-layer reader, and ships no native code', () => {
    for (const state of TASK_STATE_NAMES) {
      const standIn = built[state].inputs.includes(ABSENT_PACKAGE_SOURCE);
      expect({ state, standIn }).toEqual({ state, standIn: TEXT_LAYER_STAGES.includes(state) });
      expect({ state, native: built[state].files.filter((entry) => entry.path.endsWith('.node')) }).toEqual({ state, native: [] });
    }
  });

  it('carries an embedded adapter only in the stage that runs it (the classifier in Classify, the text-layer reader with Textract)', () => {
    const embeddedEntries = (state: TaskStateName) =>
      built[state].inputs.filter((input) => /^shared\/adapters\/embedded\/[^/]+\/index\.ts$/.test(input)).sort();
    const carried = Object.fromEntries(TASK_STATE_NAMES.map((state) => [state, embeddedEntries(state)]));
    const expected = (state: TaskStateName): string[] => {
      if (state === 'Classify') return ['shared/adapters/embedded/classifier/index.ts'];
      return TEXT_LAYER_STAGES.includes(state) ? ['shared/adapters/embedded/text-extractor/index.ts'] : [];
    };

    expect(carried).toEqual(Object.fromEntries(TASK_STATE_NAMES.map((state) => [state, expected(state)])));
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
        const script = 'const stage = await import(process.argv[1]); process.stdout.write(typeof stage.handler);';
        const env = lambdaEnvironment(state, adapters, dir);
        const { stdout } = await execFile(process.execPath, ['--input-type=module', '-e', script, pathToFileURL(file).href], { env, cwd: dir });
        return [state, stdout] as const;
      }),
    );

    expect(Object.fromEntries(loads)).toEqual(Object.fromEntries(TASK_STATE_NAMES.map((state) => [state, 'function'])));
  });
});

interface ManifestEntry {
  readonly file: string;
  readonly mediaType: string;
  readonly pages: number;
  readonly textLayer?: boolean;
  readonly distinctiveWord?: string;
}

/** What test/infra/invoke-stage-bundle.mjs reports of one handler invocation. */
interface Invocation {
  readonly output?: { readonly status: string; readonly method?: string; readonly pageCount?: number; readonly ocrPages?: number };
  readonly error?: { readonly name: string; readonly message: string };
  readonly textractCalls: readonly string[];
  readonly written: readonly { readonly key: string; readonly body: string }[];
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures', 'manifest.json'), 'utf8')) as ManifestEntry[];
const pdfs = manifest.filter((entry) => entry.mediaType === 'application/pdf');
const bornDigital = pdfs.find((entry) => entry.textLayer === true && entry.distinctiveWord !== undefined);
const scanned = pdfs.find((entry) => entry.textLayer === false);

/** Runs the ExtractText bundle's handler on a fixture in a fresh Node process, with S3 and Textract mocked. */
async function extractWithBundle(entry: ManifestEntry): Promise<Invocation> {
  const { dir, file } = built.ExtractText;
  const upload = join(REPO_ROOT, 'fixtures', entry.file);
  const event = {
    document: {
      uploadId: 'upload-1',
      bucket: 'docpipe-uploads',
      key: entry.file,
      receivedAt: '2026-01-01T00:00:00.000Z',
      status: 'CLAIMED',
      documentId: 'doc-1',
      contentHash: 'a'.repeat(64),
      mediaType: entry.mediaType,
      size: readFileSync(upload).byteLength,
    },
  };
  // Credentials the mocked clients never send anywhere; without them the SDK would look for some before each call.
  const env = { ...lambdaEnvironment('ExtractText', adapters, dir), AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
  const driver = join(REPO_ROOT, 'test', 'infra', 'invoke-stage-bundle.mjs');
  const { stdout } = await execFile(process.execPath, [driver, file, upload, JSON.stringify(event)], { env, cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  const lastLine = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(lastLine) as Invocation;
}

describe('the ExtractText bundle on Lambda', () => {
  it('is deployed to read PDF text layers first', () => {
    for (const state of TEXT_LAYER_STAGES) {
      expect(lambdaEnvironment(state, adapters, built[state].dir)).toMatchObject({ DOCPIPE_TEXT_EXTRACTOR: 'textract', DOCPIPE_PDF_TEXT_LAYER: 'first' });
    }
  });

  it('has no canvas package within reach, as on Lambda', () => {
    const fromBundle = createRequire(built.ExtractText.file);

    expect(() => fromBundle.resolve('@napi-rs/canvas')).toThrow(/Cannot find module/);
    expect(() => fromBundle.resolve('tesseract.js')).toThrow(/Cannot find module/);
    expect(fromBundle.resolve('pdfjs-dist/package.json')).toBe(join(built.ExtractText.dir, 'node_modules', 'pdfjs-dist', 'package.json'));
  });

  it('keeps a born-digital PDF\'s own text layer without calling Textract', async () => {
    if (!bornDigital?.distinctiveWord) throw new Error('fixtures/manifest.json lists no born-digital PDF with a distinctive word');

    const result = await extractWithBundle(bornDigital);

    expect(result.error).toBeUndefined();
    expect(result.textractCalls).toEqual([]);
    expect(result.output).toMatchObject({ status: 'COMPLETE', method: 'text-layer', pageCount: bornDigital.pages, ocrPages: 0 });
    expect(result.written).toHaveLength(1);
    const stored = JSON.parse(result.written[0]?.body ?? '{}') as { pages?: { text: string; method: string }[] };
    expect(stored.pages?.map((page) => page.method)).toEqual(Array.from({ length: bornDigital.pages }, () => 'text-layer'));
    expect(stored.pages?.map((page) => page.text).join('\n')).toContain(bornDigital.distinctiveWord);
  });

  it('sends a scanned PDF, which has no text layer, to Textract', async () => {
    if (!scanned) throw new Error('fixtures/manifest.json lists no scanned PDF');

    const result = await extractWithBundle(scanned);

    expect(result.error).toBeUndefined();
    expect(result.textractCalls).toEqual(['StartDocumentTextDetectionCommand']);
    expect(result.output).toMatchObject({ status: 'IN_PROGRESS' });
    expect(result.written).toEqual([]);
  });
});
