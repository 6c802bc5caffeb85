/**
 * Resolvers of mall administration and machine clients: each calls one use case of `ctx.admin`, which
 * checks who may and validates with the rules of the data load.
 */
import type { GraphQLContext } from '../../app/context.js';
import type {
  AuditEntryResolvers,
  MachineClientResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../../generated/resolvers-types.js';
import { pageAfter, pageInfoOf } from '../shared/page-info.js';
import { inMallZone, requiredInMallZone } from '../shared/time.js';

export const adminQueries: Pick<Required<QueryResolvers<GraphQLContext>>, 'auditLog' | 'machineClients'> = {
  auditLog: async (_p, { mallId, first, after }, ctx) => {
    const page = await ctx.admin.auditLog(ctx.viewer, mallId, first ?? 20, after ?? null);
    return {
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.entry })),
      pageInfo: pageInfoOf(pageAfter(page, after)),
    };
  },
  machineClients: (_p, { mallId }, ctx) => ctx.admin.machineClients(ctx.viewer, mallId),
};

export const adminMutations: Pick<
  Required<MutationResolvers<GraphQLContext>>,
  | 'upsertAgency'
  | 'upsertService'
  | 'upsertCounter'
  | 'setScheduleException'
  | 'removeScheduleException'
  | 'registerMachineClient'
  | 'revokeMachineClient'
> = {
  upsertAgency: (_p, { input }, ctx) => ctx.admin.upsertAgency(ctx.viewer, input),
  upsertService: (_p, { input }, ctx) => ctx.admin.upsertService(ctx.viewer, input),
  upsertCounter: (_p, { input }, ctx) => ctx.admin.upsertCounter(ctx.viewer, input),
  setScheduleException: (_p, { input }, ctx) => ctx.admin.setScheduleException(ctx.viewer, input),
  removeScheduleException: (_p, { scopeId, date }, ctx) =>
    ctx.admin.removeScheduleException(ctx.viewer, scopeId, date),
  registerMachineClient: (_p, { input }, ctx) => ctx.admin.registerMachineClient(ctx.viewer, input),
  revokeMachineClient: (_p, { id }, ctx) => ctx.admin.revokeMachineClient(ctx.viewer, id),
};

export const AuditEntry: AuditEntryResolvers<GraphQLContext> = {
  at: (e, _a, ctx) => requiredInMallZone(ctx, e.mallId, e.at),
};

export const MachineClient: MachineClientResolvers<GraphQLContext> = {
  createdAt: (c, _a, ctx) => requiredInMallZone(ctx, c.mallId, c.createdAt),
  revokedAt: (c, _a, ctx) => inMallZone(ctx, c.mallId, c.revokedAt),
};
