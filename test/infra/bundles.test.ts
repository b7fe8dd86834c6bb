import { execFile as execFileCallback } from 'node:child_process';
import { createHash } from 'node:crypto';
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
  STAGE_START_CEILING_BYTES,
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
  const sizes = TASK_STATE_NAMES.map((state) => `${state} ${kb(built[state].startBytes)} at start (package ${kb(built[state].packageBytes)})`).join(', ');
  process.stdout.write(`Stage bundle sizes: ${sizes}\n`);
  rmSync(OUT, { recursive: true, force: true });
});

/** The stages whose bundle reads PDF text layers: those that call the text extractor, served by Textract. */
const TEXT_LAYER_STAGES = TASK_STATE_NAMES.filter((state) => STAGE_PROFILES[state].ports.includes('textExtractor'));

/** The JavaScript modules of a bundle folder (index.mjs and its chunks, pdf.js's worker) and their text. */
function modulesOf(state: TaskStateName): { path: string; text: string }[] {
  return built[state].files.filter((file) => file.path.endsWith('.mjs')).map((file) => ({ path: file.path, text: readFileSync(join(built[state].dir, file.path), 'utf8') }));
}

describe('each stage bundle', () => {
  it.each(TASK_STATE_NAMES)('%s builds to ES modules whose cold-start share stays within its ceiling', (state) => {
    const { file, handlerBytes, startFiles, startBytes } = built[state];

    expect(file.endsWith('index.mjs')).toBe(true);
    expect(handlerBytes).toBeGreaterThan(1000);
    expect(startFiles.map((entry) => entry.path)).toContain('index.mjs');
    expect(startBytes).toBe(startFiles.reduce((sum, entry) => sum + entry.bytes, 0));
    expect(startBytes).toBeLessThanOrEqual(STAGE_START_CEILING_BYTES);
  });

  it('loads neither pdf.js nor the OpenSearch adapter at a cold start, only where a document first needs them', () => {
    const lazy = /^(node_modules\/pdfjs-dist\/|shared\/adapters\/aws\/opensearch-)/;
    for (const state of TASK_STATE_NAMES) expect({ state, atStart: built[state].startInputs.filter((input) => lazy.test(input)) }).toEqual({ state, atStart: [] });
    expect(built.ExtractText.inputs.some((input) => input.startsWith('node_modules/pdfjs-dist/'))).toBe(true);
    expect(built.Store.inputs).toContain('shared/adapters/aws/opensearch-client.ts');
  });

  it('imports at load time only Node built-ins, and bundles the AWS SDK clients its stage and its adapters use and no others', () => {
    const clients = (state: TaskStateName) =>
      [...new Set(built[state].inputs.map((input) => /^node_modules\/@aws-sdk\/(client-[^/]+)\//.exec(input)?.[1]).filter((name) => name !== undefined))].sort();
    for (const state of TASK_STATE_NAMES) {
      expect({ state, others: built[state].loadImports.filter((name) => !name.startsWith('node:')) }).toEqual({ state, others: [] });
    }

    // DynamoDB only where a stage reads or writes records, S3 only where it reads or writes objects.
    expect(clients('Ingest')).toEqual(['client-dynamodb', 'client-s3']);
    expect(clients('ExtractText')).toEqual(['client-s3', 'client-textract']);
    expect(clients('CheckExtraction')).toEqual(['client-s3', 'client-textract']);
    expect(clients('Classify')).toEqual(['client-s3']);
    expect(clients('Redact')).toEqual(['client-comprehend', 'client-s3']);
    expect(clients('Summarise')).toEqual(['client-bedrock-runtime', 'client-comprehend', 'client-s3']);
    expect(clients('Store')).toEqual(['client-dynamodb', 'client-s3']);
    expect(clients('RecordFailure')).toEqual(['client-dynamodb']);
  });

  it("carries its own stage's code and no other stage's", () => {
    const stageFolders = (state: TaskStateName) => [...new Set(built[state].inputs.map((input) => /^stages\/([^/]+)\//.exec(input)?.[1]).filter((name) => name !== undefined))].sort();

    expect(stageFolders('Ingest')).toEqual(['ingest']);
    expect(stageFolders('Classify')).toEqual(['classify']);
    expect(stageFolders('Store')).toEqual(['store']);
    expect(stageFolders('RecordFailure')).toEqual(['record-failure']);
    // CheckExtraction stores the pages of a finished job as ExtractText does, with its helper; Summarise scrubs its
    // summary with Redact's fail-closed guard.
    expect(stageFolders('CheckExtraction')).toEqual(['check-extraction', 'extract-text']);
    expect(stageFolders('Summarise')).toEqual(['redact', 'summarise']);
  });

  it('keeps of the S3 client only what the stages send, not a schema for each of its operations', () => {
    const ingest = modulesOf('Ingest').map((module) => module.text).join('\n');

    expect(ingest).toContain('GetObject');
    expect(ingest).not.toContain('PutBucketLifecycleConfiguration');
    expect(ingest).not.toContain('ListObjectVersions');
  });

  it('leaves out every package the AWS path never loads', () => {
    const leftOut = /node_modules\/(tesseract\.js|@tesseract\.js-data|@napi-rs|better-sqlite3|compromise|s3rver|dynalite|semver|bowser)\//;
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
      const shipped = built[state].files.map((entry) => entry.path).filter((path) => path.startsWith('node_modules/'));
      expect(shipped).toEqual(PDFJS_WORKER.files.map((file) => file.target).sort());
      expect(built[state].lazyFiles.map((entry) => entry.path)).toContain(PDFJS_WORKER.files[0]?.target);
    }
  });

  it('bundles the absent-package stand-in (for packages loaded but never called) in every stage, and ships no native code', () => {
    for (const state of TASK_STATE_NAMES) {
      expect({ state, standIn: built[state].inputs.includes(ABSENT_PACKAGE_SOURCE) }).toEqual({ state, standIn: true });
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

  it('carries the OpenSearch adapter only in Store, which signs its requests itself, without the OpenSearch client package', () => {
    const carriers = TASK_STATE_NAMES.filter((state) => built[state].inputs.includes('shared/adapters/aws/opensearch-search-index.ts'));
    expect(carriers).toEqual(['Store']);
    for (const state of TASK_STATE_NAMES) {
      expect({ state, bundled: built[state].inputs.filter((input) => input.startsWith('node_modules/@opensearch-project/')) }).toEqual({ state, bundled: [] });
    }
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
    // prompt-template.ts resolves `./prompts/<name>.md` against import.meta.url: bundled, that is the folder of the
    // module it lands in, a chunk beside index.mjs.
    const loaders = modulesOf('Summarise').filter((module) => module.text.includes('./prompts/'));
    expect(loaders.length).toBeGreaterThan(0);
    for (const loader of loaders) expect(join(dir, loader.path, '..')).toBe(join(file, '..'));
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
  readonly output?: {
    readonly status: string;
    readonly method?: string;
    readonly pageCount?: number;
    readonly ocrPages?: number;
    readonly documentId?: string;
    readonly mediaType?: string;
  };
  readonly error?: { readonly name: string; readonly message: string };
  readonly textractCalls: readonly string[];
  /** Bytes of each document sent to Textract whole. */
  readonly textractDocumentBytes: readonly number[];
  readonly dynamoCalls: readonly { readonly operation: string; readonly table?: string; readonly condition?: string }[];
  readonly openSearchCalls: readonly {
    readonly method: string;
    readonly path: string;
    readonly body: string;
    readonly authorization: string;
    readonly contentSha256: string;
    readonly securityToken: string;
  }[];
  readonly written: readonly { readonly key: string; readonly body: string }[];
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures', 'manifest.json'), 'utf8')) as ManifestEntry[];
const pdfs = manifest.filter((entry) => entry.mediaType === 'application/pdf');
const bornDigital = pdfs.find((entry) => entry.textLayer === true && entry.distinctiveWord !== undefined);
const scanned = pdfs.find((entry) => entry.textLayer === false);

/**
 * Runs a stage bundle's handler on an event in a fresh Node process, with S3, Textract, DynamoDB and OpenSearch stood
 * in for; S3 serves `objects` (key to text) and the upload for any other key.
 */
async function invokeBundle(state: TaskStateName, upload: string, event: unknown, objects: Record<string, string> = {}): Promise<Invocation> {
  const { dir, file } = built[state];
  const env = lambdaEnvironment(state, adapters, dir);
  const driver = join(REPO_ROOT, 'test', 'infra', 'invoke-stage-bundle.mjs');
  const args = [driver, file, upload, JSON.stringify(event), JSON.stringify(objects)];
  const { stdout } = await execFile(process.execPath, args, { env, cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  const lastLine = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(lastLine) as Invocation;
}

/** Runs the ExtractText bundle's handler on a fixture document. */
async function extractWithBundle(entry: ManifestEntry): Promise<Invocation> {
  const upload = join(REPO_ROOT, 'fixtures', entry.file);
  return invokeBundle('ExtractText', upload, {
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
  });
}

describe('the Ingest bundle on Lambda', () => {
  it('records the upload and claims the document in DynamoDB with its bundled client', async () => {
    const entry = manifest.find((candidate) => candidate.file === 'documents/invoice-1.pdf');
    if (!entry) throw new Error('fixtures/manifest.json lists no documents/invoice-1.pdf');
    const upload = join(REPO_ROOT, 'fixtures', entry.file);
    const bytes = readFileSync(upload);
    const event = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures', 'events', 'eventbridge-object-created.json'), 'utf8')) as { detail: { object: { key: string; size: number } } };
    event.detail.object = { ...event.detail.object, key: entry.file, size: bytes.byteLength };

    const result = await invokeBundle('Ingest', upload, { event, executionId: 'arn:aws:states:eu-west-1:111122223333:execution:docpipe:run-1' });

    expect(result.error).toBeUndefined();
    expect(result.output).toMatchObject({
      status: 'CLAIMED',
      documentId: `doc-${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}`,
      mediaType: 'application/pdf',
    });
    // The upload's record (already pointing at its document) and the conditional claim, written at once.
    expect(result.dynamoCalls.map((call) => call.operation)).toEqual(['PutItem', 'PutItem']);
    expect(result.dynamoCalls.every((call) => call.table === 'docpipe-records')).toBe(true);
    // Which of the two reaches DynamoDB first is not fixed: one of them, the claim, is conditional.
    expect(result.dynamoCalls.filter((call) => /attribute_not_exists/.test(call.condition ?? ''))).toHaveLength(1);
  });
});

describe('the Store bundle on Lambda', () => {
  it('creates the index, indexes the document through OpenSearch with signed requests, and marks it SUCCEEDED', async () => {
    const document = {
      uploadId: 'upload-1',
      bucket: 'docpipe-uploads',
      key: 'inbox/invoice-7.pdf',
      receivedAt: '2026-01-01T00:00:00.000Z',
      status: 'CLAIMED',
      documentId: 'doc-1',
      contentHash: 'a'.repeat(64),
      mediaType: 'application/pdf',
      size: 1000,
    };
    const event = {
      document,
      extraction: { text: { bucket: 'docpipe-derived', key: 'text/doc-1.json' }, pageCount: 1, characterCount: 40, method: 'text-layer', confidence: 1, ocrPages: 0 },
      analysis: {
        classification: { label: 'invoice', confidence: 0.9, scores: { invoice: 0.9 } },
        redaction: { redactedText: { bucket: 'docpipe-derived', key: 'redacted/doc-1.json' }, piiCounts: { NAME: 1 }, entityCount: 1 },
        summary: { summary: { bucket: 'docpipe-derived', key: 'summaries/doc-1.json' }, sentenceCount: 1 },
      },
    };
    const objects = {
      'redacted/doc-1.json': JSON.stringify({ documentId: 'doc-1', pages: [{ pageNumber: 1, text: 'Invoice for [NAME], total 120 EUR', method: 'text-layer', confidence: 1 }] }),
      'summaries/doc-1.json': JSON.stringify({ documentId: 'doc-1', summary: 'An invoice for 120 EUR.', keyPoints: ['Total 120 EUR'] }),
    };

    const result = await invokeBundle('Store', join(REPO_ROOT, 'fixtures', 'events', 'eventbridge-object-created.json'), event, objects);

    expect(result.error).toBeUndefined();
    expect(result.output).toMatchObject({ documentId: 'doc-1', status: 'SUCCEEDED', documentType: 'invoice' });
    expect(result.openSearchCalls.map((call) => `${call.method} ${call.path}`)).toEqual(['HEAD /documents', 'PUT /documents', 'PUT /documents/_doc/doc-1']);
    expect(JSON.parse(result.openSearchCalls[2]?.body ?? '{}')).toMatchObject({
      documentId: 'doc-1',
      documentType: 'invoice',
      piiTypes: ['NAME'],
      redactedText: 'Invoice for [NAME], total 120 EUR',
      summary: 'An invoice for 120 EUR.',
    });
    for (const call of result.openSearchCalls) {
      // Signed for the collection's service with the function's (here placeholder) role credentials from the environment.
      expect(call.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEPLACEHOLDER\/\d{8}\/eu-west-1\/aoss\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/);
      expect(call.contentSha256).toBe(createHash('sha256').update(call.body).digest('hex'));
      expect(call.securityToken).toBe('placeholder-session-token');
    }
    expect(result.dynamoCalls.map((call) => call.operation)).toContain('UpdateItem');
  });
});

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

  it('sends a one-page scanned PDF, which has no text layer, to Textract whole and keeps what it reads', async () => {
    if (!scanned) throw new Error('fixtures/manifest.json lists no scanned PDF');
    expect(scanned.pages).toBe(1);

    const result = await extractWithBundle(scanned);

    expect(result.error).toBeUndefined();
    expect(result.textractCalls).toEqual(['DetectDocumentText']);
    expect(result.textractDocumentBytes).toEqual([readFileSync(join(REPO_ROOT, 'fixtures', scanned.file)).byteLength]);
    expect(result.output).toMatchObject({ status: 'COMPLETE', pageCount: 1, ocrPages: 1 });
    const stored = JSON.parse(result.written[0]?.body ?? '{}') as { pages?: { text: string; method: string }[] };
    expect(stored.pages).toEqual([expect.objectContaining({ text: 'Line read by the stand-in Textract', method: 'ocr' })]);
  });
});
