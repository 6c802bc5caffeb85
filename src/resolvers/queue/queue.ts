/**
 * Resolvers of the queue: tickets, their history, a service's queue, a
 * counter's current ticket, the hall display and the ticket mutations.
 */
import type { GraphQLContext } from '../../app/context.js';
import { actorAsSeenBy } from '../../domain/access/viewer.js';
import type {
  CounterResolvers,
  MallResolvers,
  MutationResolvers,
  QueryResolvers,
  QueueResolvers,
  ServiceResolvers,
  TicketEventResolvers,
  TicketResolvers,
} from '../../generated/resolvers-types.js';
import { inMallZone, requiredInMallZone } from '../shared/time.js';

async function serviceOf(ctx: GraphQLContext, serviceId: string) {
  const service = await ctx.catalog.service(serviceId);
  if (!service) throw new Error(`Ticket points at unknown service ${serviceId}`);
  return service;
}

export const queueQueries: Pick<Required<QueryResolvers<GraphQLContext>>, 'ticket'> = {
  ticket: (_p, { id }, ctx) => ctx.queue.ticket(id),
};

export const queueMutations: Pick<
  Required<MutationResolvers<GraphQLContext>>,
  | 'takeTicket'
  | 'cancelTicket'
  | 'callNextTicket'
  | 'callTicket'
  | 'recallTicket'
  | 'startServing'
  | 'finishTicket'
  | 'markNoShow'
  | 'reactivateTicket'
  | 'transferTicket'
> = {
  takeTicket: (_p, { input }, ctx) =>
    ctx.queue.takeTicket(
      ctx.viewer,
      {
        serviceId: input.serviceId,
        priority: input.priority ?? 'NONE',
        idempotencyKey: input.idempotencyKey ?? null,
      },
      ctx.now,
    ),
  cancelTicket: (_p, { id, holderCode }, ctx) =>
    ctx.queue.cancel(ctx.viewer, id, holderCode ?? null, ctx.now),
  callNextTicket: (_p, { counterId }, ctx) => ctx.queue.callNext(ctx.viewer, counterId, ctx.now),
  callTicket: (_p, { id, counterId }, ctx) => ctx.queue.callTicket(ctx.viewer, id, counterId, ctx.now),
  recallTicket: (_p, { id }, ctx) => ctx.queue.moveById(ctx.viewer, id, 'RECALL', ctx.now),
  startServing: (_p, { id }, ctx) => ctx.queue.moveById(ctx.viewer, id, 'START', ctx.now),
  finishTicket: (_p, { id }, ctx) => ctx.queue.moveById(ctx.viewer, id, 'FINISH', ctx.now),
  markNoShow: (_p, { id }, ctx) => ctx.queue.moveById(ctx.viewer, id, 'NO_SHOW', ctx.now),
  reactivateTicket: (_p, { id }, ctx) => ctx.queue.moveById(ctx.viewer, id, 'REACTIVATE', ctx.now),
  transferTicket: (_p, { id, toServiceId }, ctx) => ctx.queue.transfer(ctx.viewer, id, toServiceId, ctx.now),
};

export const Ticket: TicketResolvers<GraphQLContext> = {
  service: (t, _a, ctx) => serviceOf(ctx, t.serviceId),
  issuedAt: (t, _a, ctx) => requiredInMallZone(ctx, t.mallId, t.issuedAt),
  calledAt: (t, _a, ctx) => inMallZone(ctx, t.mallId, t.calledAt),
  startedAt: (t, _a, ctx) => inMallZone(ctx, t.mallId, t.startedAt),
  finishedAt: (t, _a, ctx) => inMallZone(ctx, t.mallId, t.finishedAt),
  counter: (t, _a, ctx) => (t.counterId ? ctx.catalog.counter(t.counterId) : null),
  position: async (t, _a, ctx) => (await ctx.queue.waitInfo(t))?.position ?? null,
  estimatedWaitMinutes: async (t, _a, ctx) => (await ctx.queue.waitInfo(t))?.estimatedWaitMinutes ?? null,
  holderCode: (t) => t.holderCode ?? null,
  history: (t) => t.history.map((e) => ({ ...e, mallId: t.mallId })),
};

export const Queue: QueueResolvers<GraphQLContext> = {
  noShows: (summary, { first }, ctx) => ctx.queue.noShows(ctx.viewer, summary, first ?? 20),
};

export const TicketEvent: TicketEventResolvers<GraphQLContext> = {
  at: (e, _a, ctx) => requiredInMallZone(ctx, e.mallId, e.at),
  actor: (e, _a, ctx) => actorAsSeenBy(e.actor, ctx.viewer, e.mallId),
  counter: (e, _a, ctx) => (e.counterId ? ctx.catalog.counter(e.counterId) : null),
};

/** Fields the queue adds to catalog types. */
export const queueFieldsOfCatalog: {
  Mall: Pick<MallResolvers<GraphQLContext>, 'board'>;
  Service: Pick<ServiceResolvers<GraphQLContext>, 'queue'>;
  Counter: Pick<CounterResolvers<GraphQLContext>, 'currentTicket' | 'waiting'>;
} = {
  Mall: { board: (mall, { limit }, ctx) => ctx.queue.board(mall, limit ?? 10, ctx.now) },
  Service: { queue: (service, { date }, ctx) => ctx.queue.serviceQueue(service, date ?? null, ctx.now) },
  Counter: {
    currentTicket: (counter, _a, ctx) => ctx.queue.currentTicket(counter.id),
    waiting: (counter, { first }, ctx) => ctx.queue.waitingAt(ctx.viewer, counter.id, first ?? 20, ctx.now),
  },
};
