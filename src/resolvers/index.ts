import type { Resolvers } from '../generated/resolvers-types.js';
import { AuditEntry, adminMutations, adminQueries, MachineClient } from './admin/admin.js';
import {
  Appointment,
  AppointmentConnection,
  AppointmentEdge,
  bookingFieldsOfOthers,
  bookingMutations,
  bookingQueries,
  Slot,
} from './booking/booking.js';
import { Agency, Counter, catalogQueries, Mall, Schedule, Service } from './catalog/catalog.js';
import {
  Complaint,
  ComplaintConnection,
  ComplaintEdge,
  ComplaintEvent,
  complaintMutations,
  complaintQueries,
} from './complaints/complaints.js';
import {
  figuresFieldsOfCatalog,
  figuresMutations,
  ServiceDayFigures,
  SurveyReceipt,
} from './figures/figures.js';
import {
  Queue,
  queueFieldsOfCatalog,
  queueMutations,
  queueQueries,
  Ticket,
  TicketEvent,
} from './queue/queue.js';
import { DateScalar, DateTimeScalar, LocalTimeScalar } from './shared/scalars.js';

/** Every resolver of the schema. */
export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  LocalTime: LocalTimeScalar,
  Query: { ...catalogQueries, ...queueQueries, ...complaintQueries, ...bookingQueries, ...adminQueries },
  Mutation: {
    ...queueMutations,
    ...figuresMutations,
    ...complaintMutations,
    ...bookingMutations,
    ...adminMutations,
  },
  Mall: { ...Mall, ...queueFieldsOfCatalog.Mall, ...figuresFieldsOfCatalog.Mall },
  Agency: { ...Agency, ...figuresFieldsOfCatalog.Agency },
  Service: { ...Service, ...queueFieldsOfCatalog.Service, ...bookingFieldsOfOthers.Service },
  Counter: { ...Counter, ...queueFieldsOfCatalog.Counter },
  Schedule,
  ServiceDayFigures,
  SurveyReceipt,
  Ticket: { ...Ticket, ...bookingFieldsOfOthers.Ticket },
  TicketEvent,
  Queue,
  Complaint,
  ComplaintEvent,
  ComplaintConnection,
  ComplaintEdge,
  Slot,
  Appointment,
  AppointmentConnection,
  AppointmentEdge,
  AuditEntry,
  MachineClient,
};
