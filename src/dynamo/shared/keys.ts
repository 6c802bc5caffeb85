/**
 * The one module that knows the table's keys: every partition key, sort key
 * and index key of Loket's single table is built here and nowhere else.
 * `docs/data-model.md` lists the access patterns these serve.
 */
import type { Agency, Counter, Mall, Service } from '../../domain/catalog/catalog.js';
import { TABLE_DEFINITION } from './table-definition.js';

export const PK = TABLE_DEFINITION.partitionKey;
export const SK = TABLE_DEFINITION.sortKey;
export const TTL = TABLE_DEFINITION.timeToLiveAttribute;
const [gsi1, gsi2] = TABLE_DEFINITION.globalSecondaryIndexes;
/** The indexes by role, named from the table definition (the one list of index names). */
export const GSI1 = { name: gsi1.indexName, pk: gsi1.partitionKey, sk: gsi1.sortKey } as const;
export const GSI2 = { name: gsi2.indexName, pk: gsi2.partitionKey, sk: gsi2.sortKey } as const;

/** Item types, stored in every item's `type` attribute. */
export type ItemType =
  | 'MALL'
  | 'AGENCY'
  | 'SERVICE'
  | 'COUNTER'
  | 'TICKET'
  | 'SERVICE_DAY'
  | 'COUNTER_STATE'
  | 'COMPLAINT'
  | 'IDEMPOTENCY';

/** The primary key of an item. */
export interface ItemKey {
  pk: string;
  sk: string;
}

/**
 * Catalog: one item collection per mall (`MALL#<mallId>`), so the whole
 * catalog of a mall is one Query. Mall headers are also in GSI1 under
 * `MALLS` for the list of malls.
 */
export const catalogKeys = {
  partition: (mallId: string): string => `MALL#${mallId}`,
  mall: (mallId: string): ItemKey => ({ pk: `MALL#${mallId}`, sk: 'MALL' }),
  agency: (a: Pick<Agency, 'mallId' | 'id'>): ItemKey => ({ pk: `MALL#${a.mallId}`, sk: `AGENCY#${a.id}` }),
  service: (s: Pick<Service, 'mallId' | 'id'>): ItemKey => ({
    pk: `MALL#${s.mallId}`,
    sk: `SERVICE#${s.id}`,
  }),
  counter: (c: Pick<Counter, 'mallId' | 'id'>): ItemKey => ({
    pk: `MALL#${c.mallId}`,
    sk: `COUNTER#${c.id}`,
  }),
  /** GSI1 entry of a mall header: the directory of malls. */
  mallDirectory: (m: Pick<Mall, 'id'>) => ({ [GSI1.pk]: 'MALLS', [GSI1.sk]: m.id }),
  mallDirectoryPartition: 'MALLS',
} as const;

/**
 * Queue: a ticket is its own item (`TICKET#<id>`, id unguessable). While it is
 * live (WAITING, CALLED, SERVING) it also sits in GSI1 under its agency's
 * queue of the day, next to that day's service items (sequence and learned
 * service times), so one Query of `QUEUE#<agencyId>#<date>` returns the whole
 * live queue of an agency. Once called, it is on its mall's board of the day
 * in GSI2, ordered by its latest call.
 */
export const queueKeys = {
  ticket: (ticketId: string): ItemKey => ({ pk: `TICKET#${ticketId}`, sk: 'TICKET' }),
  /** A service's day: its sequence (`issued`) and finished service times. */
  serviceDay: (serviceId: string, date: string): ItemKey => ({
    pk: `SERVICEDAY#${serviceId}#${date}`,
    sk: 'DAY',
  }),
  counterState: (counterId: string): ItemKey => ({ pk: `COUNTERSTATE#${counterId}`, sk: 'STATE' }),
  idempotency: (scope: string, key: string): ItemKey => ({ pk: `IDEMPOTENCY#${scope}#${key}`, sk: 'KEY' }),
  liveQueue: (agencyId: string, date: string): string => `QUEUE#${agencyId}#${date}`,
  waitingSort: (issuedAt: string, ticketId: string): string => `W#${issuedAt}#${ticketId}`,
  activeSort: (calledAt: string, ticketId: string): string => `A#${calledAt}#${ticketId}`,
  serviceDaySort: (serviceId: string): string => `S#${serviceId}`,
  board: (mallId: string, date: string): string => `BOARD#${mallId}#${date}`,
  boardSort: (calledAt: string, ticketId: string): string => `${calledAt}#${ticketId}`,
} as const;

/**
 * Complaints: one item each (`COMPLAINT#<id>`, the id a one-way hash of the
 * tracking code, so the public lookup is one GetItem). Newest-first listings
 * per mall in GSI1 and per agency in GSI2, sorted by submission instant.
 */
export const complaintKeys = {
  complaint: (id: string): ItemKey => ({ pk: `COMPLAINT#${id}`, sk: 'COMPLAINT' }),
  byMall: (mallId: string): string => `COMPLAINTS#${mallId}`,
  byAgency: (agencyId: string): string => `AGENCY_COMPLAINTS#${agencyId}`,
  sort: (submittedAt: string, id: string): string => `${submittedAt}#${id}`,
} as const;

/** A key no item ever has: what a cold start reads to open its connection early. */
export const WARM_UP_KEY: ItemKey = { pk: 'WARMUP', sk: 'WARMUP' };
