import type { Resolvers } from '../generated/resolvers-types.js';
import { Agency, Counter, catalogQueries, Mall, Schedule, Service } from './catalog.js';
import { DateScalar, DateTimeScalar, LocalTimeScalar } from './scalars.js';

/** Every resolver of the schema. */
export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  LocalTime: LocalTimeScalar,
  Query: { ...catalogQueries },
  Mall,
  Agency,
  Service,
  Counter,
  Schedule,
};
