import { s3ObjectStore } from '../aws/s3-objects.js';
import { dynamoRecordStore } from '../records/dynamo-records.js';
import type { StageStores } from './stage-deps.js';

/** Both stores, for a runtime that runs every stage in one process (the local runtime, `docpipe eval`). */
export const AWS_STORES: StageStores = { objects: s3ObjectStore, records: dynamoRecordStore };
