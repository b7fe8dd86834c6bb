import { s3ObjectStore } from '../../shared/aws/s3-objects.js';
import { createLambdaHandler } from '../../shared/runtime/lambda.js';
import { extractTextStage } from './extract-text.js';

/** Lambda entry for the `ExtractText` Task state of statemachine/pipeline.asl.json. */
export const handler = createLambdaHandler({ state: 'ExtractText', task: extractTextStage, stores: { objects: s3ObjectStore } });
