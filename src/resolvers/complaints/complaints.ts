/**
 * Resolvers of complaints: submission, tracking, the staff listing and the
 * handling moves. What a caller may see was decided by the use case.
 */
import type { GraphQLContext } from '../../app/context.js';
import type {
  ComplaintConnectionResolvers,
  ComplaintEdgeResolvers,
  ComplaintEventResolvers,
  ComplaintResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../../generated/resolvers-types.js';
import { pageAfter, pageInfoOf } from '../shared/page-info.js';
import { inMallZone, requiredInMallZone } from '../shared/time.js';

export const complaintQueries: Pick<Required<QueryResolvers<GraphQLContext>>, 'complaint' | 'complaints'> = {
  complaint: (_p, { trackingCode }, ctx) => ctx.complaints.byTrackingCode(ctx.viewer, trackingCode, ctx.now),
  complaints: async (_p, args, ctx) =>
    pageAfter(
      await ctx.complaints.list(
        ctx.viewer,
        {
          mallId: args.mallId ?? null,
          agencyId: args.agencyId ?? null,
          status: args.status ?? null,
          overdue: args.overdue ?? null,
          first: args.first ?? 20,
          after: args.after ?? null,
        },
        ctx.now,
      ),
      args.after,
    ),
};

export const complaintMutations: Pick<
  Required<MutationResolvers<GraphQLContext>>,
  | 'submitComplaint'
  | 'verifyComplaint'
  | 'assignComplaint'
  | 'rejectComplaint'
  | 'respondToComplaint'
  | 'replyToComplaint'
  | 'rateComplaint'
  | 'reassignComplaint'
  | 'returnComplaint'
  | 'eraseReporter'
> = {
  submitComplaint: (_p, { input }, ctx) =>
    ctx.complaints.submit(
      ctx.viewer,
      {
        mallId: input.mallId,
        category: input.category,
        agencyId: input.agencyId ?? null,
        serviceId: input.serviceId ?? null,
        ticketId: input.ticketId ?? null,
        subject: input.subject,
        description: input.description,
        anonymous: input.anonymous ?? false,
        confidential: input.confidential ?? false,
        reporter: input.reporter ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
      },
      ctx.now,
    ),
  verifyComplaint: (_p, { id, message }, ctx) =>
    ctx.complaints.verify(ctx.viewer, id, message ?? null, ctx.now),
  assignComplaint: (_p, { id, agencyId, message }, ctx) =>
    ctx.complaints.assign(ctx.viewer, id, agencyId, message ?? null, ctx.now),
  rejectComplaint: (_p, { id, reason }, ctx) => ctx.complaints.reject(ctx.viewer, id, reason, ctx.now),
  respondToComplaint: (_p, { id, status, message }, ctx) =>
    ctx.complaints.respond(ctx.viewer, id, status, message, ctx.now),
  replyToComplaint: (_p, { trackingCode, message }, ctx) =>
    ctx.complaints.reply(ctx.viewer, trackingCode, message, ctx.now),
  rateComplaint: (_p, { trackingCode, rating }, ctx) =>
    ctx.complaints.rate(ctx.viewer, trackingCode, rating, ctx.now),
  reassignComplaint: (_p, { id, agencyId, reason }, ctx) =>
    ctx.complaints.reassign(ctx.viewer, id, agencyId, reason, ctx.now),
  returnComplaint: (_p, { id, reason }, ctx) => ctx.complaints.returnToMall(ctx.viewer, id, reason, ctx.now),
  eraseReporter: (_p, { id }, ctx) => ctx.complaints.eraseReporter(ctx.viewer, id, ctx.now),
};

export const Complaint: ComplaintResolvers<GraphQLContext> = {
  id: (v) => v.complaint.id,
  trackingCode: (v) => v.trackingCode,
  category: (v) => v.complaint.category,
  agency: (v, _a, ctx) => (v.complaint.agencyId ? ctx.catalog.agency(v.complaint.agencyId) : null),
  service: (v, _a, ctx) => (v.complaint.serviceId ? ctx.catalog.service(v.complaint.serviceId) : null),
  ticket: (v, _a, ctx) => (v.complaint.ticketId ? ctx.queue.ticket(v.complaint.ticketId) : null),
  status: (v) => v.complaint.status,
  anonymous: (v) => v.complaint.anonymous,
  confidential: (v) => v.complaint.confidential,
  submittedAt: (v, _a, ctx) => requiredInMallZone(ctx, v.complaint.mallId, v.complaint.submittedAt),
  dueAt: (v, _a, ctx) => inMallZone(ctx, v.complaint.mallId, v.dueAt),
  timeline: (v) => v.complaint.timeline.map((e) => ({ ...e, mallId: v.complaint.mallId })),
  rating: (v) => v.complaint.rating,
};

export const ComplaintEvent: ComplaintEventResolvers<GraphQLContext> = {
  at: (e, _a, ctx) => requiredInMallZone(ctx, e.mallId, e.at),
};

export const ComplaintConnection: ComplaintConnectionResolvers<GraphQLContext> = {
  edges: (page) => page.edges,
  pageInfo: (page) => pageInfoOf(page),
};

export const ComplaintEdge: ComplaintEdgeResolvers<GraphQLContext> = {
  node: (e) => e.node,
  cursor: (e) => e.cursor,
};
