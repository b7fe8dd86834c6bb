import { s3ObjectStore } from '../../shared/aws/s3-objects.js';
import { dynamoRecordStore } from '../../shared/records/dynamo-records.js';
import { createLambdaHandler } from '../../shared/runtime/lambda.js';
import { storeStage } from './store.js';

/** Lambda entry for the `Store` Task state of statemachine/pipeline.asl.json. */
export const handler = createLambdaHandler({ state: 'Store', task: storeStage, stores: { objects: s3ObjectStore, records: dynamoRecordStore } });
