/**
 * The mall catalog as plain domain types: what the data files declare and
 * what resolvers receive as parents. No I/O here.
 */
import type { BookingPolicy } from '../booking/booking-policy.js';
import type { ScheduleSpec } from './schedule.js';

/** The kinds of agency (docs/domain-rules.md, 'Catalog'). */
export const AGENCY_KINDS = ['VERTICAL', 'REGIONAL', 'STATE_OWNED', 'PRIVATE'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** The IANA zones of Indonesia's three time zones (WIB, WITA, WIT). */
export const MALL_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type MallTimeZone = (typeof MALL_TIME_ZONES)[number];

/** Queue and complaint settings of one mall; every field has a default in the data loader. */
export interface MallSettings {
  /** Priority tickets called in a row at most while normal tickets wait. @default 2 */
  priorityStreakLimit: number;
  /** Recalls a CALLED ticket needs before it may be marked NO_SHOW. @default 1 */
  minRecallsBeforeNoShow: number;
  /** Target wait in minutes; the share served within it is a graded figure. @default 30 */
  targetWaitMinutes: number;
}

export interface Mall {
  id: string;
  name: string;
  regency: string;
  province: string;
  address: string | null;
  timeZone: MallTimeZone;
  schedule: ScheduleSpec;
  settings: MallSettings;
}

export interface Agency {
  id: string;
  mallId: string;
  name: string;
  shortName: string | null;
  kind: AgencyKind;
  description: string | null;
  active: boolean;
  /** The agency's own hours; null means the mall's. Always narrowed by the mall's. */
  schedule: ScheduleSpec | null;
}

/** A service with its standar pelayanan (PermenPANRB 15/2014). */
export interface Service {
  id: string;
  mallId: string;
  agencyId: string;
  code: string;
  name: string;
  description: string | null;
  ticketPrefix: string;
  requirements: string[];
  procedure: string[];
  processingTime: string;
  /** Whole rupiah; 0 is free. */
  feeRupiah: number;
  product: string;
  legalBasis: string[];
  /** How complaints about this service are handled (penanganan pengaduan). */
  complaintHandling: string;
  dailyQuota: number | null;
  /** How the service takes bookings; absent or null when it takes none. */
  booking?: BookingPolicy | null;
  averageServiceMinutes: number;
  /** No tickets are issued this many minutes before the agency closes. */
  cutoffMinutes: number;
  active: boolean;
}

export interface Counter {
  id: string;
  mallId: string;
  agencyId: string;
  name: string;
  serviceIds: string[];
  active: boolean;
}

/** Everything of one mall, as one read of its catalog partition returns it. */
export interface MallCatalog {
  mall: Mall;
  agencies: Agency[];
  services: Service[];
  counters: Counter[];
}

/**
 * Ids are hierarchical slugs (`mall:agency:service`), so any id names its
 * mall and a lookup by id goes straight to that mall's catalog.
 */
export const ID_SEPARATOR = ':';

/** The mall id an agency, service or counter id belongs to; null for a malformed id. */
export function mallIdOf(id: string): string | null {
  const end = id.indexOf(ID_SEPARATOR);
  return end > 0 ? id.slice(0, end) : null;
}

/** Joins slugs into a child id. */
export function childId(parentId: string, slug: string): string {
  return `${parentId}${ID_SEPARATOR}${slug}`;
}

/**
 * Longest id any lookup accepts. Real ids are far shorter; a longer one is
 * not found without asking the database (whose keys stop at 2 KB).
 */
export const MAX_ID_LENGTH = 200;

/** Whether a string can be an id at all. */
export function isPlausibleId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_ID_LENGTH;
}
