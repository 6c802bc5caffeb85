/**
 * The world of the authorization matrix: mall M with agencies A and B, another
 * mall X, the nine callers (columns) and the answer each row expects of them,
 * as docs/domain-rules.md, 'Roles', says.
 */
import type { TokenIdentity } from '../../src/app/auth/claims.js';
import { BOOKING_POLICY_DEFAULTS } from '../../src/domain/booking/booking-policy.js';
import type { MallCatalog } from '../../src/domain/catalog/catalog.js';
import { fixtureCatalog } from './fixture-catalog.js';

export const MALL_M = 'matrix-mall';
export const AGENCY_A = `${MALL_M}:agency`;
export const AGENCY_B = `${MALL_M}:agency-b`;
export const MALL_X = 'matrix-other';
export const AGENCY_X = `${MALL_X}:agency`;

/** Agency A's services: 1 and 2 are served at counters 1 to 11 (one per caller), 3 only at counter 12 (for call-next). */
export const SVC_A1 = `${AGENCY_A}:svc1`;
export const SVC_A2 = `${AGENCY_A}:svc2`;
export const SVC_A3 = `${AGENCY_A}:svc3`;
export const SVC_B1 = `${AGENCY_B}:svc1`;
export const counterA = (n: number) => `${AGENCY_A}:loket-${n}`;
export const CALL_NEXT_COUNTER = counterA(12);
export const COUNTER_B = `${AGENCY_B}:loket-1`;

/** The catalogs: M (agency A from the fixture, agency B added by hand, ticket prefix Z) and X. */
export function matrixCatalogs(): MallCatalog[] {
  // Service 2 takes bookings of any half hour, with no notice, so a row can book and check in at once.
  const booking = { ...BOOKING_POLICY_DEFAULTS, capacityPerSlot: 100, minNoticeMinutes: 0 };
  const m = fixtureCatalog({ mallId: MALL_M, counters: 12, services: [{}, { booking }, {}] });
  const template = m.services[0];
  if (!template) throw new Error('fixtureCatalog made no service');
  const counters = m.counters.map((c) => ({
    ...c,
    serviceIds: c.id === CALL_NEXT_COUNTER ? [SVC_A3] : [SVC_A1, SVC_A2],
  }));
  const withB: MallCatalog = {
    ...m,
    agencies: [
      ...m.agencies,
      {
        ...(m.agencies[0] as MallCatalog['agencies'][number]),
        id: AGENCY_B,
        name: 'Badan Uji B',
        shortName: 'B',
      },
    ],
    services: [
      ...m.services,
      { ...template, id: SVC_B1, agencyId: AGENCY_B, code: 'BSVC1', name: 'Layanan B', ticketPrefix: 'Z' },
    ],
    counters: [
      ...counters,
      {
        id: COUNTER_B,
        mallId: MALL_M,
        agencyId: AGENCY_B,
        name: 'Loket B1',
        serviceIds: [SVC_B1],
        active: true,
      },
    ],
  };
  return [withB, fixtureCatalog({ mallId: MALL_X })];
}

/** The callers, in table order. */
export const COLUMNS = [
  'PUBLIC',
  'OFFICER_A',
  'OFFICER_B',
  'OFFICER_X',
  'ADMIN_M',
  'ADMIN_X',
  'PARTNER_A',
  'KIOSK_M',
  'KIOSK_X',
  'EXPIRED',
  'FOREIGN_KEY',
] as const;
export type Column = (typeof COLUMNS)[number];

/** Short column headers of the printed table. */
export const COLUMN_LABELS: Record<Column, string> = {
  PUBLIC: 'PUBLIC',
  OFFICER_A: 'OFF-A',
  OFFICER_B: 'OFF-B',
  OFFICER_X: 'OFF-X',
  ADMIN_M: 'ADM-M',
  ADMIN_X: 'ADM-X',
  PARTNER_A: 'PRT-A',
  KIOSK_M: 'KSK-M',
  KIOSK_X: 'KSK-X',
  EXPIRED: 'EXPIRED',
  FOREIGN_KEY: 'FOREIGN',
};

/** Who each signed column is; EXPIRED and FOREIGN_KEY would be the mall's admin if their token held. */
export const IDENTITIES: Record<Exclude<Column, 'PUBLIC'>, TokenIdentity> = {
  OFFICER_A: { role: 'OFFICER', mallId: MALL_M, agencyId: AGENCY_A },
  OFFICER_B: { role: 'OFFICER', mallId: MALL_M, agencyId: AGENCY_B },
  OFFICER_X: { role: 'OFFICER', mallId: MALL_X, agencyId: AGENCY_X },
  ADMIN_M: { role: 'ADMIN', mallId: MALL_M },
  ADMIN_X: { role: 'ADMIN', mallId: MALL_X },
  PARTNER_A: { role: 'PARTNER', mallId: MALL_M, agencyId: AGENCY_A },
  KIOSK_M: { role: 'KIOSK', mallId: MALL_M },
  KIOSK_X: { role: 'KIOSK', mallId: MALL_X },
  EXPIRED: { role: 'ADMIN', mallId: MALL_M },
  FOREIGN_KEY: { role: 'ADMIN', mallId: MALL_M },
};

/** `ok`, or the `extensions.code` of the first error. */
export type Outcome = string;
export type RowExpectation = Record<Column, Outcome>;

/** A row: `others` for every valid caller not named; a bad token is UNAUTHENTICATED on every row. */
function row(others: Outcome, named: Partial<Record<Column, Outcome>> = {}): RowExpectation {
  const cells = Object.fromEntries(COLUMNS.map((c) => [c, others])) as RowExpectation;
  return { ...cells, ...named, EXPIRED: 'UNAUTHENTICATED', FOREIGN_KEY: 'UNAUTHENTICATED' };
}

/** The expected answers, by kind of operation. */
export const EXPECT = {
  /** Catalog, ticket by id, complaint by code, me. */
  publicRead: row('ok'),
  /** submitComplaint, replyToComplaint, rateComplaint. */
  publicMutation: row('ok'),
  /** Walk-in tickets: the mall's kiosks, and its staff issuing for a citizen. */
  takeTicket: row('FORBIDDEN', {
    PUBLIC: 'UNAUTHENTICATED',
    KIOSK_M: 'ok',
    OFFICER_A: 'ok',
    OFFICER_B: 'ok',
    ADMIN_M: 'ok',
  }),
  /** By the ticket's id alone: staff of its agency only; the id authorizes nothing. */
  cancelTicket: row('FORBIDDEN', { PUBLIC: 'UNAUTHENTICATED', OFFICER_A: 'ok', ADMIN_M: 'ok' }),
  /** With the ticket's holder code: whoever holds it, token or not. */
  cancelTicketWithHolderCode: row('ok'),
  /** The officer console's lists (Counter.waiting, Queue.noShows) of agency A. */
  consoleRead: row('FORBIDDEN', { PUBLIC: 'UNAUTHENTICATED', OFFICER_A: 'ok', ADMIN_M: 'ok' }),
  /** Queue moves on agency A's tickets and counters. */
  queueMove: row('FORBIDDEN', { PUBLIC: 'UNAUTHENTICATED', OFFICER_A: 'ok', ADMIN_M: 'ok' }),
  /** verify, assign, reject: the mall's admins only. */
  manageComplaint: row('FORBIDDEN', { PUBLIC: 'UNAUTHENTICATED', ADMIN_M: 'ok' }),
  /** respondToComplaint on a complaint assigned to A. */
  respondToComplaint: row('FORBIDDEN', { PUBLIC: 'UNAUTHENTICATED', OFFICER_A: 'ok', ADMIN_M: 'ok' }),
  /** complaints(mallId: M): admins of M, officers of M (narrowed to their own agency). */
  complaintsOfMall: row('FORBIDDEN', {
    PUBLIC: 'UNAUTHENTICATED',
    OFFICER_A: 'ok',
    OFFICER_B: 'ok',
    ADMIN_M: 'ok',
  }),
  /** complaints(agencyId: B): admins of M, officers of B. */
  complaintsOfAgencyB: row('FORBIDDEN', { PUBLIC: 'UNAUTHENTICATED', OFFICER_B: 'ok', ADMIN_M: 'ok' }),
} as const;

/** Made-up personal data: the reporter of agency A's complaints. */
export const REPORTER_A = { name: 'Wahyu Kurniasih', phone: '081377712345', nik: '1802045508900007' };
/** The reporter of agency B's complaint. */
export const REPORTER_B = { name: 'Rudi Hartanto', phone: '085266601234', nik: '1802041210850003' };
/** The reporter of the anonymous complaint assigned to A. */
export const REPORTER_ANON = { name: 'Dewi Lestari', phone: '082180098765', nik: '1802046107920005' };

/** The strings of a reporter that must never reach a caller who may not see them unmasked. */
export function secretsOf(reporter: { name: string; phone: string; nik: string }): string[] {
  return [reporter.name, ...reporter.name.split(' '), reporter.phone, reporter.nik];
}
