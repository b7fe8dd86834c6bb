import { createLambdaHandler } from '../../shared/runtime/lambda.js';

/** Lambda entry for the `Ingest` Task state of statemachine/pipeline.asl.json. */
export const handler = createLambdaHandler('Ingest');
