import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOpenSearchClient, openSearchPath } from '../../../shared/adapters/aws/opensearch-client.js';
import { OpenSearchConnectionError, OpenSearchResponseError, openSearchError } from '../../../shared/adapters/aws/opensearch-errors.js';

interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** An HTTP server on the loopback interface standing in for OpenSearch, answering each request with `answer`. */
async function standIn(answer: (request: Received, response: ServerResponse) => void): Promise<{ endpoint: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(entry);
      answer(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' };
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function clientFor(answer: (request: Received, response: ServerResponse) => void, requestTimeoutMs?: number) {
  const stand = await standIn(answer);
  servers.push(stand.server);
  const client = createOpenSearchClient({ endpoint: stand.endpoint, region: 'eu-west-1', service: 'aoss', getCredentials: () => Promise.resolve(credentials), requestTimeoutMs });
  return { client, received: stand.received };
}

describe('the OpenSearch client over HTTP', () => {
  it('sends a signed JSON request and parses the answer', async () => {
    const { client, received } = await clientFor((_request, response) => {
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ result: 'created' }));
    });

    const response = await client.request({ method: 'PUT', path: openSearchPath('documents', '_doc', 'doc 1'), body: { documentId: 'doc 1' } });
    await client.close();

    expect(response).toEqual({ statusCode: 201, body: { result: 'created' } });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'PUT', path: '/documents/_doc/doc%201', body: '{"documentId":"doc 1"}' });
    expect(received[0]?.headers).toMatchObject({
      'content-type': 'application/json',
      'content-length': '22',
      'x-amz-security-token': 'token',
      'x-amz-date': expect.stringMatching(/^\d{8}T\d{6}Z$/),
      'x-amz-content-sha256': expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(received[0]?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/aoss\/aws4_request, /);
  });

  it('sends bulk lines as NDJSON, one object a line', async () => {
    const { client, received } = await clientFor((_request, response) => response.writeHead(200).end('{"errors":false,"items":[]}'));

    await client.request({ method: 'POST', path: '/_bulk', ndjson: [{ index: { _id: 'a' } }, { text: 'x' }] });
    await client.close();

    expect(received[0]?.headers['content-type']).toBe('application/x-ndjson');
    expect(received[0]?.body).toBe('{"index":{"_id":"a"}}\n{"text":"x"}\n');
  });

  it('rejects an answer of 300 or more with its status and body, which map to docpipe\'s errors', async () => {
    const { client } = await clientFor((request, response) => {
      if (request.method === 'HEAD') response.writeHead(404).end();
      else response.writeHead(429).end(JSON.stringify({ error: { type: 'too_many_requests', reason: 'slow down' }, status: 429 }));
    });

    const missing = client.request({ method: 'HEAD', path: '/documents' });
    const throttled = client.request({ method: 'POST', path: '/documents/_search', body: {} });

    await expect(missing).rejects.toMatchObject({ name: 'OpenSearchResponseError', statusCode: 404, body: undefined });
    const error = await throttled.catch((caught: unknown) => caught);
    await client.close();
    expect(error).toBeInstanceOf(OpenSearchResponseError);
    expect(openSearchError(error, 'Searching')).toMatchObject({ name: 'ThrottlingError', message: expect.stringMatching(/too_many_requests: slow down/) });
  });

  it('gives up on a request without an answer in time, as a connection error that is worth retrying', async () => {
    const { client } = await clientFor(() => undefined, 100);

    const error = await client.request({ method: 'GET', path: '/' }).catch((caught: unknown) => caught);
    await client.close();

    expect(error).toBeInstanceOf(OpenSearchConnectionError);
    expect(openSearchError(error, 'Reading')).toMatchObject({ name: 'TransientError', retryable: true });
  });
});
