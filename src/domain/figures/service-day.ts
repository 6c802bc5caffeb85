/**
 * The figures of one service on one mall-local date, summarized from every ticket fact, survey and
 * booking of that day (docs/domain-rules.md, 'Figures and IKM'). A summary is always recomputed
 * from all of the day's facts, never adjusted by a delta, so it is exact and the same however the
 * facts arrived.
 */
import { MS_PER_MINUTE, nearestRank, roundRatio } from './figures-math.js';
import { SURVEY_ELEMENTS } from './survey.js';
import type { TicketFact } from './ticket-facts.js';

/** A booking as the figures see it. */
export interface AppointmentFact {
  appointmentId: string;
  serviceId: string;
  agencyId: string;
  /** The mall-local date of its slot. */
  date: string;
  version: number;
  /** As stored: a BOOKED appointment past `lateUntil` reads as NO_SHOW without being written again. */
  status: 'BOOKED' | 'CHECKED_IN' | 'CANCELLED' | 'NO_SHOW';
  /** ISO instant after which an unused booking is a no-show. */
  lateUntil: string;
}

/** What identifies a service-day. */
export interface ServiceDayKey {
  mallId: string;
  agencyId: string;
  serviceId: string;
  date: string;
}

/** A service-day in whole numbers: what the rollup stores and every shown figure derives from. */
export interface ServiceDaySummary extends ServiceDayKey {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  transferredOut: number;
  /** Tickets whose first call was in this service: the wait figures count these. */
  called: number;
  waitSumMs: number;
  waitP50Ms: number | null;
  waitP90Ms: number | null;
  /** Called tickets whose wait was at most the mall's target. */
  withinTarget: number;
  /** The target (minutes) `withinTarget` was counted against. */
  targetWaitMinutes: number;
  /** DONE tickets with a service time. */
  finished: number;
  serviceSumMs: number;
  serviceP50Ms: number | null;
  serviceP90Ms: number | null;
  /** Bookings for the day, cancelled ones excepted. */
  bookings: number;
  /** Bookings stored as NO_SHOW. */
  bookingNoShows: number;
  /**
   * Bookings still BOOKED, counted by the instant they turn into no-shows: a booking nobody used
   * becomes a no-show by the clock, with no write to tell the rollup, so the reader counts these
   * against its own "now".
   */
  bookedUntil: Record<string, number>;
  /** Surveys of the day's tickets. */
  responses: number;
  /** Per element (`SURVEY_ELEMENTS` order), the sum of its scores over `responses`. */
  scoreSums: number[];
}

/** The counts of a ticket fact, the part a summary reads. */
export type TicketFactCounts = Pick<
  TicketFact,
  'issued' | 'transferredOut' | 'outcome' | 'waitMs' | 'serviceMs'
>;

const ascending = (a: number, b: number) => a - b;

function countBy(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}

/**
 * Summarizes a service-day from all its facts.
 * @param surveys the scores of each survey of the day, in `SURVEY_ELEMENTS` order.
 */
export function summarizeServiceDay(
  key: ServiceDayKey,
  tickets: readonly TicketFactCounts[],
  surveys: readonly (readonly number[])[],
  appointments: readonly Pick<AppointmentFact, 'status' | 'lateUntil'>[],
  targetWaitMinutes: number,
): ServiceDaySummary {
  const waits: number[] = [];
  const services: number[] = [];
  let issued = 0;
  let served = 0;
  let noShow = 0;
  let cancelled = 0;
  let transferredOut = 0;
  for (const t of tickets) {
    issued += t.issued;
    transferredOut += t.transferredOut;
    if (t.outcome === 'DONE') served++;
    else if (t.outcome === 'NO_SHOW') noShow++;
    else if (t.outcome === 'CANCELLED') cancelled++;
    if (t.waitMs !== null) waits.push(t.waitMs);
    if (t.serviceMs !== null) services.push(t.serviceMs);
  }
  waits.sort(ascending);
  services.sort(ascending);
  const targetMs = targetWaitMinutes * MS_PER_MINUTE;
  const scoreSums = SURVEY_ELEMENTS.map((_, i) => surveys.reduce((sum, s) => sum + (s[i] ?? 0), 0));
  return {
    ...key,
    issued,
    served,
    noShow,
    cancelled,
    transferredOut,
    called: waits.length,
    waitSumMs: waits.reduce((a, b) => a + b, 0),
    waitP50Ms: nearestRank(waits, 50),
    waitP90Ms: nearestRank(waits, 90),
    withinTarget: waits.filter((w) => w <= targetMs).length,
    targetWaitMinutes,
    finished: services.length,
    serviceSumMs: services.reduce((a, b) => a + b, 0),
    serviceP50Ms: nearestRank(services, 50),
    serviceP90Ms: nearestRank(services, 90),
    bookings: appointments.filter((a) => a.status !== 'CANCELLED').length,
    bookingNoShows: appointments.filter((a) => a.status === 'NO_SHOW').length,
    bookedUntil: countBy(appointments.filter((a) => a.status === 'BOOKED').map((a) => a.lateUntil)),
    responses: surveys.length,
    scoreSums,
  };
}

/** A service-day as shown: minutes to 2 decimals and the share to 4, each rounded once from the exact ratio. */
export interface ServiceDayFigures {
  date: string;
  serviceId: string;
  agencyId: string;
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  transferredOut: number;
  waitMinutesAvg: number | null;
  waitMinutesP50: number | null;
  waitMinutesP90: number | null;
  serviceMinutesAvg: number | null;
  serviceMinutesP50: number | null;
  serviceMinutesP90: number | null;
  servedWithinTarget: number | null;
  bookings: number;
  bookingNoShows: number;
}

const minutes = (ms: number | null) => (ms === null ? null : roundRatio(ms, MS_PER_MINUTE, 2));

/** The shown figures of a summary at `now` (unused bookings past their window count as no-shows). */
export function figuresOfDay(s: ServiceDaySummary, now: Date): ServiceDayFigures {
  const nowMs = now.getTime();
  let lapsed = 0;
  for (const [until, count] of Object.entries(s.bookedUntil)) if (nowMs > Date.parse(until)) lapsed += count;
  return {
    date: s.date,
    serviceId: s.serviceId,
    agencyId: s.agencyId,
    issued: s.issued,
    served: s.served,
    noShow: s.noShow,
    cancelled: s.cancelled,
    transferredOut: s.transferredOut,
    waitMinutesAvg: roundRatio(s.waitSumMs, s.called * MS_PER_MINUTE, 2),
    waitMinutesP50: minutes(s.waitP50Ms),
    waitMinutesP90: minutes(s.waitP90Ms),
    serviceMinutesAvg: roundRatio(s.serviceSumMs, s.finished * MS_PER_MINUTE, 2),
    serviceMinutesP50: minutes(s.serviceP50Ms),
    serviceMinutesP90: minutes(s.serviceP90Ms),
    servedWithinTarget: roundRatio(s.withinTarget, s.called, 4),
    bookings: s.bookings,
    bookingNoShows: s.bookingNoShows + lapsed,
  };
}
