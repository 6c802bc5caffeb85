/**
 * Opening hours: weekly intervals per weekday, dated exceptions, and an
 * agency's hours narrowing its mall's. Pure functions over plain data.
 */

import {
  addDays,
  daysBetween,
  type LocalDate,
  type LocalTime,
  minutesOfDay,
  timeOfMinutes,
  toZoned,
  WEEKDAYS,
  type Weekday,
  weekdayOf,
} from '../time/local-time.js';
import type { MallTimeZone } from './catalog.js';

/** A half-open interval of wall-clock time: open from `opens` until just before `closes`. */
export interface TimeInterval {
  opens: LocalTime;
  closes: LocalTime;
}

/** A dated change to the weekly hours: a holiday (no intervals) or special hours. */
export interface ScheduleException {
  date: LocalDate;
  intervals: TimeInterval[];
  reason: string;
}

/** What a mall or agency declares. Every weekday is present; an empty list is closed. */
export interface ScheduleSpec {
  weekly: Record<Weekday, TimeInterval[]>;
  /** Sorted by date, at most one per date. */
  exceptions: ScheduleException[];
}

/** The hours of one date after exceptions and narrowing. */
export interface DayHours {
  date: LocalDate;
  intervals: TimeInterval[];
  reason: string | null;
}

/** Longest range `days(from, to)` may span, inclusive. */
export const MAX_SCHEDULE_RANGE_DAYS = 366;

/** A schedule that is closed every day. */
export function closedSchedule(): ScheduleSpec {
  return {
    weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as Record<Weekday, TimeInterval[]>,
    exceptions: [],
  };
}

/** Sorts intervals and merges the ones that touch or overlap. */
export function normalizeIntervals(intervals: readonly TimeInterval[]): TimeInterval[] {
  const sorted = intervals
    .map((i) => [minutesOfDay(i.opens), minutesOfDay(i.closes)] as const)
    .filter(([o, c]) => c > o)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [o, c] of sorted) {
    const last = merged[merged.length - 1];
    if (last && o <= last[1]) last[1] = Math.max(last[1], c);
    else merged.push([o, c]);
  }
  return merged.map(([o, c]) => ({ opens: timeOfMinutes(o), closes: timeOfMinutes(c) }));
}

/** The times that lie in both lists of intervals. */
export function intersectIntervals(a: readonly TimeInterval[], b: readonly TimeInterval[]): TimeInterval[] {
  const result: TimeInterval[] = [];
  for (const x of normalizeIntervals(a)) {
    for (const y of normalizeIntervals(b)) {
      const opens = Math.max(minutesOfDay(x.opens), minutesOfDay(y.opens));
      const closes = Math.min(minutesOfDay(x.closes), minutesOfDay(y.closes));
      if (closes > opens) result.push({ opens: timeOfMinutes(opens), closes: timeOfMinutes(closes) });
    }
  }
  return normalizeIntervals(result);
}

function exceptionOn(spec: ScheduleSpec, date: LocalDate): ScheduleException | undefined {
  return spec.exceptions.find((e) => e.date === date);
}

/** The hours a single schedule declares for a date: its exception if any, else its weekday. */
export function ownHoursOn(spec: ScheduleSpec, date: LocalDate): DayHours {
  const exception = exceptionOn(spec, date);
  if (exception)
    return { date, intervals: normalizeIntervals(exception.intervals), reason: exception.reason };
  return { date, intervals: normalizeIntervals(spec.weekly[weekdayOf(date)]), reason: null };
}

/**
 * The resolved hours of a date for a chain of schedules, outermost first
 * (the mall, then an agency that narrows it): the intersection of each one's
 * own hours. The reason is the innermost exception's, else the outer one's.
 */
export function hoursOn(chain: readonly ScheduleSpec[], date: LocalDate): DayHours {
  let intervals: TimeInterval[] | null = null;
  let reason: string | null = null;
  for (const spec of chain) {
    const own = ownHoursOn(spec, date);
    intervals = intervals === null ? own.intervals : intersectIntervals(intervals, own.intervals);
    reason = own.reason ?? reason;
  }
  return { date, intervals: intervals ?? [], reason };
}

/** The resolved hours of every date from `from` to `to` inclusive. The caller checks the range. */
export function hoursBetween(chain: readonly ScheduleSpec[], from: LocalDate, to: LocalDate): DayHours[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => hoursOn(chain, addDays(from, i)));
}

/** The weekly hours of a chain: per weekday, the intersection of each schedule's. */
export function weeklyHours(chain: readonly ScheduleSpec[]): Record<Weekday, TimeInterval[]> {
  const entries = WEEKDAYS.map((day) => {
    let intervals: TimeInterval[] | null = null;
    for (const spec of chain) {
      const own = normalizeIntervals(spec.weekly[day]);
      intervals = intervals === null ? own : intersectIntervals(intervals, own);
    }
    return [day, intervals ?? []] as const;
  });
  return Object.fromEntries(entries) as Record<Weekday, TimeInterval[]>;
}

/**
 * The exceptions that apply to a chain between two dates (inclusive, either
 * open-ended), each resolved through the whole chain, sorted by date.
 */
export function exceptionsBetween(
  chain: readonly ScheduleSpec[],
  from: LocalDate | null,
  to: LocalDate | null,
): DayHours[] {
  const dates = new Set<LocalDate>();
  for (const spec of chain) {
    for (const e of spec.exceptions) {
      if ((from === null || e.date >= from) && (to === null || e.date <= to)) dates.add(e.date);
    }
  }
  return [...dates].sort().map((date) => hoursOn(chain, date));
}

/** Whether `time` falls in one of the intervals (opening inclusive, closing exclusive). */
export function isWithin(intervals: readonly TimeInterval[], time: LocalTime): boolean {
  const t = minutesOfDay(time);
  return intervals.some((i) => t >= minutesOfDay(i.opens) && t < minutesOfDay(i.closes));
}

/** Whether the chain is open at an instant, read on the wall clock of `timeZone`. */
export function isOpenAt(chain: readonly ScheduleSpec[], timeZone: MallTimeZone, instant: Date): boolean {
  const { date, time } = toZoned(instant, timeZone);
  return isWithin(hoursOn(chain, date).intervals, time);
}

/**
 * The interval that contains `time` on `date`, or null when closed then.
 * Issuing rules use its `closes` for the cut-off.
 */
export function intervalAt(
  chain: readonly ScheduleSpec[],
  date: LocalDate,
  time: LocalTime,
): TimeInterval | null {
  const t = minutesOfDay(time);
  return (
    hoursOn(chain, date).intervals.find((i) => t >= minutesOfDay(i.opens) && t < minutesOfDay(i.closes)) ??
    null
  );
}
