import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { OpenSearchConnectionError, OpenSearchResponseError } from './opensearch-errors.js';
import { requestSigner, type AwsCredentials, type HttpRequest, type SignRequest } from './opensearch-signer.js';

export type { AwsCredentials, HttpRequest } from './opensearch-signer.js';

/** `aoss` for an OpenSearch Serverless collection, `es` for a managed OpenSearch Service domain. */
export type OpenSearchService = 'aoss' | 'es';

/** A response as it came back: its status and its body's text. */
export interface HttpResponse {
  readonly statusCode: number;
  readonly body: string;
}

/** Sends a signed request and resolves with the response, whatever its status; rejects only when none came. */
export type SendRequest = (request: HttpRequest, timeoutMs: number) => Promise<HttpResponse>;

export interface OpenSearchClientOptions {
  /** Collection or domain endpoint, e.g. `https://abc123.eu-west-1.aoss.amazonaws.com`. */
  readonly endpoint: string;
  readonly region: string;
  readonly service: OpenSearchService;
  /** Where signing credentials come from; called before each request (the SDK's providers cache them). */
  readonly getCredentials: () => Promise<AwsCredentials>;
  /** Sends the signed requests (tests record them instead). @default HTTPS with keep-alive connections */
  readonly send?: SendRequest;
  /** @default 30000 */
  readonly requestTimeoutMs?: number;
}

/** One request to OpenSearch: a JSON body, or NDJSON lines (bulk). */
export interface OpenSearchRequest {
  readonly method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  /** Path and query string, each path segment already encoded (see `openSearchPath`). */
  readonly path: string;
  readonly body?: unknown;
  /** Objects sent one per line (`application/x-ndjson`), for `_bulk`. */
  readonly ndjson?: readonly unknown[];
}

/** A response with a status below 300, its JSON body parsed (undefined when empty, as for HEAD). */
export interface OpenSearchResponse<T = unknown> {
  readonly statusCode: number;
  readonly body: T;
}

/** A path from segments, each encoded: `openSearchPath('documents', '_doc', id)` → `/documents/_doc/<id>`. */
export function openSearchPath(...segments: readonly string[]): string {
  return `/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Sends over HTTP(S) with keep-alive agents (one per scheme), reading the whole response body. */
function nodeSender(): { send: SendRequest; close: () => void } {
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  const send: SendRequest = (request, timeoutMs) =>
    new Promise<HttpResponse>((resolve, reject) => {
      const secure = request.url.protocol === 'https:';
      const options = { method: request.method, headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) }, timeout: timeoutMs };
      const onResponse = (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => reject(new OpenSearchConnectionError(`The response broke off: ${error.message}`, { cause: error })));
        response.on('end', () => resolve({ statusCode: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      };
      const outgoing = secure
        ? httpsRequest(request.url, { ...options, agent: agents.https }, onResponse)
        : httpRequest(request.url, { ...options, agent: agents.http }, onResponse);
      outgoing.on('timeout', () => outgoing.destroy(new OpenSearchConnectionError(`No response within ${timeoutMs} ms`)));
      outgoing.on('error', (error) =>
        reject(error instanceof OpenSearchConnectionError ? error : new OpenSearchConnectionError(error.message, { cause: error })),
      );
      outgoing.end(request.body);
    });
  return {
    send,
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/**
 * A client for the few OpenSearch REST calls the search index makes, each request signed with SigV4 for the
 * collection's or domain's service. It replaces the OpenSearch JavaScript client, whose generated API for every
 * OpenSearch endpoint (about 250 KB minified, plus its JSON parser) Store would load on its first document for five
 * calls. A status of 300 or more rejects with OpenSearchResponseError; no response, with OpenSearchConnectionError.
 */
export class OpenSearchClient {
  private readonly endpoint: URL;
  private readonly options: OpenSearchClientOptions;
  private readonly sender: { send: SendRequest; close: () => void };
  private readonly sign: SignRequest;

  constructor(options: OpenSearchClientOptions) {
    this.options = options;
    this.endpoint = new URL(options.endpoint);
    this.sign = requestSigner({ region: options.region, service: options.service }, options.getCredentials);
    this.sender = options.send ? { send: options.send, close: () => undefined } : nodeSender();
  }

  async request<T = unknown>(request: OpenSearchRequest): Promise<OpenSearchResponse<T>> {
    const body =
      request.ndjson !== undefined ? request.ndjson.map((line) => `${JSON.stringify(line)}\n`).join('') : request.body === undefined ? '' : JSON.stringify(request.body);
    const contentType = request.ndjson !== undefined ? 'application/x-ndjson' : 'application/json';
    const unsigned: HttpRequest = {
      method: request.method,
      url: new URL(request.path, this.endpoint),
      headers: body === '' ? {} : { 'content-type': contentType },
      body,
    };
    const headers = await this.sign(unsigned);
    const response = await this.sender.send({ ...unsigned, headers }, this.options.requestTimeoutMs ?? 30_000);
    const parsed = parseBody(response.body);
    if (response.statusCode < 200 || response.statusCode >= 300) throw new OpenSearchResponseError(request.method, request.path, response.statusCode, parsed);
    return { statusCode: response.statusCode, body: parsed as T };
  }

  /** Closes the kept-alive connections. */
  close(): Promise<void> {
    this.sender.close();
    return Promise.resolve();
  }
}

/** An OpenSearch client whose every request is signed with SigV4 for the collection's or domain's service. */
export function createOpenSearchClient(options: OpenSearchClientOptions): OpenSearchClient {
  return new OpenSearchClient(options);
}
