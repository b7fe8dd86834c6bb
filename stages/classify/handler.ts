import { s3ObjectStore } from '../../shared/aws/s3-objects.js';
import { createLambdaHandler } from '../../shared/runtime/lambda.js';
import { classifyStage } from './classify.js';

/** Lambda entry for the `Classify` Task state of statemachine/pipeline.asl.json. */
export const handler = createLambdaHandler({ state: 'Classify', task: classifyStage, stores: { objects: s3ObjectStore } });
