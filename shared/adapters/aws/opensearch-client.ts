import { Client, type Connection } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';

/** `aoss` for an OpenSearch Serverless collection, `es` for a managed OpenSearch Service domain. */
export type OpenSearchService = 'aoss' | 'es';

/** AWS credentials as the SDK's providers return them. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

export interface OpenSearchClientOptions {
  /** Collection or domain endpoint, e.g. `https://abc123.eu-west-1.aoss.amazonaws.com`. */
  readonly endpoint: string;
  readonly region: string;
  readonly service: OpenSearchService;
  /** Where signing credentials come from; called again before they expire. */
  readonly getCredentials: () => Promise<AwsCredentials>;
  /** Wraps the signing connection class (tests pass a subclass that records requests instead of sending them). */
  readonly connection?: (signed: typeof Connection) => typeof Connection;
  /** @default 30000 */
  readonly requestTimeoutMs?: number;
}

/** An OpenSearch client whose every request is signed with SigV4 for the collection's or domain's service. */
export function createOpenSearchClient(options: OpenSearchClientOptions): Client {
  const signer = AwsSigv4Signer({
    region: options.region,
    service: options.service,
    getCredentials: async () => {
      const { accessKeyId, secretAccessKey, sessionToken, expiration } = await options.getCredentials();
      return { accessKeyId, secretAccessKey, sessionToken, expiration };
    },
  });
  return new Client({
    ...signer,
    Connection: options.connection ? options.connection(signer.Connection) : signer.Connection,
    node: options.endpoint,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
  });
}
