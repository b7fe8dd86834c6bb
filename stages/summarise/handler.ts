import { s3ObjectStore } from '../../shared/aws/s3-objects.js';
import { createLambdaHandler } from '../../shared/runtime/lambda.js';
import { summariseStage } from './summarise.js';

/** Lambda entry for the `Summarise` Task state of statemachine/pipeline.asl.json. */
export const handler = createLambdaHandler({ state: 'Summarise', task: summariseStage, stores: { objects: s3ObjectStore } });
