import { createHash, createHmac } from 'node:crypto';

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

const ALGORITHM = 'AWS4-HMAC-SHA256';

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function hmac(key: Buffer | string, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}

/** RFC 3986 encoding: encodeURIComponent, plus the four characters it leaves alone that SigV4 wants encoded. */
function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The canonical path of a request to any service but S3: the path as sent (each segment already encoded once) with
 * each segment encoded again, after removing empty, `.` and `..` segments.
 */
function canonicalPath(pathname: string): string {
  const segments: string[] = [];
  for (const segment of pathname.split('/').slice(1)) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(encodeRfc3986(segment));
  }
  const trailing = pathname.length > 1 && pathname.endsWith('/') ? '/' : '';
  return `/${segments.join('/')}${segments.length > 0 ? trailing : ''}`;
}

/** The canonical query string: each name and value decoded, encoded per RFC 3986, sorted by name, then value. */
function canonicalQuery(url: URL): string {
  return [...url.searchParams.entries()]
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
    .sort(([nameA, valueA], [nameB, valueB]) => (nameA === nameB ? (valueA < valueB ? -1 : 1) : nameA < nameB ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** `20150830T123600Z` and `20150830` for a time. */
function stamps(now: Date): { amzDate: string; day: string } {
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return { amzDate, day: amzDate.slice(0, 8) };
}

/**
 * Signs a request with AWS Signature Version 4 (the algorithm the SDK signs with, written out for the few requests
 * the OpenSearch adapter sends): the request's headers plus `host`, `x-amz-date`, `x-amz-content-sha256` (the payload's
 * hash, which OpenSearch Serverless requires), `x-amz-security-token` when the credentials have a session token, and
 * `authorization`. Every header given is signed.
 */
export function signRequest(request: HttpRequest, credentials: AwsCredentials, scope: SigningScope, now: Date): Record<string, string> {
  const { amzDate, day } = stamps(now);
  const headers: Record<string, string> = {
    ...request.headers,
    host: request.url.host,
    'x-amz-date': amzDate,
    'x-amz-content-sha256': sha256Hex(request.body),
    ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
  };
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((name) => `${name}:${(headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalPath(request.url.pathname),
    canonicalQuery(request.url),
    canonicalHeaders,
    signedHeaders,
    headers['x-amz-content-sha256'],
  ].join('\n');
  const credentialScope = `${day}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), scope.region), scope.service), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  return {
    ...headers,
    authorization: `${ALGORITHM} Credential=${credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
