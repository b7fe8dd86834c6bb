import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { EMULATOR_CREDENTIALS, isLoopback } from './emulator-endpoint.js';

/**
 * The S3 client the stages use. The endpoint comes from the SDK's own `AWS_ENDPOINT_URL_S3` setting, so the same code
 * reaches AWS on Lambda and s3rver locally. A loopback endpoint is an emulator: it gets the emulators' placeholder
 * credentials, so real credentials in the environment stay for the real services (`--providers aws`).
 */
export function createS3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  return new S3Client(s3ClientConfig(env));
}

/**
 * The settings createS3Client gives its client, as plain data (a worker thread that uploads as a separate client
 * builds its own client from them).
 */
export function s3ClientConfig(env: NodeJS.ProcessEnv = process.env): S3ClientConfig {
  const endpoint = env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
  const local = isLoopback(endpoint);
  return {
    // A local endpoint (s3rver) has no virtual-hosted bucket names.
    forcePathStyle: endpoint !== undefined,
    ...(local ? { credentials: EMULATOR_CREDENTIALS } : {}),
    // s3rver stores streamed uploads with checksum trailers as corrupt objects; send checksums only when required.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}
