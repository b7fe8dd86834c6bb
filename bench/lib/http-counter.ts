/**
 * Counts the S3 and DynamoDB requests this process sends to the local emulators, through Node's built-in HTTP
 * diagnostics channels, and estimates what they would bill on AWS: S3 PUT-class and GET-class requests, DynamoDB
 * write and read request units.
 *
 * DynamoDB units are estimated from sizes on the wire: a write from its request body (1 unit per started KB; the
 * request's JSON is a little larger than the item it writes), a read from its response body (1 unit per started
 * 4 KB for a strongly consistent read, which is what the records use, half for an eventually consistent one is not
 * distinguished).
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import { ClientRequest, IncomingMessage } from 'node:http';

export interface StorageRequestCounts {
  readonly s3Puts: number;
  readonly s3Gets: number;
  readonly dynamoWriteUnits: number;
  readonly dynamoReadUnits: number;
  readonly dynamoRequests: number;
}

const DYNAMO_WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem']);
const DYNAMO_READS = new Set(['GetItem', 'Query', 'Scan']);
const S3_PUT_METHODS = new Set(['PUT', 'POST', 'COPY']);

function isRequestMessage(message: unknown): message is { request: ClientRequest } {
  return typeof message === 'object' && message !== null && 'request' in message && message.request instanceof ClientRequest;
}

function isResponseMessage(message: unknown): message is { request: ClientRequest; response: IncomingMessage } {
  return isRequestMessage(message) && 'response' in message && message.response instanceof IncomingMessage;
}

function portOf(request: ClientRequest): number | undefined {
  const host = request.getHeader('host');
  const match = typeof host === 'string' ? /:(\d+)$/u.exec(host) : null;
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function dynamoOperation(request: ClientRequest): string {
  const target = request.getHeader('x-amz-target');
  return typeof target === 'string' ? (target.split('.').pop() ?? '') : '';
}

function headerBytes(value: string | number | string[] | undefined): number {
  const bytes = Number(Array.isArray(value) ? value[0] : value);
  return Number.isFinite(bytes) ? bytes : 0;
}

export class StorageRequestCounter {
  private counts = { s3Puts: 0, s3Gets: 0, dynamoWriteUnits: 0, dynamoReadUnits: 0, dynamoRequests: 0 };
  private readonly onRequest = (message: unknown): void => this.request(message);
  private readonly onResponse = (message: unknown): void => this.response(message);

  constructor(
    private readonly s3Port: number,
    private readonly dynamoPort: number,
  ) {
    diagnosticsChannel.subscribe('http.client.request.start', this.onRequest);
    diagnosticsChannel.subscribe('http.client.response.finish', this.onResponse);
  }

  /** The counts so far. */
  snapshot(): StorageRequestCounts {
    return { ...this.counts };
  }

  close(): void {
    diagnosticsChannel.unsubscribe('http.client.request.start', this.onRequest);
    diagnosticsChannel.unsubscribe('http.client.response.finish', this.onResponse);
  }

  private request(message: unknown): void {
    if (!isRequestMessage(message)) return;
    const { request } = message;
    const port = portOf(request);
    if (port === this.s3Port) {
      if (S3_PUT_METHODS.has(request.method)) this.counts.s3Puts += 1;
      else this.counts.s3Gets += 1;
    } else if (port === this.dynamoPort) {
      const operation = dynamoOperation(request);
      if (operation === '') return;
      this.counts.dynamoRequests += 1;
      if (DYNAMO_WRITES.has(operation)) {
        this.counts.dynamoWriteUnits += Math.max(1, Math.ceil(headerBytes(request.getHeader('content-length')) / 1024));
      }
    }
  }

  private response(message: unknown): void {
    if (!isResponseMessage(message)) return;
    const { request, response } = message;
    if (portOf(request) !== this.dynamoPort || !DYNAMO_READS.has(dynamoOperation(request))) return;
    this.counts.dynamoReadUnits += Math.max(1, Math.ceil(headerBytes(response.headers['content-length']) / 4096));
  }
}

/** The difference of two snapshots. */
export function storageDelta(after: StorageRequestCounts, before: StorageRequestCounts): StorageRequestCounts {
  return {
    s3Puts: after.s3Puts - before.s3Puts,
    s3Gets: after.s3Gets - before.s3Gets,
    dynamoWriteUnits: after.dynamoWriteUnits - before.dynamoWriteUnits,
    dynamoReadUnits: after.dynamoReadUnits - before.dynamoReadUnits,
    dynamoRequests: after.dynamoRequests - before.dynamoRequests,
  };
}
