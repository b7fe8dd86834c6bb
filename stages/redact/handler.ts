import { s3ObjectStore } from '../../shared/aws/s3-objects.js';
import { createLambdaHandler } from '../../shared/runtime/lambda.js';
import { redactStage } from './redact.js';

/** Lambda entry for the `Redact` Task state of statemachine/pipeline.asl.json. */
export const handler = createLambdaHandler({ state: 'Redact', task: redactStage, stores: { objects: s3ObjectStore } });
