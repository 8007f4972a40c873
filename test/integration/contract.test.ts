import { readFileSync } from 'node:fs';
import {
  buildClientSchema,
  buildSchema,
  findBreakingChanges,
  type GraphQLSchema,
  getIntrospectionQuery,
  type IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { createTestGateway } from '../support/gateway.js';

/** The contract clients depend on, copied byte for byte from the shared folder. */
const CONTRACT = readFileSync(new URL('../fixtures/contract.graphql', import.meta.url), 'utf8');
const SCHEMA = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

const describeBreaks = (schema: GraphQLSchema) =>
  findBreakingChanges(buildSchema(CONTRACT), schema).map((c) => `${c.type}: ${c.description}`);

/** Every named thing of the schema that has no description: types, fields, arguments, input fields, enum values. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('Contract', () => {
  it('is the shared contract, kept as a fixture', () => {
    expect(CONTRACT).toContain('type Query');
    expect(CONTRACT.length).toBeGreaterThan(1000);
  });

  it('has no breaking change in schema.graphql', () => {
    expect(describeBreaks(buildSchema(SCHEMA))).toEqual([]);
  });

  it('has no breaking change in the schema the server answers with', async () => {
    // Prepare: what a client sees, by introspection (on in dev)
    const gateway = await createTestGateway({ seed: false });

    // Act
    const response = await gateway.query<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true }));

    // Assess
    expect(response.errors).toBeUndefined();
    const served = buildClientSchema(response.data as IntrospectionQuery);
    expect(describeBreaks(served)).toEqual([]);
    expect(findBreakingChanges(buildSchema(SCHEMA), served).map((c) => c.description)).toEqual([]);
  });

  it('notices a breaking change', () => {
    // The check itself can fail: a contract field removed from the schema is reported.
    const broken = buildSchema(SCHEMA.replace(/\n\s*"Anything by its id; null when there is no such thing."\n\s*node\([^)]*\): Node/, ''));
    expect(describeBreaks(broken)).toContain('FIELD_REMOVED: Query.node was removed.');
  });

  it('describes every type, field, argument and enum value of schema.graphql', () => {
    expect(undescribed(buildSchema(SCHEMA))).toEqual([]);
  });
});
