/**
 * The data load as a client of a deployed API (`npm run load -- --api <url> --token <ADMIN token>`): the
 * validated files become the administration mutations, so the API checks and writes them on the one code
 * path, audited as the token's admin, and no AWS credentials are needed.
 *
 * What the API has no mutation for is reported, not applied: the mall itself (name, address, weekly hours,
 * settings) must exist, and deactivating what the files no longer list is left to a load into the table or
 * to `active: false` through the API (the API cannot tell what an earlier load made).
 */
import type { Agency, Counter, MallCatalog, Service } from '../domain/catalog/catalog.js';
import { WEEKDAYS } from '../domain/time/local-time.js';

/** Sends one GraphQL operation; resolves with `data`, rejects with the first error's code and message. */
export type GraphQLSender = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<Record<string, unknown>>;

/** What a load through the API did for one mall. */
export interface ApiLoadReport {
  mallId: string;
  /** Mutations sent, by name. */
  sent: Record<string, number>;
  /** Things the files declare that the API cannot apply. */
  notApplied: string[];
}

const MALL = /* GraphQL */ `query LoadMall($id: ID!) { mall(id: $id) { id } }`;
const UPSERT_AGENCY = /* GraphQL */ `mutation LoadAgency($input: AgencyInput!) { upsertAgency(input: $input) { id } }`;
const UPSERT_SERVICE = /* GraphQL */ `mutation LoadService($input: ServiceInput!) { upsertService(input: $input) { id } }`;
const UPSERT_COUNTER = /* GraphQL */ `mutation LoadCounter($input: CounterInput!) { upsertCounter(input: $input) { id } }`;
const SET_EXCEPTION = /* GraphQL */ `mutation LoadException($input: ScheduleExceptionInput!) { setScheduleException(input: $input) { timeZone } }`;

function slugOf(id: string): string {
  return id.slice(id.lastIndexOf(':') + 1);
}

function agencyInput(a: Agency) {
  return {
    mallId: a.mallId,
    slug: slugOf(a.id),
    name: a.name,
    shortName: a.shortName,
    kind: a.kind,
    description: a.description,
    weekly: a.schedule
      ? WEEKDAYS.map((weekday) => ({ weekday, intervals: a.schedule?.weekly[weekday] ?? [] }))
      : null,
    active: a.active,
  };
}

function serviceInput(s: Service) {
  return {
    agencyId: s.agencyId,
    slug: slugOf(s.id),
    code: s.code,
    name: s.name,
    description: s.description,
    ticketPrefix: s.ticketPrefix,
    requirements: s.requirements,
    procedure: s.procedure,
    processingTime: s.processingTime,
    feeAmount: s.feeRupiah,
    product: s.product,
    legalBasis: s.legalBasis,
    complaintHandling: s.complaintHandling,
    dailyQuota: s.dailyQuota,
    averageServiceMinutes: s.averageServiceMinutes,
    cutoffMinutes: s.cutoffMinutes,
    bookingPolicy: s.booking ?? null,
    active: s.active,
  };
}

function counterInput(c: Counter) {
  return {
    agencyId: c.agencyId,
    slug: slugOf(c.id),
    name: c.name,
    serviceIds: c.serviceIds,
    active: c.active,
  };
}

/**
 * Applies one mall's validated catalog through the API, in an order that always holds (agencies, then their
 * services, then counters, then exceptions). A mutation that changes nothing writes nothing, so a rerun is
 * cheap and a failed run is completed by the next.
 */
export async function loadThroughApi(catalog: MallCatalog, send: GraphQLSender): Promise<ApiLoadReport> {
  const report: ApiLoadReport = { mallId: catalog.mall.id, sent: {}, notApplied: [] };
  const count = (name: string) => {
    report.sent[name] = (report.sent[name] ?? 0) + 1;
  };
  const found = (await send(MALL, { id: catalog.mall.id })).mall;
  if (!found) {
    report.notApplied.push(
      `the mall ${catalog.mall.id} does not exist there: create it with a load into its table`,
    );
    return report;
  }
  report.notApplied.push(
    'the mall header, weekly hours and settings (no mutation; a load into the table applies them)',
  );
  for (const agency of catalog.agencies) {
    await send(UPSERT_AGENCY, { input: agencyInput(agency) });
    count('upsertAgency');
  }
  for (const service of catalog.services) {
    await send(UPSERT_SERVICE, { input: serviceInput(service) });
    count('upsertService');
  }
  for (const counter of catalog.counters) {
    await send(UPSERT_COUNTER, { input: counterInput(counter) });
    count('upsertCounter');
  }
  const scopes: [string, MallCatalog['mall']['schedule'] | null][] = [
    [catalog.mall.id, catalog.mall.schedule],
    ...catalog.agencies.map((a): [string, Agency['schedule']] => [a.id, a.schedule]),
  ];
  for (const [scopeId, schedule] of scopes) {
    for (const exception of schedule?.exceptions ?? []) {
      await send(SET_EXCEPTION, { input: { scopeId, ...exception } });
      count('setScheduleException');
    }
  }
  report.notApplied.push(
    'deactivation of what the files no longer list (the API cannot tell what a load made)',
  );
  return report;
}

/** A sender that POSTs to `url` with a bearer token; errors carry the API's code and message. */
export function httpSender(url: string, token: string): GraphQLSender {
  return async (query, variables) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: Record<string, unknown>;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    const error = body.errors?.[0];
    if (error || !body.data) {
      throw new Error(`${error?.extensions?.code ?? response.status}: ${error?.message ?? 'no data'}`);
    }
    return body.data;
  };
}

/** One line per mall. */
export function describeApiReports(reports: ApiLoadReport[]): string {
  return reports
    .map(
      (r) =>
        `  ${r.mallId}: ${
          Object.entries(r.sent)
            .map(([name, n]) => `${n} ${name}`)
            .join(', ') || 'nothing sent'
        }` + r.notApplied.map((n) => `\n    not applied: ${n}`).join(''),
    )
    .join('\n');
}
