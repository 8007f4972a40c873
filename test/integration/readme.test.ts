import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../support/gateway.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const EXAMPLES = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] as string);

/** Whether an answer holds at least one non-empty list or object beyond nulls. */
function hasContent(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.some(hasContent);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasContent);
  return value !== null && value !== undefined;
}

describe('README: example queries', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await createTestGateway();
  });

  it('has examples to run', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(6);
  });

  it.each(EXAMPLES.map((query, i) => [i + 1, query]))('example %i answers with data and no error', async (_, query) => {
    const answer = await gateway.query(query as string);
    expect(answer.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    for (const [field, value] of Object.entries(answer.data ?? {})) expect(hasContent(value), field).toBe(true);
  });
});
