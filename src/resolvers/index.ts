import type { Resolvers } from '../generated/resolvers-types.js';
import { Agency, Counter, catalogQueries, Mall, Schedule, Service } from './catalog/catalog.js';
import {
  Complaint,
  ComplaintConnection,
  ComplaintEdge,
  ComplaintEvent,
  complaintMutations,
  complaintQueries,
} from './complaints/complaints.js';
import { queueFieldsOfCatalog, queueMutations, queueQueries, Ticket, TicketEvent } from './queue/queue.js';
import { DateScalar, DateTimeScalar, LocalTimeScalar } from './shared/scalars.js';

/** Every resolver of the schema. */
export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  LocalTime: LocalTimeScalar,
  Query: { ...catalogQueries, ...queueQueries, ...complaintQueries },
  Mutation: { ...queueMutations, ...complaintMutations },
  Mall: { ...Mall, ...queueFieldsOfCatalog.Mall },
  Agency,
  Service: { ...Service, ...queueFieldsOfCatalog.Service },
  Counter: { ...Counter, ...queueFieldsOfCatalog.Counter },
  Schedule,
  Ticket,
  TicketEvent,
  Complaint,
  ComplaintEvent,
  ComplaintConnection,
  ComplaintEdge,
};
