import { s3ObjectStore } from '../../shared/aws/s3-objects.js';
import { createLambdaHandler } from '../../shared/runtime/lambda.js';
import { checkExtractionStage } from './check-extraction.js';

/** Lambda entry for the `CheckExtraction` Task state of statemachine/pipeline.asl.json. */
export const handler = createLambdaHandler({ state: 'CheckExtraction', task: checkExtractionStage, stores: { objects: s3ObjectStore } });
