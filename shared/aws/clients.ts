/**
 * The AWS SDK clients, for code that uses both (the local runtime, its commands, tests). A stage's Lambda bundle
 * imports only the client module it needs (s3-client.ts, dynamo-client.ts), so a stage that never reads records
 * carries no DynamoDB client.
 */
export { createS3Client } from './s3-client.js';
export { createDocumentClient, createDynamoClient } from './dynamo-client.js';
