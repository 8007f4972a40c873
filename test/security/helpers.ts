import type { Context } from 'aws-lambda';
import { expect } from 'vitest';
import type { GraphqlHandler } from '../../src/handlers/graphql-handler.js';
import { createApiKey } from '../../src/store/api-keys.js';
import type { Db } from '../../src/store/db.js';
import { v2Event } from '../support/events.js';
import type { GraphqlResponse } from '../support/gateway.js';

/** The source every fact written by these tests cites (from the article's dataset). */
export const ARTICLE_SOURCE = 'source:article-putin-pezeshkian-ashgabat-2024-10-11';
export const PUTIN = 'leader:vladimir-putin';

const lambdaContext = { awsRequestId: 'security-test', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

/** Sends one operation to a handler as API Gateway would, and reads the answer. */
export async function send<T = Record<string, unknown>>(
  handler: GraphqlHandler,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<T> & { raw: string }> {
  const result = await handler(
    v2Event({
      body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
      headers: { 'content-type': 'application/json', ...headers },
    }),
    lambdaContext,
  );
  const raw = result.body ?? '';
  return { status: result.statusCode ?? 200, headers: (result.headers ?? {}) as Record<string, string>, raw, ...JSON.parse(raw || '{}') };
}

/** An editor's and a reader's key, made in the table as the keys CLI makes them. */
export async function createKeys(db: Db): Promise<{ editor: string; reader: string; editorId: string }> {
  const editor = await createApiKey(db, 'security tests', 'editor');
  const reader = await createApiKey(db, 'security tests', 'reader');
  return { editor: editor.key, reader: reader.key, editorId: editor.apiKey.id };
}

/** The header that presents a key. */
export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** The code of the only error of an answer that must have failed. */
export function codeOf(response: GraphqlResponse<unknown>): unknown {
  expect(response.errors, `expected an error, got ${JSON.stringify(response.data)}`).toHaveLength(1);
  return response.errors?.[0]?.extensions?.code;
}

/** The data of an answer that must have succeeded. */
export function dataOf<T>(response: GraphqlResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  expect(response.status).toBe(200);
  return response.data as T;
}
