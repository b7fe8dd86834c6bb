import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { signRequest, type HttpRequest } from '../../../shared/adapters/aws/sigv4.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session/token+=' };
const scope = { region: 'eu-west-1', service: 'aoss' };
const now = new Date('2015-08-30T12:36:00Z');
const ENDPOINT = 'https://abc123.eu-west-1.aoss.amazonaws.com';

function bytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}

/** SHA-256 (or its HMAC) with the interface the SDK's signer takes. */
class NodeSha256 {
  private readonly hash: Hash | Hmac;

  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }

  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }

  reset(): void {}
}

function request(method: string, path: string, body = '', contentType?: string): HttpRequest {
  return { method, url: new URL(`${ENDPOINT}${path}`), headers: contentType ? { 'content-type': contentType } : {}, body };
}

/** The signature the AWS SDK's own signer (the one the SDK clients sign with) gives the same request. */
async function sdkSignature(unsigned: HttpRequest): Promise<string> {
  const signer = new SignatureV4({ credentials, region: scope.region, service: scope.service, sha256: NodeSha256 });
  const query: Record<string, string> = {};
  unsigned.url.searchParams.forEach((value, name) => {
    query[name] = value;
  });
  const signed = await signer.sign(
    {
      method: unsigned.method,
      protocol: unsigned.url.protocol,
      hostname: unsigned.url.hostname,
      path: unsigned.url.pathname,
      query,
      headers: { ...unsigned.headers, host: unsigned.url.host, 'x-amz-content-sha256': createHash('sha256').update(unsigned.body).digest('hex') },
      body: unsigned.body,
    },
    { signingDate: now },
  );
  return /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))?.[1] ?? '';
}

const signature = (headers: Record<string, string>) => /Signature=([0-9a-f]{64})/.exec(headers.authorization ?? '')?.[1];

describe('signRequest', () => {
  it('signs host, date, payload hash, session token and the given headers, naming the scope', () => {
    const headers = signRequest(request('PUT', '/documents/_doc/doc-1', '{"a":1}', 'application/json'), credentials, scope, now);

    expect(headers).toMatchObject({
      host: 'abc123.eu-west-1.aoss.amazonaws.com',
      'x-amz-date': '20150830T123600Z',
      'x-amz-content-sha256': createHash('sha256').update('{"a":1}').digest('hex'),
      'x-amz-security-token': 'session/token+=',
      'content-type': 'application/json',
    });
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20150830\/eu-west-1\/aoss\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
  });

  it.each([
    ['an index check', request('HEAD', '/documents')],
    ['a document', request('PUT', '/documents/_doc/doc-1', '{"documentId":"doc-1"}', 'application/json')],
    ['a bulk write', request('POST', '/_bulk', '{"index":{"_id":"a"}}\n{"text":"two  spaces"}\n', 'application/x-ndjson')],
    ['a query string', request('POST', '/documents/_search?size=5&from=0&q=a%20b', '{}', 'application/json')],
    ['an id that needs encoding', request('PUT', `/documents/_doc/${encodeURIComponent("a b/c*'!é")}`, '{}', 'application/json')],
  ])('gives %s the signature the AWS SDK\'s signer gives it', async (_what, unsigned) => {
    expect(signature(signRequest(unsigned, credentials, scope, now))).toBe(await sdkSignature(unsigned));
  });

  it('changes the signature with the body, the time and the secret', () => {
    const base = signature(signRequest(request('PUT', '/d/_doc/1', '{}'), credentials, scope, now));

    expect(signature(signRequest(request('PUT', '/d/_doc/1', '{ }'), credentials, scope, now))).not.toBe(base);
    expect(signature(signRequest(request('PUT', '/d/_doc/1', '{}'), credentials, scope, new Date('2015-08-30T12:36:01Z')))).not.toBe(base);
    expect(signature(signRequest(request('PUT', '/d/_doc/1', '{}'), { ...credentials, secretAccessKey: 'other' }, scope, now))).not.toBe(base);
  });

  it('leaves the session token out for long-term credentials', () => {
    const headers = signRequest(request('HEAD', '/documents'), { accessKeyId: 'AKID', secretAccessKey: 'secret' }, scope, now);

    expect(headers).not.toHaveProperty('x-amz-security-token');
    expect(headers.authorization).toContain('SignedHeaders=host;x-amz-content-sha256;x-amz-date,');
  });
});
