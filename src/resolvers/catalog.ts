/**
 * Resolvers of the catalog: malls, agencies, services, counters, schedules.
 * Each reads the (cached) catalog through the CatalogReader use case.
 */
import type { GraphQLContext } from '../app/context.js';
import type { IndexedCatalog } from '../domain/catalog-reader.js';
import { daysOf, exceptionsOf, isOpenNow, weeklyOf } from '../domain/schedule-view.js';
import type {
  AgencyResolvers,
  CounterResolvers,
  MallResolvers,
  QueryResolvers,
  ScheduleResolvers,
  ServiceResolvers,
} from '../generated/resolvers-types.js';

/**
 * The catalog a loaded mall, agency, service or counter came from. It was
 * read moments ago in the same request, so it is in the cache.
 */
async function catalogOf(ctx: GraphQLContext, mallId: string): Promise<IndexedCatalog> {
  const catalog = await ctx.catalog.mallCatalog(mallId);
  if (!catalog) throw new Error(`Catalog of mall ${mallId} vanished mid-request`);
  return catalog;
}

export const catalogQueries: Pick<
  Required<QueryResolvers>,
  'malls' | 'mall' | 'agency' | 'service' | 'counter' | 'me'
> = {
  malls: (_p, _a, ctx) => ctx.catalog.listMalls(),
  mall: (_p, { id }, ctx) => ctx.catalog.mall(id),
  agency: (_p, { id }, ctx) => ctx.catalog.agency(id),
  service: (_p, { id }, ctx) => ctx.catalog.service(id),
  counter: (_p, { id }, ctx) => ctx.catalog.counter(id),
  me: (_p, _a, ctx) => ctx.viewer,
};

export const Mall: MallResolvers<GraphQLContext> = {
  agencies: async (mall, _a, ctx) => (await catalogOf(ctx, mall.id)).activeAgencies(),
  schedule: async (mall, _a, ctx) => (await catalogOf(ctx, mall.id)).mallSchedule(),
  openNow: async (mall, _a, ctx) => isOpenNow((await catalogOf(ctx, mall.id)).mallSchedule(), ctx.now),
};

export const Agency: AgencyResolvers<GraphQLContext> = {
  mall: async (agency, _a, ctx) => (await catalogOf(ctx, agency.mallId)).mall,
  services: async (agency, _a, ctx) => (await catalogOf(ctx, agency.mallId)).activeServicesOf(agency.id),
  counters: async (agency, _a, ctx) => (await catalogOf(ctx, agency.mallId)).activeCountersOf(agency.id),
  schedule: async (agency, _a, ctx) => (await catalogOf(ctx, agency.mallId)).agencySchedule(agency),
  openNow: async (agency, _a, ctx) =>
    isOpenNow((await catalogOf(ctx, agency.mallId)).agencySchedule(agency), ctx.now),
};

export const Service: ServiceResolvers<GraphQLContext> = {
  agency: async (service, _a, ctx) => {
    const agency = (await catalogOf(ctx, service.mallId)).agencies.get(service.agencyId);
    if (!agency) throw new Error(`Service ${service.id} has no agency`);
    return agency;
  },
  fee: (service) => ({ amount: service.feeRupiah, currency: 'IDR' }),
};

export const Counter: CounterResolvers<GraphQLContext> = {
  agency: async (counter, _a, ctx) => {
    const agency = (await catalogOf(ctx, counter.mallId)).agencies.get(counter.agencyId);
    if (!agency) throw new Error(`Counter ${counter.id} has no agency`);
    return agency;
  },
  services: async (counter, _a, ctx) => (await catalogOf(ctx, counter.mallId)).servicesOfCounter(counter),
};

export const Schedule: ScheduleResolvers<GraphQLContext> = {
  weekly: (view) => weeklyOf(view),
  exceptions: (view, { from, to }) => exceptionsOf(view, from ?? null, to ?? null),
  days: (view, { from, to }) => daysOf(view, from, to),
};
