import type { TestProject } from 'vitest/node';
import { startEngine } from '../../src/dev/engine.js';

/** One embedded engine for the whole run; each test file makes its own table in it. */
export default async function setup(project: TestProject) {
  const engine = await startEngine();
  project.provide('dynamodbEndpoint', engine.endpoint);
  project.provide('dynamodbEngine', 'dynalite');
  return () => engine.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    /** Which implementation of DynamoDB the tests run against. */
    dynamodbEngine: 'dynalite' | 'dynamodb-local';
  }
}
