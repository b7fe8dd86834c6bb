import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { ComprehendClient } from '@aws-sdk/client-comprehend';
import type { TextractClient } from '@aws-sdk/client-textract';
import type { Classifier } from '../../ports/classifier.js';
import type { PiiDetector } from '../../ports/pii-detector.js';
import type { SearchIndex } from '../../ports/search-index.js';
import type { Summariser } from '../../ports/summariser.js';
import type { TextExtractor } from '../../ports/text-extractor.js';
import type { AdapterOverrides } from '../../runtime/stage-deps.js';
import type { AwsAdapterSettings } from './aws-settings.js';
import { memoiseUntilRejected } from './memoise-until-rejected.js';
import type { AwsCredentials, SendRequest } from './opensearch-client.js';
import type { TextLayerReader } from './text-layer-first.js';

/** Clients and credentials the AWS adapters use; each defaults to one built with the SDK's default settings. */
export interface AwsAdapterClients {
  readonly textract?: TextractClient;
  readonly comprehend?: ComprehendClient;
  readonly bedrock?: BedrockRuntimeClient;
  /** Credentials that sign OpenSearch requests (default: the SDK's Node.js default provider chain). */
  readonly openSearchCredentials?: () => Promise<AwsCredentials>;
  /** Wraps every SDK client the adapters create (X-Ray capture on Lambda). */
  readonly instrument?: <C extends object>(client: C) => C;
  /** Sends the OpenSearch adapter's signed requests instead of HTTPS (tests). */
  readonly openSearchSend?: SendRequest;
}

function instrumented<C extends object>(clients: AwsAdapterClients, client: C): C {
  return clients.instrument ? clients.instrument(client) : client;
}

async function defaultCredentials(): Promise<() => Promise<AwsCredentials>> {
  const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
  return fromNodeProviderChain();
}

async function textractExtractor(pdfTextLayer: AwsAdapterSettings['pdfTextLayer'], clients: AwsAdapterClients): Promise<TextExtractor> {
  const [{ TextractClient }, { TextractTextExtractor }, { TextLayerFirstExtractor }] = await Promise.all([
    import('@aws-sdk/client-textract'),
    import('./textract-text-extractor.js'),
    import('./text-layer-first.js'),
  ]);
  const textract = new TextractTextExtractor({ client: clients.textract ?? instrumented(clients, new TextractClient({})) });
  return pdfTextLayer === 'never' ? textract : new TextLayerFirstExtractor(textract, readTextLayersIfAvailable);
}

/**
 * The embedded PDF text-layer reader. A deployment whose bundle leaves the PDF library out gets `complete: false`
 * for every PDF, so Textract reads them all.
 */
const readTextLayersIfAvailable: TextLayerReader = async (bytes, options) => {
  let reader: TextLayerReader;
  try {
    ({ readPdfTextLayers: reader } = await import('../embedded/text-extractor/index.js'));
  } catch {
    return { pages: [], complete: false };
  }
  return reader(bytes, options);
};

async function comprehendPiiDetector(languageCode: 'en' | 'es', clients: AwsAdapterClients): Promise<PiiDetector> {
  const [{ ComprehendClient }, { ComprehendPiiDetector }] = await Promise.all([
    import('@aws-sdk/client-comprehend'),
    import('./comprehend-pii-detector.js'),
  ]);
  return new ComprehendPiiDetector({ client: clients.comprehend ?? instrumented(clients, new ComprehendClient({})), languageCode });
}

async function comprehendClassifier(endpointArn: string, clients: AwsAdapterClients): Promise<Classifier> {
  const [{ ComprehendClient }, { ComprehendClassifier }] = await Promise.all([
    import('@aws-sdk/client-comprehend'),
    import('./comprehend-classifier.js'),
  ]);
  return new ComprehendClassifier({ client: clients.comprehend ?? instrumented(clients, new ComprehendClient({})), endpointArn });
}

async function bedrockSummariser(
  bedrock: NonNullable<AwsAdapterSettings['bedrock']>,
  clients: AwsAdapterClients,
): Promise<Summariser> {
  const [{ BedrockRuntimeClient }, { BedrockSummariser }] = await Promise.all([
    import('@aws-sdk/client-bedrock-runtime'),
    import('./bedrock-summariser.js'),
  ]);
  return BedrockSummariser.create({
    client: clients.bedrock ?? instrumented(clients, new BedrockRuntimeClient({})),
    modelId: bedrock.modelId,
    maxInputChars: bedrock.maxInputChars,
  });
}

async function openSearchIndex(
  openSearch: NonNullable<AwsAdapterSettings['openSearch']>,
  clients: AwsAdapterClients,
): Promise<SearchIndex> {
  const [{ createOpenSearchClient }, { OpenSearchSearchIndex }] = await Promise.all([
    import('./opensearch-client.js'),
    import('./opensearch-search-index.js'),
  ]);
  const client = createOpenSearchClient({
    endpoint: openSearch.endpoint,
    region: openSearch.region,
    service: openSearch.service,
    getCredentials: clients.openSearchCredentials ?? (await defaultCredentials()),
    send: clients.openSearchSend,
  });
  const index = new OpenSearchSearchIndex({ client, index: openSearch.index });
  await index.ensureIndex();
  return index;
}

/**
 * The ports served by AWS services according to the settings, as the lazy factories buildStageDeps takes. Only
 * non-embedded choices get an entry, so the embedded adapters stay the default. Each adapter module and SDK client
 * is loaded on first use, so a stage loads only what it calls; a failed creation is tried again on the next call.
 * The OpenSearch index is created on first use when missing, as the embedded index is.
 */
export function awsAdapterOverrides(settings: AwsAdapterSettings, clients: AwsAdapterClients = {}): AdapterOverrides {
  const { classifierEndpointArn, bedrock, openSearch, comprehendLanguage } = settings;
  return {
    ...(settings.textExtractor === 'textract' && { textExtractor: memoiseUntilRejected(() => textractExtractor(settings.pdfTextLayer, clients)) }),
    ...(settings.piiDetector === 'comprehend' && {
      piiDetector: memoiseUntilRejected(() => comprehendPiiDetector(comprehendLanguage, clients)),
    }),
    ...(classifierEndpointArn !== undefined && {
      classifier: memoiseUntilRejected(() => comprehendClassifier(classifierEndpointArn, clients)),
    }),
    ...(bedrock !== undefined && { summariser: memoiseUntilRejected(() => bedrockSummariser(bedrock, clients)) }),
    ...(openSearch !== undefined && { searchIndex: memoiseUntilRejected(() => openSearchIndex(openSearch, clients)) }),
  };
}
