import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from './dynamodb-local.js';

/** AWS's DynamoDB Local for the whole run of the `dynamodb-local` project; each test file makes its own table in it. */
export default async function setup(project: TestProject) {
  const engine = await startDynamoDbLocal();
  project.provide('dynamodbEndpoint', engine.endpoint);
  project.provide('dynamodbEngine', 'dynamodb-local');
  return () => engine.close();
}
