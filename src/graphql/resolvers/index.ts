import type { Resolvers } from '../resolvers-types.generated.js';
import { DateTimeScalar, PartialDateScalar } from '../scalars.js';
import { schemaDocument } from '../schema.generated.js';
import { fieldNames, lazyResolvers } from './lazy-resolvers.js';
import { Query } from './query.js';
import { types } from './types.js';

/**
 * The mutations, loaded by the first one to run: what only they need (the record validators
 * with zod, the sync pipeline) then stays out of what a cold start compiles to answer a query
 * (bench/README.md, "What changed for performance").
 */
async function loadMutations() {
  const { mutations } = await import('./mutations/index.js');
  return mutations;
}

/** Every resolver of the schema, checked against the types generated from schema.graphql. */
export const resolvers: Resolvers = {
  PartialDate: PartialDateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation: lazyResolvers(fieldNames(schemaDocument, 'Mutation'), loadMutations),
  ...types,
};
