import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { ComprehendClient } from '@aws-sdk/client-comprehend';
import { TextractClient } from '@aws-sdk/client-textract';
import { loadAwsAdapterSettings } from '../../../shared/adapters/aws/aws-settings.js';
import { BedrockSummariser } from '../../../shared/adapters/aws/bedrock-summariser.js';
import { ComprehendClassifier } from '../../../shared/adapters/aws/comprehend-classifier.js';
import { ComprehendPiiDetector } from '../../../shared/adapters/aws/comprehend-pii-detector.js';
import { OpenSearchSearchIndex } from '../../../shared/adapters/aws/opensearch-search-index.js';
import { memoiseUntilRejected } from '../../../shared/adapters/aws/memoise-until-rejected.js';
import { awsAdapterOverrides } from '../../../shared/adapters/aws/select.js';
import { TextLayerFirstExtractor } from '../../../shared/adapters/aws/text-layer-first.js';
import { recordingConnection, type RecordedRequest } from './recording-connection.js';

const ENDPOINT_ARN = 'arn:aws:comprehend:eu-west-1:123456789012:document-classifier-endpoint/doc-types';
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };

describe('loadAwsAdapterSettings', () => {
  it('chooses the embedded adapters when nothing is set', () => {
    const settings = loadAwsAdapterSettings({});

    expect(settings).toEqual({
      textExtractor: 'embedded',
      pdfTextLayer: 'first',
      piiDetector: 'embedded',
      classifierEndpointArn: undefined,
      summariser: 'embedded',
      bedrock: undefined,
      search: 'embedded',
      openSearch: undefined,
      comprehendLanguage: 'en',
    });
  });

  it('requires the Bedrock model id when the summariser is bedrock, naming the variable', () => {
    expect(() => loadAwsAdapterSettings({ DOCPIPE_SUMMARISER: 'bedrock' })).toThrow(
      expect.objectContaining({ name: 'ConfigurationError', message: expect.stringMatching(/DOCPIPE_BEDROCK_MODEL_ID/) }),
    );
  });

  it('requires the OpenSearch endpoint when the search index is opensearch, naming the variable', () => {
    expect(() => loadAwsAdapterSettings({ DOCPIPE_SEARCH: 'opensearch', AWS_REGION: 'eu-west-1' })).toThrow(/DOCPIPE_OPENSEARCH_ENDPOINT/);
  });

  it('rejects an unknown adapter choice, naming the variable', () => {
    expect(() => loadAwsAdapterSettings({ DOCPIPE_PII_DETECTOR: 'presidio' })).toThrow(/DOCPIPE_PII_DETECTOR/);
  });

  it('rejects a classifier ARN that is not a Comprehend endpoint', () => {
    expect(() => loadAwsAdapterSettings({ DOCPIPE_CLASSIFIER_ENDPOINT_ARN: 'arn:aws:s3:::bucket' })).toThrow(/DOCPIPE_CLASSIFIER_ENDPOINT_ARN/);
  });

  it('treats empty variables as unset', () => {
    expect(loadAwsAdapterSettings({ DOCPIPE_CLASSIFIER_ENDPOINT_ARN: '', DOCPIPE_SUMMARISER: '' })).toMatchObject({
      classifierEndpointArn: undefined,
      summariser: 'embedded',
    });
  });

  it('infers the OpenSearch service and region from an AWS endpoint and defaults the index name', () => {
    const settings = loadAwsAdapterSettings({ DOCPIPE_SEARCH: 'opensearch', DOCPIPE_OPENSEARCH_ENDPOINT: 'abc123.eu-west-1.aoss.amazonaws.com' });

    expect(settings.openSearch).toEqual({
      endpoint: 'https://abc123.eu-west-1.aoss.amazonaws.com',
      service: 'aoss',
      index: 'documents',
      region: 'eu-west-1',
    });
  });

  it('needs the service named for an endpoint it cannot read', () => {
    expect(() =>
      loadAwsAdapterSettings({ DOCPIPE_SEARCH: 'opensearch', DOCPIPE_OPENSEARCH_ENDPOINT: 'https://search.example.com', AWS_REGION: 'eu-west-1' }),
    ).toThrow(/DOCPIPE_OPENSEARCH_SERVICE/);
  });
});

describe('awsAdapterOverrides', () => {
  it('returns no entry when every port stays embedded', () => {
    expect(awsAdapterOverrides(loadAwsAdapterSettings({}))).toEqual({});
  });

  it('returns an entry only for each AWS choice, each building its adapter once', async () => {
    // Prepare
    const requests: RecordedRequest[] = [];
    const settings = loadAwsAdapterSettings({
      DOCPIPE_TEXT_EXTRACTOR: 'textract',
      DOCPIPE_PII_DETECTOR: 'comprehend',
      DOCPIPE_COMPREHEND_LANGUAGE: 'es',
      DOCPIPE_CLASSIFIER_ENDPOINT_ARN: ENDPOINT_ARN,
      DOCPIPE_SUMMARISER: 'bedrock',
      DOCPIPE_BEDROCK_MODEL_ID: 'eu.amazon.nova-lite-v1:0',
      DOCPIPE_SEARCH: 'opensearch',
      DOCPIPE_OPENSEARCH_ENDPOINT: 'https://search-docs-abc.eu-west-1.es.amazonaws.com',
      DOCPIPE_OPENSEARCH_INDEX: 'docs-v1',
    });

    // Act
    const overrides = awsAdapterOverrides(settings, {
      textract: new TextractClient({ region: 'eu-west-1', credentials }),
      comprehend: new ComprehendClient({ region: 'eu-west-1', credentials }),
      bedrock: new BedrockRuntimeClient({ region: 'eu-west-1', credentials }),
      openSearchCredentials: () => Promise.resolve(credentials),
      openSearchSend: recordingConnection(requests, () => ({ status: 200 })),
    });

    // Assess
    expect(Object.keys(overrides).sort()).toEqual(['classifier', 'piiDetector', 'searchIndex', 'summariser', 'textExtractor']);
    // Born-digital PDFs keep their text layer; the rest goes to Textract.
    await expect(overrides.textExtractor?.()).resolves.toBeInstanceOf(TextLayerFirstExtractor);
    await expect(overrides.piiDetector?.()).resolves.toBeInstanceOf(ComprehendPiiDetector);
    await expect(overrides.classifier?.()).resolves.toBeInstanceOf(ComprehendClassifier);
    await expect(overrides.summariser?.()).resolves.toBeInstanceOf(BedrockSummariser);
    const searchIndex = await overrides.searchIndex?.();
    expect(searchIndex).toBeInstanceOf(OpenSearchSearchIndex);
    expect(await overrides.searchIndex?.()).toBe(searchIndex);
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(['HEAD /docs-v1']);
    expect(requests[0]?.headers.authorization).toMatch(/\/eu-west-1\/es\/aws4_request/);
    await searchIndex?.close();
  });

  it('adds only the classifier when just an endpoint ARN is set', () => {
    const overrides = awsAdapterOverrides(loadAwsAdapterSettings({ DOCPIPE_CLASSIFIER_ENDPOINT_ARN: ENDPOINT_ARN }));

    expect(Object.keys(overrides)).toEqual(['classifier']);
  });
});

describe('memoiseUntilRejected', () => {
  it('creates once and hands back the same value', async () => {
    let made = 0;
    const get = memoiseUntilRejected(() => Promise.resolve(++made));

    await get();
    await get();

    await expect(get()).resolves.toBe(1);
  });

  it('tries again after a failed creation instead of keeping the failure', async () => {
    let attempts = 0;
    const get = memoiseUntilRejected(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('throttled at start-up');
      return 'ready';
    });

    await expect(get()).rejects.toThrow('throttled at start-up');
    await expect(get()).resolves.toBe('ready');
    expect(attempts).toBe(2);
  });
});
