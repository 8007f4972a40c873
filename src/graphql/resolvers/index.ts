import { DateTimeScalar, PartialDateScalar } from '../scalars.js';
import { Mutation } from './mutation.js';
import { Query } from './query.js';
import { types } from './types.js';

/** Every resolver of the schema. */
export const resolvers = {
  PartialDate: PartialDateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  ...types,
};
