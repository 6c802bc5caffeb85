/**
 * The rules of the catalog, in one place for both ways in: the data files (`src/catalog-data`) and the
 * administration mutations read their fields with these schemas and check a mall's catalog with these
 * functions, so a value is refused with the same message whichever way it came (docs/domain-rules.md,
 * 'Administration and machine clients').
 */
import * as z from 'zod';
import { BOOKING_POLICY_DEFAULTS } from '../booking/booking-policy.js';
import { AGENCY_KINDS, type Counter, type MallCatalog, type Service } from '../catalog/catalog.js';
import type { TimeInterval } from '../catalog/schedule.js';
import { isLocalDate, isLocalTime, minutesOfDay, WEEKDAYS, type Weekday } from '../time/local-time.js';

/** A lowercase slug: the last part of an agency, service or counter id. */
export const slugRule = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug of letters, digits and single hyphens')
  .max(60);

/** Trimmed, non-empty text of at most `max` characters. */
export const textRule = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** A wall-clock time, `24:00` allowed as the end of a day. */
export const localTimeRule = z
  .string()
  .refine((v) => isLocalTime(v) || v === '24:00', 'must be a time HH:mm between 00:00 and 24:00');

/** A real calendar date. */
export const localDateRule = z.string().refine(isLocalDate, 'must be a real date YYYY-MM-DD');

/** An opening interval: closes after it opens. */
export const intervalRule = z
  .object({ opens: localTimeRule, closes: localTimeRule })
  .strict()
  .refine((i) => minutesOfDay(i.closes) > minutesOfDay(i.opens), 'closes must be later than opens');

/** The intervals of one day: at most 8, none overlapping. */
export const intervalsRule = z
  .array(intervalRule)
  .max(8)
  .refine((list) => {
    const sorted = [...list].sort((a, b) => minutesOfDay(a.opens) - minutesOfDay(b.opens));
    return sorted.every(
      (i, n) => n === 0 || minutesOfDay(i.opens) >= minutesOfDay(sorted[n - 1]?.closes ?? '00:00'),
    );
  }, 'intervals of one day must not overlap');

/** A dated exception: its date, its hours (none: closed) and why. */
export const exceptionRule = z
  .object({ date: localDateRule, intervals: intervalsRule.default([]), reason: textRule(200) })
  .strict();

/** Weekly hours as the data files write them: one list per weekday. */
export const weeklyRule = z
  .object(
    Object.fromEntries(WEEKDAYS.map((d) => [d, intervalsRule.default([])])) as unknown as Record<
      Weekday,
      typeof intervalsRule
    >,
  )
  .strict();

/** Weekly hours as the API takes them: a list of weekdays, each at most once; weekdays not named are closed. */
export const weeklyListRule = z
  .array(z.object({ weekday: z.enum(WEEKDAYS), intervals: intervalsRule }).strict())
  .refine(
    (list) => new Set(list.map((d) => d.weekday)).size === list.length,
    'names a weekday more than once',
  )
  .transform(
    (list) =>
      Object.fromEntries(
        WEEKDAYS.map((d) => [d, list.find((w) => w.weekday === d)?.intervals ?? []]),
      ) as Record<Weekday, TimeInterval[]>,
  );

/** A service code: unique within its agency. */
export const serviceCodeRule = z
  .string()
  .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, 'must be uppercase letters, digits and hyphens')
  .max(20);

/** The fields of a service standard (standar pelayanan) that the files and the API share. */
export const serviceStandardRules = {
  code: serviceCodeRule,
  name: textRule(200),
  description: textRule(2000).nullable().default(null),
  ticketPrefix: z.string().regex(/^[A-Z0-9]{1,3}$/, 'must be 1 to 3 uppercase letters or digits'),
  requirements: z.array(textRule(500)).min(1),
  procedure: z.array(textRule(500)).min(1),
  processingTime: textRule(200),
  fee: z.number().int('must be whole rupiah').min(0).max(1_000_000_000),
  product: textRule(500),
  legalBasis: z.array(textRule(500)).min(1),
  complaintHandling: textRule(1000),
  dailyQuota: z.number().int().min(1).max(100_000).nullable().default(null),
  averageServiceMinutes: z.number().int().min(1).max(480),
  cutoffMinutes: z.number().int().min(0).max(480).default(30),
  active: z.boolean().default(true),
};

const wholeMinutes = (max: number) => z.number().int('must be whole minutes').min(0).max(max);
const bookingDefaults = BOOKING_POLICY_DEFAULTS;

/** A service's booking policy (every field defaulted); null takes no bookings. */
export const bookingPolicyRule = z
  .object({
    slotMinutes: z.number().int('must be whole minutes').min(5).max(240).default(bookingDefaults.slotMinutes),
    capacityPerSlot: z.number().int().min(1).max(1000).default(bookingDefaults.capacityPerSlot),
    windowDays: z.number().int().min(0).max(90).default(bookingDefaults.windowDays),
    minNoticeMinutes: wholeMinutes(7 * 24 * 60).default(bookingDefaults.minNoticeMinutes),
    walkInShare: z
      .number()
      .min(0)
      .lt(1, 'must be below 1: a share of 1 leaves nothing to book')
      .default(bookingDefaults.walkInShare),
    checkInEarlyMinutes: wholeMinutes(240).default(bookingDefaults.checkInEarlyMinutes),
    checkInLateMinutes: wholeMinutes(240).default(bookingDefaults.checkInLateMinutes),
  })
  .strict()
  .nullable();

/** The fields of an agency that the files and the API share. */
export const agencyRules = {
  slug: slugRule,
  name: textRule(200),
  shortName: textRule(60).nullable().default(null),
  kind: z.enum(AGENCY_KINDS),
  description: textRule(2000).nullable().default(null),
  active: z.boolean().default(true),
};

/** The fields of a counter that the files and the API share. */
export const counterRules = {
  slug: slugRule,
  name: textRule(100),
  active: z.boolean().default(true),
};

/** A problem with one field of a catalog change; `field` is relative to what was sent. */
export interface RuleIssue {
  field: string;
  reason: string;
}

/** `services[0].code`-style path of a zod issue. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    '',
  );
}

/**
 * The rules a service breaks within its mall's catalog: its ticket prefix is used by another service of
 * the mall (the message names that service), or its code by another service of its agency.
 */
export function serviceConflicts(catalog: Pick<MallCatalog, 'services'>, service: Service): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const prefixOwner = catalog.services.find(
    (s) => s.id !== service.id && s.ticketPrefix === service.ticketPrefix,
  );
  if (prefixOwner) {
    issues.push({
      field: 'ticketPrefix',
      reason: `${service.ticketPrefix} is already used by ${prefixOwner.id} in this mall`,
    });
  }
  const codeOwner = catalog.services.find(
    (s) => s.id !== service.id && s.agencyId === service.agencyId && s.code === service.code,
  );
  if (codeOwner) issues.push({ field: 'code', reason: `${service.code} appears twice in this agency` });
  return issues;
}

/** The rules a counter breaks within its mall's catalog: each service it serves is one of its own agency's. */
export function counterConflicts(catalog: Pick<MallCatalog, 'services'>, counter: Counter): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (counter.serviceIds.length === 0) {
    issues.push({ field: 'serviceIds', reason: 'a counter serves at least one service' });
  }
  counter.serviceIds.forEach((id, n) => {
    const service = catalog.services.find((s) => s.id === id);
    if (!service || service.agencyId !== counter.agencyId) {
      issues.push({ field: `serviceIds[${n}]`, reason: `no service ${id} in this agency` });
    }
  });
  if (new Set(counter.serviceIds).size !== counter.serviceIds.length) {
    issues.push({ field: 'serviceIds', reason: 'names a service more than once' });
  }
  return issues;
}
