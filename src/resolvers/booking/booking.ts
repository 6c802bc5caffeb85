/**
 * Resolvers of online booking: a service's policy and slots, the citizen's booking, cancel and check-in,
 * the staff's list of a day, and the appointment of a ticket.
 */
import type { GraphQLContext } from '../../app/context.js';
import { bookingPolicyOf } from '../../domain/booking/booking-service.js';
import type {
  AppointmentConnectionResolvers,
  AppointmentEdgeResolvers,
  AppointmentResolvers,
  MutationResolvers,
  QueryResolvers,
  ServiceResolvers,
  SlotResolvers,
  TicketResolvers,
} from '../../generated/resolvers-types.js';
import { pageAfter, pageInfoOf } from '../shared/page-info.js';
import { requiredInMallZone } from '../shared/time.js';

export const bookingQueries: Pick<
  Required<QueryResolvers<GraphQLContext>>,
  'appointment' | 'appointments'
> = {
  appointment: (_p, { code, nikLast4 }, ctx) => ctx.booking.find(code, nikLast4, ctx.now),
  appointments: async (_p, { serviceId, date, first, after }, ctx) =>
    pageAfter(
      await ctx.booking.list(ctx.viewer, serviceId, date, first ?? 20, after ?? null, ctx.now),
      after,
    ),
};

export const bookingMutations: Pick<
  Required<MutationResolvers<GraphQLContext>>,
  'bookAppointment' | 'cancelAppointment' | 'checkInAppointment'
> = {
  bookAppointment: (_p, { input }, ctx) =>
    ctx.booking.book(
      ctx.viewer,
      {
        serviceId: input.serviceId,
        startsAt: input.startsAt,
        nik: input.nik,
        phone: input.phone,
        name: input.name ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
      },
      ctx.now,
    ),
  cancelAppointment: (_p, { code, nikLast4 }, ctx) => ctx.booking.cancel(code, nikLast4, ctx.now),
  checkInAppointment: (_p, { code, nikLast4 }, ctx) =>
    ctx.booking.checkIn(ctx.viewer, code, nikLast4, ctx.now),
};

export const Appointment: AppointmentResolvers<GraphQLContext> = {
  id: (v) => v.appointment.id,
  code: (v) => v.code,
  service: async (v, _a, ctx) => {
    const service = await ctx.catalog.service(v.appointment.serviceId);
    if (!service) throw new Error(`Appointment points at unknown service ${v.appointment.serviceId}`);
    return service;
  },
  startsAt: (v, _a, ctx) => requiredInMallZone(ctx, v.appointment.mallId, v.appointment.startsAt),
  endsAt: (v, _a, ctx) => requiredInMallZone(ctx, v.appointment.mallId, v.appointment.endsAt),
  status: (v) => v.status,
  bookedAt: (v, _a, ctx) => requiredInMallZone(ctx, v.appointment.mallId, v.appointment.bookedAt),
  ticket: (v, _a, ctx) => (v.appointment.ticketId ? ctx.queue.ticket(v.appointment.ticketId) : null),
  nikMasked: (v) => v.nikMasked,
};

export const Slot: SlotResolvers<GraphQLContext> = {
  startsAt: (s, _a, ctx) => requiredInMallZone(ctx, s.mallId, s.startsAt),
  endsAt: (s, _a, ctx) => requiredInMallZone(ctx, s.mallId, s.endsAt),
};

export const AppointmentConnection: AppointmentConnectionResolvers<GraphQLContext> = {
  edges: (page) => page.edges,
  pageInfo: (page) => pageInfoOf(page),
};

export const AppointmentEdge: AppointmentEdgeResolvers<GraphQLContext> = {
  node: (e) => e.node,
  cursor: (e) => e.cursor,
};

/** Fields booking adds to the catalog's Service and the queue's Ticket. */
export const bookingFieldsOfOthers: {
  Service: Pick<ServiceResolvers<GraphQLContext>, 'bookingPolicy' | 'slots'>;
  Ticket: Pick<TicketResolvers<GraphQLContext>, 'appointment'>;
} = {
  Service: {
    bookingPolicy: (service) => bookingPolicyOf(service),
    slots: (service, { date }, ctx) => ctx.booking.slots(service, date, ctx.now),
  },
  Ticket: { appointment: (ticket, _a, ctx) => ctx.booking.ofTicket(ctx.viewer, ticket, ctx.now) },
};
