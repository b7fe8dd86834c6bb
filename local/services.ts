import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Worker } from 'node:worker_threads';
import dynalite from 'dynalite';
import { CreateBucketCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { createDynamoClient, createS3Client } from '../shared/aws/clients.js';
import { LOCAL_NAMES, type DataPaths } from './paths.js';

/**
 * The local S3 as the rest of the runtime sees it: emits `event` with s3rver's notification (`{ Records: [...] }`) for
 * every object written, and tells the address it listens on.
 */
export class LocalS3 extends EventEmitter {
  constructor(readonly httpServer: { address(): AddressInfo }) {
    super();
  }
}

/** s3rver and dynalite on 127.0.0.1, data on disk under the data folder, in a thread of their own. */
export interface EmbeddedServices {
  readonly s3Endpoint: string;
  readonly dynamoEndpoint: string;
  /** Emits `event` with S3 notification records for every object written. */
  readonly s3: LocalS3;
  /** Resolves once every S3 event of a request already answered has been emitted by `s3`. */
  flushEvents(): Promise<void>;
  close(): Promise<void>;
}

export interface ServicePorts {
  /** 0 picks a free port. */
  readonly s3Port: number;
  readonly dynamoPort: number;
  /** Told when the emulators' thread stops while the runtime still needs it. */
  readonly onFailure?: (error: Error) => void;
}

const LOOPBACK = '127.0.0.1';

/** What the emulator thread (emulator-thread.mjs) posts. */
type ThreadMessage =
  | { readonly type: 'ready'; readonly s3Address: AddressInfo; readonly dynamoAddress: AddressInfo }
  | { readonly type: 'failed'; readonly service: 's3' | 'dynamodb'; readonly message: string }
  | { readonly type: 'event'; readonly notification: unknown }
  | { readonly type: 'flushed'; readonly id: number }
  | { readonly type: 'closed' };

const SERVICE_NAMES = { s3: 'S3 (s3rver)', dynamodb: 'DynamoDB (dynalite)' } as const;

/** Waits for the emulator thread's `ready`, rejecting with the failing service's name and port. */
function untilReady(worker: Worker, ports: ServicePorts): Promise<Extract<ThreadMessage, { type: 'ready' }>> {
  return new Promise((resolve, reject) => {
    // Only this function's own listeners are removed: Worker counts its `message` listeners to ref its port.
    const settle = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (message: ThreadMessage): void => {
      if (message.type === 'ready') {
        settle();
        resolve(message);
      } else if (message.type === 'failed') {
        settle();
        const port = message.service === 's3' ? ports.s3Port : ports.dynamoPort;
        reject(new Error(`Could not start the local ${SERVICE_NAMES[message.service]} on ${LOOPBACK}:${port}: ${message.message}`));
      }
    };
    // A server's own `error` event (a port in use) ends the thread with that error.
    const onError = (error: Error): void => {
      settle();
      reject(new Error(`Could not start the local S3 and DynamoDB on ${LOOPBACK}: ${error.message}`, { cause: error }));
    };
    const onExit = (code: number): void => {
      settle();
      reject(new Error(`The local S3 and DynamoDB thread stopped while starting (exit code ${code})`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

/**
 * Starts s3rver and dynalite in a worker thread (local/emulator-thread.mjs). They are the same servers on the same
 * loopback ports the SDK clients talk to over HTTP; only their work moves off the thread that runs the state machine
 * and the stages, which was the runtime's bottleneck on a two-core machine. s3rver's events, emitted in its thread,
 * are forwarded and emitted by `s3` here.
 */
export async function startEmbeddedServices(paths: DataPaths, ports: ServicePorts): Promise<EmbeddedServices> {
  const worker = new Worker(new URL('./emulator-thread.mjs', import.meta.url), {
    workerData: { address: LOOPBACK, s3Port: ports.s3Port, dynamoPort: ports.dynamoPort, s3Directory: paths.s3, dynamoDirectory: paths.dynamodb },
  });
  const ready = await untilReady(worker, ports).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });

  const s3 = new LocalS3({ address: () => ready.s3Address });
  const flushes = new Map<number, () => void>();
  let nextFlush = 0;
  let closed: (() => void) | undefined;
  let closing = false;
  let exited = false;
  worker.on('message', (message: ThreadMessage) => {
    if (message.type === 'event') s3.emit('event', message.notification);
    else if (message.type === 'flushed') {
      flushes.get(message.id)?.();
      flushes.delete(message.id);
    } else if (message.type === 'closed') closed?.();
  });
  worker.on('error', (error) => ports.onFailure?.(error));
  worker.on('exit', (code) => {
    exited = true;
    for (const resolve of flushes.values()) resolve();
    flushes.clear();
    closed?.();
    if (!closing) ports.onFailure?.(new Error(`The local S3 and DynamoDB thread stopped (exit code ${code})`));
  });

  return {
    s3Endpoint: `http://${LOOPBACK}:${ready.s3Address.port}`,
    dynamoEndpoint: `http://${LOOPBACK}:${ready.dynamoAddress.port}`,
    s3,
    flushEvents() {
      if (closing || exited) return Promise.resolve();
      const id = nextFlush++;
      return new Promise<void>((resolve) => {
        flushes.set(id, resolve);
        worker.postMessage({ type: 'flush', id });
      });
    },
    async close() {
      if (closing) return;
      closing = true;
      if (exited) return;
      await new Promise<void>((resolve) => {
        closed = resolve;
        worker.postMessage({ type: 'close' });
      });
      await worker.terminate();
    },
  };
}

/** Only dynalite, for commands that read records while no `docpipe up` is running. */
export async function startRecordsOnly(paths: DataPaths): Promise<{ dynamoEndpoint: string; close(): Promise<void> }> {
  const dynamo = dynalite({ path: paths.dynamodb, createTableMs: 0 });
  await listen(dynamo, 0);
  return {
    dynamoEndpoint: `http://${LOOPBACK}:${(dynamo.address() as AddressInfo).port}`,
    close: async () => {
      const closing = new Promise<void>((resolve) => dynamo.close(() => resolve()));
      dynamo.closeAllConnections();
      await closing;
    },
  };
}

/** Points the AWS SDK at the local services (the same variables work for any SDK client in this process). */
export function useLocalEndpoints(endpoints: { s3Endpoint?: string; dynamoEndpoint?: string }): void {
  if (endpoints.s3Endpoint) process.env.AWS_ENDPOINT_URL_S3 = endpoints.s3Endpoint;
  if (endpoints.dynamoEndpoint) process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoints.dynamoEndpoint;
  // Clients on these loopback endpoints sign with the emulators' own credentials (shared/aws/clients.ts).
  process.env.AWS_REGION ??= LOCAL_NAMES.region;
}

/** Creates the buckets and the table when missing (idempotent). */
export async function provisionLocalResources(): Promise<void> {
  const s3 = createS3Client();
  for (const bucket of [LOCAL_NAMES.uploadBucket, LOCAL_NAMES.derivedBucket]) {
    try {
      await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    } catch {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    }
  }
  s3.destroy();
  await ensureTable(LOCAL_NAMES.table);
}

export async function ensureTable(tableName: string): Promise<void> {
  const db = createDynamoClient();
  try {
    await db.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await createTable(db, tableName);
  } finally {
    db.destroy();
  }
}

/** Creates the table and waits until it is ACTIVE (dynalite answers requests on a CREATING table with not found). */
async function createTable(db: ReturnType<typeof createDynamoClient>, tableName: string): Promise<void> {
  await db.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const described = await db.send(new DescribeTableCommand({ TableName: tableName }));
    if (described.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`The local table ${tableName} did not become active`);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
