import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The local emulators (s3rver, dynalite) accept this fixed key pair and no real one. */
const EMULATOR_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

function isLoopback(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(endpoint).hostname);
  } catch {
    return false;
  }
}

/**
 * The AWS SDK clients the stages use. Endpoints come from the SDK's own `AWS_ENDPOINT_URL_S3` /
 * `AWS_ENDPOINT_URL_DYNAMODB` settings, so the same code reaches AWS on Lambda and s3rver / dynalite locally. A
 * loopback endpoint is an emulator: it gets the emulators' placeholder credentials, so real credentials in the
 * environment stay for the real services (`--providers aws`).
 */
export function createS3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  const endpoint = env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
  const local = isLoopback(endpoint);
  return new S3Client({
    // A local endpoint (s3rver) has no virtual-hosted bucket names.
    forcePathStyle: endpoint !== undefined,
    ...(local ? { credentials: EMULATOR_CREDENTIALS } : {}),
    // s3rver stores streamed uploads with checksum trailers as corrupt objects; send checksums only when required.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export function createDynamoClient(env: NodeJS.ProcessEnv = process.env): DynamoDBClient {
  const local = isLoopback(env.AWS_ENDPOINT_URL_DYNAMODB ?? env.AWS_ENDPOINT_URL);
  return new DynamoDBClient(local ? { credentials: EMULATOR_CREDENTIALS } : {});
}

export function createDocumentClient(env: NodeJS.ProcessEnv = process.env): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createDynamoClient(env), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
