import { RecentObjects } from '../aws/recent-objects.js';
import { s3ObjectStore } from '../aws/s3-objects.js';
import { dynamoRecordStore } from '../records/dynamo-records.js';
import type { StageStores } from './stage-deps.js';

/**
 * Both stores, for a runtime that runs every stage in one process (the local runtime, `docpipe eval`). Its object
 * store keeps the objects it last wrote or read in memory (RecentObjects), so a stage reading what the stage before it
 * wrote (the extracted pages, read by Classify, Redact and Summarise) or what Ingest just hashed (the upload, read by
 * ExtractText) does not fetch it back from S3; every object is still written to S3.
 */
export const AWS_STORES: StageStores = {
  objects: (instrument) => s3ObjectStore(instrument, new RecentObjects()),
  records: dynamoRecordStore,
};
