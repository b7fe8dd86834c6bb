import { RecentObjects } from '../aws/recent-objects.js';
import { s3ObjectStore } from '../aws/s3-objects.js';
import { dynamoRecordStore } from '../records/dynamo-records.js';
import type { StageStores } from './stage-deps.js';

export interface AwsStoresOptions {
  /**
   * Keep the objects last written or read in memory (RecentObjects, default true), so a stage reading what the stage
   * before it wrote (the extracted pages, read by Classify, Redact and Summarise) or what Ingest just hashed (the
   * upload, read by ExtractText) does not fetch it back from S3; every object is still written to S3. Off to make
   * every read a Lambda function would make on AWS (the cost benchmark counts them).
   */
  readonly recentObjects?: boolean;
}

/** Both stores, for a runtime that runs every stage in one process (the local runtime, `docpipe eval`). */
export function awsStores(options: AwsStoresOptions = {}): StageStores {
  return {
    objects: (instrument) => s3ObjectStore(instrument, options.recentObjects === false ? undefined : new RecentObjects()),
    records: dynamoRecordStore,
  };
}

export const AWS_STORES: StageStores = awsStores();
