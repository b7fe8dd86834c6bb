import { dynamoRecordStore } from '../../shared/records/dynamo-records.js';
import { createLambdaHandler } from '../../shared/runtime/lambda.js';
import { recordFailureStage } from './record-failure.js';

/** Lambda entry for the `RecordFailure` Task state of statemachine/pipeline.asl.json. */
export const handler = createLambdaHandler({ state: 'RecordFailure', task: recordFailureStage, stores: { records: dynamoRecordStore } });
