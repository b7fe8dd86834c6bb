import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAwsAdapterSettings } from '../../shared/adapters/aws/aws-settings.js';
import { loadStageConfig } from '../../shared/config.js';
import { readDefinitionTemplate } from '../../shared/runtime/definition.js';
import { TASK_STATE_NAMES } from '../../shared/runtime/task-names.js';
import { ABSENT_PACKAGE_SOURCE, AWS_ADAPTERS, DOM_MATRIX_SOURCE, EMBEDDED_ADAPTERS } from '../../infra/bundling/adapter-modules.js';
import {
  LAMBDA_NODE_MAJOR,
  STAGE_BUNDLE_TARGET_BYTES,
  STAGE_START_CEILING_BYTES,
  stageAliases,
  stageAssets,
  stageBundleSpec,
  stageExternalModules,
  stageInjects,
} from '../../infra/bundling/stage-bundle.js';
import { STAGE_RUNTIME } from '../../infra/constructs/stage-function.js';
import { REPO_ROOT } from '../../infra/repo-root.js';
import { deploymentAdapters } from '../../infra/stages/adapter-choices.js';
import { stageEntry, stageFolder } from '../../infra/stages/stage-entry.js';
import { stageEnvironment } from '../../infra/stages/stage-environment.js';
import { PORTS, STAGE_PROFILES } from '../../infra/stages/stage-profiles.js';
import { taskTimeouts } from '../../infra/stages/task-timeouts.js';

const inputs = {
  tableName: 'docpipe-records',
  derivedBucket: 'docpipe-derived',
  bedrockModelId: 'us.amazon.nova-lite-v1:0',
  openSearchEndpoint: 'https://abc123.eu-west-1.aoss.amazonaws.com',
  openSearchIndex: 'documents',
};

describe('the stage catalogue', () => {
  it('finds each Task state\'s Lambda entry in its stage folder', () => {
    expect(stageFolder('ExtractText')).toBe('extract-text');
    expect(stageFolder('RecordFailure')).toBe('record-failure');
    for (const state of TASK_STATE_NAMES) expect({ state, exists: existsSync(stageEntry(state)) }).toEqual({ state, exists: true });
  });

  it('reads every Task state\'s timeout from the definition, inside Parallel branches too', () => {
    const timeouts = taskTimeouts(readDefinitionTemplate());

    expect([...timeouts.keys()].sort()).toEqual([...TASK_STATE_NAMES].sort());
    expect(timeouts.get('Classify')).toBe(300);
  });

  it('keeps each stage\'s default timeout below its Task state\'s', () => {
    const timeouts = taskTimeouts(readDefinitionTemplate());
    for (const state of TASK_STATE_NAMES) {
      expect({ state, below: STAGE_PROFILES[state].timeoutSeconds < (timeouts.get(state) ?? Number.POSITIVE_INFINITY) }).toEqual({ state, below: true });
    }
  });

  it('targets the Node.js version of the Lambda runtime', () => {
    expect(STAGE_RUNTIME.name).toBe(`nodejs${LAMBDA_NODE_MAJOR}.x`);
  });
});

describe('stage environments', () => {
  it.each(TASK_STATE_NAMES)('pass %s\'s own configuration checks at cold start', (state) => {
    const environment = stageEnvironment(STAGE_PROFILES[state].ports, deploymentAdapters({}), inputs);

    expect(() => loadStageConfig(environment)).not.toThrow();
    expect(() => loadAwsAdapterSettings({ ...environment, AWS_REGION: 'eu-west-1' })).not.toThrow();
  });

  it('choose the AWS adapters of the ports a stage calls, and nothing for the others', () => {
    const adapters = deploymentAdapters({});
    const settings = (state: (typeof TASK_STATE_NAMES)[number]) =>
      loadAwsAdapterSettings({ ...stageEnvironment(STAGE_PROFILES[state].ports, adapters, inputs), AWS_REGION: 'eu-west-1' });

    expect(settings('ExtractText')).toMatchObject({ textExtractor: 'textract', pdfTextLayer: 'first', search: 'embedded' });
    expect(settings('Summarise')).toMatchObject({ summariser: 'bedrock', piiDetector: 'comprehend', bedrock: { modelId: 'us.amazon.nova-lite-v1:0' } });
    expect(settings('Store')).toMatchObject({ search: 'opensearch', openSearch: { service: 'aoss', region: 'eu-west-1', index: 'documents' } });
    expect(settings('Ingest')).toMatchObject({ textExtractor: 'embedded', piiDetector: 'embedded', summariser: 'embedded', search: 'embedded' });
  });

  it('point the classifier at the model in the bundle, or at the endpoint when one is given', () => {
    const arn = 'arn:aws:comprehend:eu-west-1:123456789012:document-classifier-endpoint/doc-types';

    expect(stageEnvironment(['classifier'], deploymentAdapters({}), inputs)).toMatchObject({ DOCPIPE_CLASSIFIER_MODEL: '/var/task/model/document-types.json' });
    expect(stageEnvironment(['classifier'], deploymentAdapters({ classifierEndpointArn: arn }), { ...inputs, classifierEndpointArn: arn })).toEqual({
      DOCPIPE_TABLE_NAME: 'docpipe-records',
      DOCPIPE_DERIVED_BUCKET: 'docpipe-derived',
      DOCPIPE_CLASSIFIER_ENDPOINT_ARN: arn,
    });
  });
});

describe('stage bundles', () => {
  it('leave adapters out by the very specifiers the stage code loads them with', () => {
    const sources = ['shared/runtime/stage-deps.ts', 'shared/adapters/aws/select.ts'].map((path) => readFileSync(join(REPO_ROOT, path), 'utf8')).join('\n');
    const specifiers = PORTS.flatMap((port) => [...EMBEDDED_ADAPTERS[port].importPaths, ...AWS_ADAPTERS[port].importPaths]);

    for (const specifier of specifiers) expect({ specifier, loaded: sources.includes(`import('${specifier}')`) }).toEqual({ specifier, loaded: true });
  });

  it('keep the adapters a stage runs and leave out the rest', () => {
    const adapters = deploymentAdapters({});

    const store = stageExternalModules(['searchIndex'], adapters);
    const classify = stageExternalModules(['classifier'], adapters);

    expect(store).not.toContain('@aws-sdk/credential-providers');
    expect(store).not.toContain('./opensearch-client.js');
    expect(store).toEqual(expect.arrayContaining(['compromise', '../adapters/embedded/search-index/index.js', '../adapters/embedded/classifier/index.js']));
    expect(classify).not.toContain('../adapters/embedded/classifier/index.js');
    expect(classify).toEqual(expect.arrayContaining(['@aws-sdk/credential-providers', './opensearch-client.js', '../embedded/text-extractor/index.js']));
  });

  it('keep the Textract stages\' PDF text-layer reader and pdf.js, load pdf.js\'s worker from beside the bundle, and leave the other AWS adapters out', () => {
    const adapters = deploymentAdapters({});

    const extract = stageExternalModules(['textExtractor'], adapters);

    expect(extract).not.toContain('../embedded/text-extractor/index.js');
    expect(extract).not.toContain('./textract-text-extractor.js');
    expect(extract).not.toContain('pdfjs-dist');
    expect(extract).not.toContain('tesseract.js');
    expect(extract).toEqual(expect.arrayContaining(['pdfjs-dist/legacy/build/pdf.worker.mjs', '../adapters/embedded/text-extractor/index.js', './bedrock-summariser.js', './comprehend-pii-detector.js']));
    expect(stageExternalModules([], adapters)).toEqual(expect.arrayContaining(['./textract-text-extractor.js', '../embedded/text-extractor/index.js', 'pdfjs-dist']));
    expect(stageExternalModules([], adapters)).not.toContain('pdfjs-dist/legacy/build/pdf.worker.mjs');
  });

  it('stand in for the OCR engine, its word list of names and the canvas, and for DOMMatrix, only where the text-layer reader runs', () => {
    const adapters = deploymentAdapters({});

    const standIn = `/repo/${ABSENT_PACKAGE_SOURCE}`;
    expect(stageAliases(['textExtractor'], adapters, '/repo')).toEqual({
      '@napi-rs/canvas': standIn,
      compromise: standIn,
      semver: standIn,
      'tesseract.js': standIn,
    });
    expect(stageInjects(['textExtractor'], adapters, '/repo')).toEqual([`/repo/${DOM_MATRIX_SOURCE}`]);
    expect(stageAliases(['summariser', 'piiDetector'], adapters, '/repo')).toEqual({ semver: standIn });
    expect(stageInjects(['searchIndex'], adapters)).toEqual([]);
  });

  it('bundle the AWS SDK clients a stage calls and leave out the others', () => {
    const adapters = deploymentAdapters({});
    const sdk = (ports: Parameters<typeof stageExternalModules>[0]) => stageExternalModules(ports, adapters).filter((name) => name.startsWith('@aws-sdk/')).sort();

    expect(sdk([])).toEqual(['@aws-sdk/client-bedrock-runtime', '@aws-sdk/client-comprehend', '@aws-sdk/client-textract', '@aws-sdk/credential-providers']);
    expect(sdk(['summariser', 'piiDetector'])).toEqual(['@aws-sdk/client-textract', '@aws-sdk/credential-providers']);
    expect(sdk(['classifier'])).toEqual(['@aws-sdk/client-bedrock-runtime', '@aws-sdk/client-comprehend', '@aws-sdk/client-textract', '@aws-sdk/credential-providers']);
    expect(sdk(['classifier'])).not.toContain('@aws-sdk/client-s3');
    expect(stageExternalModules(['classifier'], deploymentAdapters({ classifierEndpointArn: 'arn' }))).not.toContain('@aws-sdk/client-comprehend');
  });

  it('split the code behind dynamic imports into chunks beside index.mjs, and guard the cold-start share above its target', () => {
    const spec = stageBundleSpec([], deploymentAdapters({}));

    expect(spec).toMatchObject({ format: 'esm', outputFile: 'index.mjs', splitting: true, minify: true, legalComments: 'none' });
    expect(spec.chunkNames).not.toContain('/');
    expect(STAGE_START_CEILING_BYTES).toBeGreaterThanOrEqual(STAGE_BUNDLE_TARGET_BYTES);
  });

  it('ship the model to the embedded classifier and the prompts to the Bedrock summariser only', () => {
    const adapters = deploymentAdapters({});

    expect(stageAssets(['classifier'], adapters).map((asset) => asset.target)).toEqual(['model/document-types.json']);
    expect(stageAssets(['summariser', 'piiDetector'], adapters).map((asset) => asset.target)).toEqual(['prompts/combine.md', 'prompts/summarise.md']);
    expect(stageAssets(['classifier'], deploymentAdapters({ classifierEndpointArn: 'arn' }))).toEqual([]);
    expect(stageAssets(['searchIndex'], adapters)).toEqual([]);
    expect(stageAssets(['textExtractor'], adapters)).toEqual([
      { source: 'node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs', target: 'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs' },
      { source: 'node_modules/pdfjs-dist/package.json', target: 'node_modules/pdfjs-dist/package.json' },
    ]);
  });
});
