import { createHash } from 'node:crypto';
import { requestSigner, type AwsCredentials, type HttpRequest, type SigningScope } from '../../../shared/adapters/aws/opensearch-signer.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session/token+=' };
const aoss: SigningScope = { region: 'eu-west-1', service: 'aoss' };
const now = new Date('2015-08-30T12:36:00Z');
const COLLECTION = 'https://abc123.eu-west-1.aoss.amazonaws.com';

function request(method: string, url: string, body = '', headers: Record<string, string> = {}): HttpRequest {
  return { method, url: new URL(url), headers, body };
}

function sign(unsigned: HttpRequest, scope: SigningScope = aoss, keys: AwsCredentials = credentials, date: Date = now) {
  return requestSigner(scope, () => Promise.resolve(keys))(unsigned, date);
}

const signature = (headers: Readonly<Record<string, string>>) => /Signature=([0-9a-f]{64})$/.exec(headers.authorization ?? '')?.[1];
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('requestSigner', () => {
  // AWS's published SigV4 example for a GET Object with a Range header (Amazon S3 API reference, "Signature
  // calculations for the Authorization header: transferring payload in a single chunk"). Its path needs no encoding,
  // so S3's single encoding and every other service's double encoding agree.
  it("gives AWS's published example request its published signature", async () => {
    const headers = await sign(
      request('GET', 'https://examplebucket.s3.amazonaws.com/test.txt', '', { range: 'bytes=0-9' }),
      { region: 'us-east-1', service: 's3' },
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      new Date('2013-05-24T00:00:00Z'),
    );

    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers['x-amz-content-sha256']).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  // Signatures an independent implementation, botocore 1.43.11's SigV4Auth (Python), gives the same requests at the
  // same time with the same credentials (and the same x-amz-content-sha256 header).
  it.each([
    [
      'a document',
      aoss,
      request('PUT', `${COLLECTION}/documents/_doc/doc-1`, '{"documentId":"doc-1"}', { 'content-type': 'application/json' }),
      'AKIDEXAMPLE/20150830/eu-west-1/aoss/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=bdcc0122ab073936a9d18e3694562e0b426e1ccc8d2079910af9691f79904b62',
    ],
    [
      'a bulk write',
      aoss,
      request('POST', `${COLLECTION}/_bulk`, '{"index":{"_id":"a"}}\n{"text":"two  spaces"}\n', { 'content-type': 'application/x-ndjson' }),
      'AKIDEXAMPLE/20150830/eu-west-1/aoss/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=9a4457478cc188926eb67ee3368fda6f4e2a7caba3c357906ecebbc73050a984',
    ],
    [
      'an id that needs encoding (encoded again for the signature)',
      aoss,
      request('PUT', `${COLLECTION}/documents/_doc/${encodeURIComponent("a b/c*'!é")}`, '{}', { 'content-type': 'application/json' }),
      'AKIDEXAMPLE/20150830/eu-west-1/aoss/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=5877492c73a13280ced9b21b7ce8ad5980c65224296cc81f2f476feedb51d5ca',
    ],
    [
      'an index check on an endpoint with a port',
      aoss,
      request('HEAD', 'http://127.0.0.1:9200/documents'),
      'AKIDEXAMPLE/20150830/eu-west-1/aoss/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=cbdda328c33c8e9c5a497fa89659115c8995ac3b839edbfa14fcc867bdec442a',
    ],
  ])('signs %s as botocore does', async (_what, scope, unsigned, expected) => {
    expect((await sign(unsigned, scope)).authorization).toBe(`AWS4-HMAC-SHA256 Credential=${expected}`);
  });

  it('signs a search with a query string for a managed domain (es) as botocore does', async () => {
    const unsigned = request('POST', 'https://search-x.eu-west-1.es.amazonaws.com/documents/_search?size=5&from=0&q=a%20b', '{}', { 'content-type': 'application/json' });

    const headers = await sign(unsigned, { region: 'eu-west-1', service: 'es' }, { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey });

    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/es/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=c1071f8f3eb7f8d781b9921db195703e122195707f3901d2280bbd7b152cc360',
    );
  });

  it('returns the request headers with host, date, payload hash, session token and authorization, and no others', async () => {
    const headers = await sign(request('PUT', `${COLLECTION}/documents/_doc/doc-1`, '{"a":1}', { 'content-type': 'application/json' }));

    expect(Object.keys(headers).sort()).toEqual(['authorization', 'content-type', 'host', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-security-token']);
    expect(headers).toMatchObject({
      host: 'abc123.eu-west-1.aoss.amazonaws.com',
      'x-amz-date': '20150830T123600Z',
      'x-amz-content-sha256': sha256('{"a":1}'),
      'x-amz-security-token': 'session/token+=',
      'content-type': 'application/json',
    });
  });

  it('changes the signature with the body, a header, the path, the time, the secret and the service', async () => {
    const base = signature(await sign(request('PUT', `${COLLECTION}/d/_doc/1`, '{}', { 'content-type': 'application/json' })));

    const variants = [
      await sign(request('PUT', `${COLLECTION}/d/_doc/1`, '{ }', { 'content-type': 'application/json' })),
      await sign(request('PUT', `${COLLECTION}/d/_doc/1`, '{}', { 'content-type': 'application/x-ndjson' })),
      await sign(request('PUT', `${COLLECTION}/d/_doc/2`, '{}', { 'content-type': 'application/json' })),
      await sign(request('PUT', `${COLLECTION}/d/_doc/1`, '{}', { 'content-type': 'application/json' }), aoss, credentials, new Date('2015-08-30T12:36:01Z')),
      await sign(request('PUT', `${COLLECTION}/d/_doc/1`, '{}', { 'content-type': 'application/json' }), aoss, { ...credentials, secretAccessKey: 'other' }),
      await sign(request('PUT', `${COLLECTION}/d/_doc/1`, '{}', { 'content-type': 'application/json' }), { region: 'eu-west-1', service: 'es' }),
    ].map(signature);

    expect(base).toMatch(/^[0-9a-f]{64}$/);
    for (const variant of variants) expect(variant).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  it('leaves the session token out for long-term credentials', async () => {
    const headers = await sign(request('HEAD', `${COLLECTION}/documents`), aoss, { accessKeyId: 'AKID', secretAccessKey: 'secret' });

    expect(headers).not.toHaveProperty('x-amz-security-token');
    expect(headers.authorization).toContain('SignedHeaders=host;x-amz-content-sha256;x-amz-date,');
  });

  it('asks for credentials for each request, so that rotated ones are used', async () => {
    const issued = [
      { accessKeyId: 'ASIAFIRST', secretAccessKey: 'one', sessionToken: 'first-token' },
      { accessKeyId: 'ASIASECOND', secretAccessKey: 'two', sessionToken: 'second-token' },
    ];
    let calls = 0;
    const signRequest = requestSigner(aoss, () => Promise.resolve(issued[Math.min(calls++, issued.length - 1)] ?? credentials));

    const first = await signRequest(request('HEAD', `${COLLECTION}/documents`), now);
    const second = await signRequest(request('HEAD', `${COLLECTION}/documents`), now);

    expect(calls).toBe(2);
    expect([first['x-amz-security-token'], second['x-amz-security-token']]).toEqual(['first-token', 'second-token']);
    expect(first.authorization).toContain('Credential=ASIAFIRST/20150830/');
    expect(second.authorization).toContain('Credential=ASIASECOND/20150830/');
  });
});
