import { s3ObjectStore } from '../../shared/aws/s3-objects.js';
import { dynamoRecordStore } from '../../shared/records/dynamo-records.js';
import { createLambdaHandler } from '../../shared/runtime/lambda.js';
import { ingestStage } from './ingest.js';

/** Lambda entry for the `Ingest` Task state of statemachine/pipeline.asl.json. */
export const handler = createLambdaHandler({ state: 'Ingest', task: ingestStage, stores: { objects: s3ObjectStore, records: dynamoRecordStore } });
