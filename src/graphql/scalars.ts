import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isPartialDate } from '../domain/partial-date.js';

function partialDate(value: unknown): string {
  if (typeof value !== 'string' || !isPartialDate(value)) {
    throw new GraphQLError('PartialDate must be a date like "2022", "2022-07" or "2024-10-11"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** PartialDate: validated on the way in, passed through on the way out. */
export const PartialDateScalar = new GraphQLScalarType({
  name: 'PartialDate',
  serialize: (value) => String(value),
  parseValue: partialDate,
  parseLiteral: (ast) => partialDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function dateTime(value: unknown): string {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError('DateTime must be an ISO 8601 UTC timestamp', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/** DateTime: an ISO 8601 UTC instant. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: dateTime,
  parseLiteral: (ast) => dateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
