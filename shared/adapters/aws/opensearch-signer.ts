import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';

/** AWS credentials as the SDK's providers return them. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

/** An HTTP request about to be sent: its URL holds the path and query string as they go on the wire. */
export interface HttpRequest {
  readonly method: string;
  readonly url: URL;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface SigningScope {
  readonly region: string;
  /** The signing name, e.g. `aoss` for OpenSearch Serverless, `es` for an OpenSearch Service domain. */
  readonly service: string;
}

/** The headers to send a request with: its own, plus those signing adds and `authorization`. */
export type SignRequest = (request: HttpRequest, signingDate?: Date) => Promise<Readonly<Record<string, string>>>;

/** Each query parameter's values, decoded, as the signer takes them (it encodes and sorts them itself). */
function queryOf(url: URL): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const name of new Set(url.searchParams.keys())) query[name] = url.searchParams.getAll(name);
  return query;
}

/**
 * Signs requests with AWS Signature Version 4 through the SDK's own signer (@smithy/signature-v4, which the SDK
 * clients in every stage bundle already carry), hashing with the SDK's own Node SHA-256. Beside the request's own headers (all signed), the returned headers
 * hold `host`, `x-amz-date`, `x-amz-content-sha256` (the payload's hash, which OpenSearch Serverless requires, sent
 * to a managed domain too), `x-amz-security-token` when the credentials have a session token, and `authorization`.
 * `credentials` is called for each request (the SDK's providers cache them).
 */
export function requestSigner(scope: SigningScope, credentials: () => Promise<AwsCredentials>): SignRequest {
  const signer = new SignatureV4({ credentials, region: scope.region, service: scope.service, sha256: Sha256, applyChecksum: true });
  return async (request, signingDate = new Date()) => {
    const { url } = request;
    const signed = await signer.sign(
      {
        method: request.method.toUpperCase(),
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port === '' ? undefined : Number(url.port),
        // As sent, each segment encoded once; the signer encodes it again, as SigV4 asks of every service but S3.
        path: url.pathname,
        query: queryOf(url),
        // The signer signs the host it is given, and adds none: the one the request goes to, port included.
        headers: { ...request.headers, host: url.host },
        body: request.body,
      },
      { signingDate },
    );
    return signed.headers;
  };
}
