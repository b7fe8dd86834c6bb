import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EMULATOR_CREDENTIALS, isLoopback } from './emulator-endpoint.js';

/**
 * The DynamoDB client the stages use. The endpoint comes from the SDK's own `AWS_ENDPOINT_URL_DYNAMODB` setting, so the
 * same code reaches AWS on Lambda and dynalite locally; a loopback endpoint gets the emulators' placeholder credentials.
 */
export function createDynamoClient(env: NodeJS.ProcessEnv = process.env): DynamoDBClient {
  const local = isLoopback(env.AWS_ENDPOINT_URL_DYNAMODB ?? env.AWS_ENDPOINT_URL);
  return new DynamoDBClient(local ? { credentials: EMULATOR_CREDENTIALS } : {});
}

export function createDocumentClient(env: NodeJS.ProcessEnv = process.env): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createDynamoClient(env), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
