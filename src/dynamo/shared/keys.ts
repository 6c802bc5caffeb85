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
  | 'COMPLAINT_REPORTER'
  | 'COMPLAINT_ID'
  | 'SLOT'
  | 'APPOINTMENT'
  | 'APPOINTMENT_CONTACT'
  | 'NIK'
  | 'IDEMPOTENCY'
  | 'DATA_KEY'
  | 'AUDIT'
  | 'MACHINE_CLIENT'
  | 'SURVEY'
  | 'FIGURES_FACTS'
  | 'FIGURES_DAY'
  | 'FIGURES_SATISFACTION'
  | 'FIGURES_COMPLAINT';

/** The primary key of an item. */
export interface ItemKey {
  pk: string;
  sk: string;
}

/** The `Key` of a request for `key`, under the table's key attribute names. */
export function keyAttributes(key: ItemKey): Record<string, string> {
  return { [PK]: key.pk, [SK]: key.sk };
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
 * live queue of an agency. While CALLED or SERVING, it is on its mall's board
 * of the day in GSI2, ordered by its latest call. A NO_SHOW sits in GSI1 under
 * its service's no-shows of the day, for the officer console.
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
  /** GSI1 partition of a service's no-shows of a date, sorted by when each was marked. */
  noShows: (serviceId: string, date: string): string => `NOSHOWS#${serviceId}#${date}`,
  noShowSort: (markedAt: string, ticketId: string): string => `${markedAt}#${ticketId}`,
} as const;

/**
 * Complaints: one partition per complaint, keyed by the keyed hash of its tracking code
 * (`COMPLAINT#<codeKey>`), so the reporter's lookup is one request: the complaint item
 * (`COMPLAINT`, in the listings) and its sealed reporter item (`REPORTER`, in no index, with the
 * retention TTL). Staff know a complaint by its random id, which a small pointer item
 * (`COMPLAINTID#<id>`) turns into the partition. Newest-first listings per mall in GSI1 and, while
 * assigned, per assigned agency in GSI2, sorted by submission instant.
 */
export const complaintKeys = {
  complaint: (codeKey: string): ItemKey => ({ pk: `COMPLAINT#${codeKey}`, sk: 'COMPLAINT' }),
  reporter: (codeKey: string): ItemKey => ({ pk: `COMPLAINT#${codeKey}`, sk: 'REPORTER' }),
  partition: (codeKey: string): string => `COMPLAINT#${codeKey}`,
  /** The item sort keys of a complaint's partition. */
  itemSort: { complaint: 'COMPLAINT', reporter: 'REPORTER' },
  byId: (id: string): ItemKey => ({ pk: `COMPLAINTID#${id}`, sk: 'ID' }),
  /** The key of a complaint item written before ids were random (the id an unkeyed hash of the code). */
  legacy: (id: string): ItemKey => ({ pk: `COMPLAINT#${id}`, sk: 'COMPLAINT' }),
  byMall: (mallId: string): string => `COMPLAINTS#${mallId}`,
  byAgency: (agencyId: string): string => `AGENCY_COMPLAINTS#${agencyId}`,
  sort: (submittedAt: string, id: string): string => `${submittedAt}#${id}`,
} as const;

/**
 * Bookings. A slot's counter sits in its service-day partition next to the day item (`DAY`), so one
 * Query returns the day and every slot. An appointment is its own partition (`APPOINTMENT#<id>`, the id a
 * keyed hash of the booking code, so the lookup by code is one GetItem): the appointment item, in GSI1
 * under its service's day for the staff list, and the sealed contact item, which no index holds. One
 * item per NIK (`NIK#<keyed hash>`) holds its active bookings and recent no-shows.
 */
export const bookingKeys = {
  slot: (serviceId: string, date: string, startsAt: string): ItemKey => ({
    pk: queueKeys.serviceDay(serviceId, date).pk,
    sk: `SLOT#${startsAt}`,
  }),
  /** The start instant of a slot item's sort key; null for the day item and anything else. */
  slotStartOf: (sk: string): string | null => (sk.startsWith('SLOT#') ? sk.slice('SLOT#'.length) : null),
  appointment: (id: string): ItemKey => ({ pk: `APPOINTMENT#${id}`, sk: 'APPOINTMENT' }),
  contact: (id: string): ItemKey => ({ pk: `APPOINTMENT#${id}`, sk: 'CONTACT' }),
  nik: (nikHash: string): ItemKey => ({ pk: `NIK#${nikHash}`, sk: 'NIK' }),
  /** GSI1 partition of a service's appointments of a date, sorted by slot start. */
  byServiceDay: (serviceId: string, date: string): string => `APPOINTMENTS#${serviceId}#${date}`,
  byServiceDaySort: (startsAt: string, id: string): string => `${startsAt}#${id}`,
} as const;

/**
 * Figures (docs/data-model.md, 'Figures'): a survey is its own item keyed by its ticket, so a
 * second one is refused by a conditional put. The stream consumer keeps, per service-day, a facts
 * item (one attribute per ticket, survey and booking, replaced whole, never added to) and the
 * summaries made from it; per complaint, its fact. Summaries and complaint facts are read by
 * period: a mall's in GSI1 (`FIGURES#<mallId>`, sorted by kind then date), an agency's in GSI2
 * (`FIGURES#<agencyId>`, sorted by date), so a period is one Query.
 */
export const figuresKeys = {
  survey: (ticketId: string): ItemKey => ({ pk: `SURVEY#${ticketId}`, sk: 'SURVEY' }),
  dayFacts: (serviceId: string, date: string): ItemKey => ({
    pk: `FIGFACTS#${serviceId}#${date}`,
    sk: 'FACTS',
  }),
  daySummary: (serviceId: string, date: string): ItemKey => ({
    pk: `FIGDAY#${serviceId}#${date}`,
    sk: 'DAY',
  }),
  daySatisfaction: (serviceId: string, date: string): ItemKey => ({
    pk: `FIGSKM#${serviceId}#${date}`,
    sk: 'SKM',
  }),
  complaint: (complaintId: string): ItemKey => ({ pk: `FIGCOMPLAINT#${complaintId}`, sk: 'COMPLAINT' }),
  /** Attribute names of the facts item: one per ticket, survey and booking of the day. */
  ticketFact: (ticketId: string): string => `t#${ticketId}`,
  surveyFact: (ticketId: string): string => `s#${ticketId}`,
  appointmentFact: (appointmentId: string): string => `a#${appointmentId}`,
  /** GSI1: a mall's figures. */
  mall: (mallId: string): string => `FIGURES#${mallId}`,
  mallDaySort: (date: string, agencyId: string, serviceId: string): string =>
    `D#${date}#${agencyId}#${serviceId}`,
  mallComplaintSort: (date: string, complaintId: string): string => `C#${date}#${complaintId}`,
  mallSatisfactionSort: (date: string, serviceId: string): string => `S#${date}#${serviceId}`,
  /** GSI1 sort-key bounds of a kind (`D`, `C`, `S`) from one date to another, inclusive. */
  mallRange: (kind: 'D' | 'C' | 'S', from: string, to: string): [string, string] => [
    `${kind}#${from}`,
    `${kind}#${to}#\uffff`,
  ],
  /** GSI2: an agency's figures, service-days and complaints together by date. */
  agency: (agencyId: string): string => `FIGURES#${agencyId}`,
  agencyDaySort: (date: string, serviceId: string): string => `${date}#D#${serviceId}`,
  agencyComplaintSort: (date: string, complaintId: string): string => `${date}#C#${complaintId}`,
  agencyRange: (from: string, to: string): [string, string] => [from, `${to}#\uffff`],
} as const;

/**
 * Administration. The audit log of a mall is one partition (`AUDIT#<mallId>`), sorted by instant, read
 * newest first. A machine client is its own item (`MACHINECLIENT#<id>`, one GetItem per key-cache miss),
 * listed per mall in GSI1 in order of registration.
 */
export const adminKeys = {
  audit: (mallId: string, at: string, unique: string): ItemKey => ({
    pk: `AUDIT#${mallId}`,
    sk: `${at}#${unique}`,
  }),
  auditPartition: (mallId: string): string => `AUDIT#${mallId}`,
  machineClient: (id: string): ItemKey => ({ pk: `MACHINECLIENT#${id}`, sk: 'CLIENT' }),
  machineClientsOfMall: (mallId: string): string => `MACHINECLIENTS#${mallId}`,
  machineClientSort: (createdAt: string, id: string): string => `${createdAt}#${id}`,
} as const;

/** The deployment's data key of personal data, wrapped by KMS (useless without KMS). */
export const DATA_KEY_ITEM: ItemKey = { pk: 'DATAKEY#personal-data', sk: 'KEY' };

/** A key no item ever has: what a cold start reads to open its connection early. */
export const WARM_UP_KEY: ItemKey = { pk: 'WARMUP', sk: 'WARMUP' };
