import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the one-machine runtime keeps everything: one folder (default `.docpipe/`). */
export interface DataPaths {
  readonly root: string;
  readonly s3: string;
  readonly dynamodb: string;
  readonly searchIndex: string;
  readonly executions: string;
  readonly logFile: string;
  /** Written by `docpipe up` while it runs: its pid and service endpoints. */
  readonly runtimeFile: string;
}

export function dataPaths(dataDir: string): DataPaths {
  const root = resolve(dataDir);
  return {
    root,
    s3: join(root, 's3'),
    dynamodb: join(root, 'dynamodb'),
    searchIndex: join(root, 'search', 'index.sqlite'),
    executions: join(root, 'executions'),
    logFile: join(root, 'logs', 'docpipe.log'),
    runtimeFile: join(root, 'runtime.json'),
  };
}

export function ensureDataDirs(paths: DataPaths): void {
  for (const dir of [paths.s3, paths.dynamodb, join(paths.searchIndex, '..'), paths.executions, join(paths.logFile, '..')]) {
    mkdirSync(dir, { recursive: true });
  }
}

/** Names of the local bucket and table (the same names the CDK stack's outputs play on AWS). */
export const LOCAL_NAMES = {
  uploadBucket: 'docpipe-uploads',
  derivedBucket: 'docpipe-derived',
  table: 'docpipe-documents',
  region: 'us-east-1',
} as const;
