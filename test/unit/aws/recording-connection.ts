import type { SendRequest } from '../../../shared/adapters/aws/opensearch-client.js';

/** A request as the OpenSearch client would have sent it, signed. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query string. */
  readonly path: string;
  readonly body: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface CannedResponse {
  readonly status: number;
  /** JSON body; omitted for an empty body (HEAD). */
  readonly body?: unknown;
}

/**
 * Stands in for the network under the OpenSearch client: requests arrive signed exactly as they would be sent, and
 * are recorded and answered with canned responses.
 */
export function recordingConnection(recorded: RecordedRequest[], respond: (request: RecordedRequest) => CannedResponse): SendRequest {
  return (request) => {
    const entry: RecordedRequest = { method: request.method, path: `${request.url.pathname}${request.url.search}`, body: request.body, headers: { ...request.headers } };
    recorded.push(entry);
    const canned = respond(entry);
    return Promise.resolve({ statusCode: canned.status, body: canned.body === undefined ? '' : JSON.stringify(canned.body) });
  };
}
