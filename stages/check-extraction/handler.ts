import { createLambdaHandler } from '../../shared/runtime/lambda.js';

/** Lambda entry for the `CheckExtraction` Task state of statemachine/pipeline.asl.json. */
export const handler = createLambdaHandler('CheckExtraction');
