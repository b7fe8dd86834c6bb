import * as v from 'valibot';
import { ConfigurationError } from '../../errors.js';
import { describeIssues, integerFromText } from '../../contracts/validate.js';
import type { OpenSearchService } from './opensearch-client.js';

/** Which adapter serves each port on AWS, and what the AWS ones need. Read once at start-up. */
/**
 * A current, inexpensive Bedrock model for summaries (Amazon Nova Lite through its US cross-region inference profile),
 * used where a deployment or `--providers aws` names none.
 */
export const DEFAULT_BEDROCK_MODEL_ID = 'us.amazon.nova-lite-v1:0';

export interface AwsAdapterSettings {
  readonly textExtractor: 'embedded' | 'textract';
  /** With Textract: `first` keeps born-digital PDFs' own text layers (no Textract cost); `never` sends every PDF. */
  readonly pdfTextLayer: 'first' | 'never';
  readonly piiDetector: 'embedded' | 'comprehend';
  /** Comprehend custom classifier endpoint; absent means the embedded classifier. */
  readonly classifierEndpointArn: string | undefined;
  readonly summariser: 'embedded' | 'bedrock';
  /** Set when the summariser is bedrock. */
  readonly bedrock: { readonly modelId: string; readonly maxInputChars: number } | undefined;
  readonly search: 'embedded' | 'opensearch';
  /** Set when the search index is opensearch. */
  readonly openSearch:
    | { readonly endpoint: string; readonly service: OpenSearchService; readonly index: string; readonly region: string }
    | undefined;
  readonly comprehendLanguage: 'en' | 'es';
}

const trimmed = v.pipe(v.string(), v.trim(), v.minLength(1));

const envSchema = v.object({
  /** `textract` or `embedded` (default). */
  DOCPIPE_TEXT_EXTRACTOR: v.optional(v.picklist(['embedded', 'textract']), 'embedded'),
  /** `first` (default): PDFs whose every page has a usable text layer skip Textract; `never`: Textract reads every PDF. */
  DOCPIPE_PDF_TEXT_LAYER: v.optional(v.picklist(['first', 'never']), 'first'),
  /** `comprehend` or `embedded` (default). Comprehend PII is the largest variable cost of a page. */
  DOCPIPE_PII_DETECTOR: v.optional(v.picklist(['embedded', 'comprehend']), 'embedded'),
  /** ARN of a Comprehend custom classifier endpoint; unset means the embedded classifier. */
  DOCPIPE_CLASSIFIER_ENDPOINT_ARN: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^arn:aws[a-z-]*:comprehend:[a-z0-9-]+:\d{12}:document-classifier-endpoint\/.+$/u, 'must be a Comprehend document classifier endpoint ARN'),
    ),
  ),
  /** `bedrock` or `embedded` (default). */
  DOCPIPE_SUMMARISER: v.optional(v.picklist(['embedded', 'bedrock']), 'embedded'),
  /** Bedrock model or inference profile id. Required when DOCPIPE_SUMMARISER=bedrock. */
  DOCPIPE_BEDROCK_MODEL_ID: v.optional(trimmed),
  /** Characters of text per Bedrock request; longer documents are summarised in parts. Default 60,000. */
  DOCPIPE_BEDROCK_MAX_INPUT_CHARS: v.optional(v.pipe(integerFromText(), v.minValue(1000)), 60_000),
  /** `opensearch` or `embedded` (default). */
  DOCPIPE_SEARCH: v.optional(v.picklist(['embedded', 'opensearch']), 'embedded'),
  /** Collection or domain endpoint. Required when DOCPIPE_SEARCH=opensearch. */
  DOCPIPE_OPENSEARCH_ENDPOINT: v.optional(trimmed),
  /** `aoss` (Serverless) or `es` (managed domain); inferred from an `*.aoss.amazonaws.com` / `*.es.amazonaws.com` endpoint. */
  DOCPIPE_OPENSEARCH_SERVICE: v.optional(v.picklist(['aoss', 'es'])),
  /** Index name. Default `documents`. */
  DOCPIPE_OPENSEARCH_INDEX: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{0,254}$/u, 'must be a lowercase OpenSearch index name')),
    'documents',
  ),
  /** Language for Comprehend PII detection: `en` (default) or `es`. */
  DOCPIPE_COMPREHEND_LANGUAGE: v.optional(v.picklist(['en', 'es']), 'en'),
  AWS_REGION: v.optional(trimmed),
  AWS_DEFAULT_REGION: v.optional(trimmed),
});

/** `https://` added to a bare host name; the URL must parse. */
function endpointUrl(endpoint: string): string {
  const withScheme = /^https?:\/\//u.test(endpoint) ? endpoint : `https://${endpoint}`;
  try {
    return new URL(withScheme).origin;
  } catch {
    throw new ConfigurationError(`Invalid docpipe configuration: DOCPIPE_OPENSEARCH_ENDPOINT: not a URL (${endpoint})`);
  }
}

/** The service and region an AWS OpenSearch endpoint names: `<id>.<region>.aoss.amazonaws.com` or `search-<d>.<region>.es.amazonaws.com`. */
function endpointParts(endpoint: string): { service?: OpenSearchService; region?: string } {
  const host = new URL(endpoint).hostname;
  const match = /\.([a-z0-9-]+)\.(aoss|es)\.amazonaws\.com$/u.exec(host);
  if (match === null) return {};
  return { region: match[1], service: match[2] === 'aoss' ? 'aoss' : 'es' };
}

/**
 * Reads and validates the adapter settings from the environment. A missing or malformed setting is a
 * ConfigurationError naming the variable; settings of an adapter not chosen are not required.
 */
export function loadAwsAdapterSettings(env: NodeJS.ProcessEnv = process.env): AwsAdapterSettings {
  // An empty variable counts as unset (templates often render an absent value as '').
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = v.safeParse(envSchema, present);
  if (!parsed.success) throw new ConfigurationError(`Invalid docpipe configuration: ${describeIssues(parsed.issues)}`);
  const e = parsed.output;
  const missing = (variable: string, when: string): never => {
    throw new ConfigurationError(`Invalid docpipe configuration: ${variable} must be set when ${when}`);
  };

  let bedrock: AwsAdapterSettings['bedrock'];
  if (e.DOCPIPE_SUMMARISER === 'bedrock') {
    bedrock = {
      modelId: e.DOCPIPE_BEDROCK_MODEL_ID ?? missing('DOCPIPE_BEDROCK_MODEL_ID', 'DOCPIPE_SUMMARISER=bedrock'),
      maxInputChars: e.DOCPIPE_BEDROCK_MAX_INPUT_CHARS,
    };
  }

  let openSearch: AwsAdapterSettings['openSearch'];
  if (e.DOCPIPE_SEARCH === 'opensearch') {
    const endpoint = endpointUrl(e.DOCPIPE_OPENSEARCH_ENDPOINT ?? missing('DOCPIPE_OPENSEARCH_ENDPOINT', 'DOCPIPE_SEARCH=opensearch'));
    const inferred = endpointParts(endpoint);
    openSearch = {
      endpoint,
      service:
        e.DOCPIPE_OPENSEARCH_SERVICE ??
        inferred.service ??
        missing('DOCPIPE_OPENSEARCH_SERVICE', 'the endpoint is not an *.aoss.amazonaws.com or *.es.amazonaws.com name'),
      index: e.DOCPIPE_OPENSEARCH_INDEX,
      // The endpoint's own region signs its requests; AWS_REGION serves a custom endpoint name.
      region: inferred.region ?? e.AWS_REGION ?? e.AWS_DEFAULT_REGION ?? missing('AWS_REGION', 'DOCPIPE_SEARCH=opensearch'),
    };
  }

  return {
    textExtractor: e.DOCPIPE_TEXT_EXTRACTOR,
    pdfTextLayer: e.DOCPIPE_PDF_TEXT_LAYER,
    piiDetector: e.DOCPIPE_PII_DETECTOR,
    classifierEndpointArn: e.DOCPIPE_CLASSIFIER_ENDPOINT_ARN,
    summariser: e.DOCPIPE_SUMMARISER,
    bedrock,
    search: e.DOCPIPE_SEARCH,
    openSearch,
    comprehendLanguage: e.DOCPIPE_COMPREHEND_LANGUAGE,
  };
}
