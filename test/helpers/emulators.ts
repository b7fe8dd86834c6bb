import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../shared/aws/clients.js';
import { dataPaths, ensureDataDirs } from '../../local/paths.js';
import { provisionLocalResources, startEmbeddedServices, useLocalEndpoints, type EmbeddedServices } from '../../local/services.js';

export interface TestEmulators {
  /** The temporary data folder the emulators keep their files in. */
  readonly dir: string;
  readonly services: EmbeddedServices;
  /** An S3 client on the local S3, with the buckets provisioned. */
  readonly s3: S3Client;
  /** Stops the emulators, removes the data folder and puts the endpoint variables back as they were. */
  stop(): Promise<void>;
}

const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL_DYNAMODB'] as const;

/** The local S3 and DynamoDB emulators on free ports in a temporary folder, the process's endpoints pointing at them. */
export async function startTestEmulators(prefix: string): Promise<TestEmulators> {
  const saved = ENDPOINT_VARIABLES.map((name) => [name, process.env[name]] as const);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const paths = dataPaths(dir);
  ensureDataDirs(paths);
  const services = await startEmbeddedServices(paths, { s3Port: 0, dynamoPort: 0 });
  useLocalEndpoints(services);
  await provisionLocalResources();
  const s3 = createS3Client();
  return {
    dir,
    services,
    s3,
    stop: async () => {
      s3.destroy();
      await services.close();
      rmSync(dir, { recursive: true, force: true });
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    },
  };
}
