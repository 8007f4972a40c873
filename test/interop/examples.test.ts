import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../support/gateway.js';

const EXAMPLES = new URL('../../examples/', import.meta.url);

/** Each example: an operation in `<name>.graphql`, its variables in `<name>.variables.json`. */
const examples = readdirSync(EXAMPLES)
  .filter((file) => file.endsWith('.graphql'))
  .sort()
  .map((file) => {
    const name = file.slice(0, -'.graphql'.length);
    const variablesFile = new URL(`${name}.variables.json`, EXAMPLES);
    return {
      name,
      source: readFileSync(new URL(file, EXAMPLES), 'utf8'),
      variables: existsSync(variablesFile) ? (JSON.parse(readFileSync(variablesFile, 'utf8')) as Record<string, unknown>) : null,
    };
  });

/** Every Relay connection (an object with `edges`) anywhere in an answer. */
function connections(value: unknown, path = 'data'): { path: string; edges: unknown[] }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => connections(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const own = Array.isArray((value as { edges?: unknown }).edges) ? [{ path, edges: (value as { edges: unknown[] }).edges }] : [];
  return [...own, ...Object.entries(value).flatMap(([key, child]) => connections(child, `${path}.${key}`))];
}

describe('examples/ for front-end teams', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await createTestGateway();
  });

  it('covers the questions front-ends ask', () => {
    expect(examples.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        'deals-by-supplier-and-recipient',
        'events-with-actors',
        'leader-meetings',
        'leaders-active-on',
        'node-lookup',
        'relations-timeline',
        'search',
      ]),
    );
  });

  describe.each(examples)('$name', ({ source, variables }) => {
    it('is one named operation, with a variables file giving every variable it declares and no other', () => {
      const operations = parse(source).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      expect(operations).toHaveLength(1);
      const [operation] = operations;
      expect(operation?.name?.value).toBeTruthy();
      expect(variables).not.toBeNull();
      const declared = (operation?.variableDefinitions ?? []).map((v) => v.variable.name.value);
      const required = (operation?.variableDefinitions ?? [])
        .filter((v) => v.type.kind === Kind.NON_NULL_TYPE)
        .map((v) => v.variable.name.value);
      expect(Object.keys(variables ?? {}).filter((name) => !declared.includes(name))).toEqual([]);
      expect(required.filter((name) => !(name in (variables ?? {})))).toEqual([]);
    });

    it('answers from the article data without errors, every list non-empty', async () => {
      const res = await gateway.query(source, variables ?? {});
      expect(res.errors).toBeUndefined();
      expect(res.status).toBe(200);
      const data = res.data ?? {};
      expect(Object.keys(data).length).toBeGreaterThan(0);
      for (const [field, value] of Object.entries(data)) {
        expect(value, field).not.toBeNull();
        if (Array.isArray(value)) expect(value.length, field).toBeGreaterThan(0);
      }
      for (const { path, edges } of connections(data)) expect(edges.length, path).toBeGreaterThan(0);
    });
  });
});
