import type { ClientRequest, IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { Connection } from '@opensearch-project/opensearch';

/** A request as the signed connection would have sent it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query string. */
  readonly path: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface CannedResponse {
  readonly status: number;
  /** JSON body; omitted for an empty body (HEAD). */
  readonly body?: unknown;
}

type RequestParams = Parameters<Connection['request']>[0];
type RequestCallback = Parameters<Connection['request']>[1];

function headerValues(headers: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return result;
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = String(value);
  return result;
}

function bodyText(body: RequestParams['body']): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  return '[stream]';
}

/**
 * Wraps the SigV4 signing connection so that requests are signed exactly as they would be, then recorded and
 * answered with canned responses instead of going to the network.
 */
export function recordingConnection(
  recorded: RecordedRequest[],
  respond: (request: RecordedRequest) => CannedResponse,
): (signed: typeof Connection) => typeof Connection {
  return (Signed) =>
    class RecordingConnection extends Signed {
      override request(params: RequestParams, callback: RequestCallback): ClientRequest {
        const built = this.buildRequestObject(params);
        const request: RecordedRequest = {
          method: String(params.method),
          path: String(built.path ?? `${String(params.path)}${params.querystring ? `?${params.querystring}` : ''}`),
          body: bodyText(params.body),
          headers: headerValues(built.headers),
        };
        recorded.push(request);
        const canned = respond(request);
        const payload = canned.body === undefined ? '' : JSON.stringify(canned.body);
        const response = Object.assign(Readable.from(payload === '' ? [] : [Buffer.from(payload)]), {
          statusCode: canned.status,
          headers: { 'content-type': 'application/json; charset=UTF-8', 'content-length': String(Buffer.byteLength(payload)) },
        });
        process.nextTick(() => callback(null, response as unknown as IncomingMessage));
        return { abort: () => undefined } as unknown as ClientRequest;
      }
    };
}
