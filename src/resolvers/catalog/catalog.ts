/**
 * Resolvers of the catalog: malls, agencies, services, counters, schedules.
 * Each reads the request's copy of a mall's catalog (RequestCatalogs, over the instance's cache).
 */
import type { GraphQLContext } from '../../app/context.js';
import type { Agency as AgencyModel } from '../../domain/catalog/catalog.js';
import type { IndexedCatalog } from '../../domain/catalog/catalog-reader.js';
import { daysOf, exceptionsOf, isOpenNow, weeklyOf } from '../../domain/catalog/schedule-view.js';
import type {
  AgencyResolvers,
  CounterResolvers,
  MallResolvers,
  QueryResolvers,
  ScheduleResolvers,
  ServiceResolvers,
} from '../../generated/resolvers-types.js';

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

// Fields of a mall and its agencies, services and counters: synchronously once the request has the catalog.
export const Mall: MallResolvers<GraphQLContext> = {
  agencies: (mall, _a, ctx) => ctx.catalog.readCatalog(mall.id, (c) => c.activeAgencies()),
  schedule: (mall, _a, ctx) => ctx.catalog.readCatalog(mall.id, (c) => c.mallSchedule()),
  openNow: (mall, _a, ctx) => ctx.catalog.readCatalog(mall.id, (c) => isOpenNow(c.mallSchedule(), ctx.now)),
};

export const Agency: AgencyResolvers<GraphQLContext> = {
  mall: (agency, _a, ctx) => ctx.catalog.readCatalog(agency.mallId, (c) => c.mall),
  services: (agency, _a, ctx) => ctx.catalog.readCatalog(agency.mallId, (c) => c.activeServicesOf(agency.id)),
  counters: (agency, _a, ctx) => ctx.catalog.readCatalog(agency.mallId, (c) => c.activeCountersOf(agency.id)),
  schedule: (agency, _a, ctx) => ctx.catalog.readCatalog(agency.mallId, (c) => c.agencySchedule(agency)),
  openNow: (agency, _a, ctx) =>
    ctx.catalog.readCatalog(agency.mallId, (c) => isOpenNow(c.agencySchedule(agency), ctx.now)),
};

/** The agency an entity of the catalog belongs to; the data load guarantees it exists. */
function agencyOf(catalog: IndexedCatalog, entity: { id: string; agencyId: string }): AgencyModel {
  const agency = catalog.agencies.get(entity.agencyId);
  if (!agency) throw new Error(`${entity.id} has no agency`);
  return agency;
}

export const Service: ServiceResolvers<GraphQLContext> = {
  agency: (service, _a, ctx) => ctx.catalog.readCatalog(service.mallId, (c) => agencyOf(c, service)),
  fee: (service) => ({ amount: service.feeRupiah, currency: 'IDR' }),
};

export const Counter: CounterResolvers<GraphQLContext> = {
  agency: (counter, _a, ctx) => ctx.catalog.readCatalog(counter.mallId, (c) => agencyOf(c, counter)),
  services: (counter, _a, ctx) =>
    ctx.catalog.readCatalog(counter.mallId, (c) => c.servicesOfCounter(counter)),
};

export const Schedule: ScheduleResolvers<GraphQLContext> = {
  weekly: (view) => weeklyOf(view),
  exceptions: (view, { from, to }) => exceptionsOf(view, from ?? null, to ?? null),
  days: (view, { from, to }) => daysOf(view, from, to),
};
