import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import S3rver from 's3rver';
import dynalite from 'dynalite';
import { CreateBucketCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { createDynamoClient, createS3Client } from '../shared/aws/clients.js';
import { LOCAL_NAMES, type DataPaths } from './paths.js';

/** s3rver and dynalite on 127.0.0.1, data on disk under the data folder. */
export interface EmbeddedServices {
  readonly s3Endpoint: string;
  readonly dynamoEndpoint: string;
  /** Emits `event` with S3 notification records for every object written. */
  readonly s3: S3rver;
  close(): Promise<void>;
}

export interface ServicePorts {
  /** 0 picks a free port. */
  readonly s3Port: number;
  readonly dynamoPort: number;
}

const LOOPBACK = '127.0.0.1';

export async function startEmbeddedServices(paths: DataPaths, ports: ServicePorts): Promise<EmbeddedServices> {
  const s3 = new S3rver({ address: LOOPBACK, port: ports.s3Port, silent: true, directory: paths.s3, allowMismatchedSignatures: true, vhostBuckets: false });
  let s3Address: { port: number };
  try {
    s3Address = await s3.run();
  } catch (error) {
    throw new Error(`Could not start the local S3 (s3rver) on ${LOOPBACK}:${ports.s3Port}: ${describe(error)}`, { cause: error });
  }
  const dynamo = dynalite({ path: paths.dynamodb, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  try {
    await listen(dynamo, ports.dynamoPort);
  } catch (error) {
    await s3.close();
    throw new Error(`Could not start the local DynamoDB (dynalite) on ${LOOPBACK}:${ports.dynamoPort}: ${describe(error)}`, { cause: error });
  }
  const dynamoPort = (dynamo.address() as AddressInfo).port;
  return {
    s3Endpoint: `http://${LOOPBACK}:${s3Address.port}`,
    dynamoEndpoint: `http://${LOOPBACK}:${dynamoPort}`,
    s3,
    async close() {
      const closing = Promise.allSettled([s3.close(), new Promise<void>((resolve) => dynamo.close(() => resolve()))]);
      // Idle keep-alive sockets of SDK clients still alive in this process would hold the servers open.
      s3.httpServer?.closeAllConnections();
      dynamo.closeAllConnections();
      await closing;
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
