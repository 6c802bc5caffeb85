import { BadInputError } from '../shared/errors.js';
import { daysBetween, type LocalDate, WEEKDAYS, type Weekday } from '../time/local-time.js';
import type { MallTimeZone } from './catalog.js';
import {
  type DayHours,
  exceptionsBetween,
  hoursBetween,
  isOpenAt,
  MAX_SCHEDULE_RANGE_DAYS,
  type ScheduleSpec,
  type TimeInterval,
  weeklyHours,
} from './schedule.js';

/**
 * A schedule as the API shows it: the chain of specs that narrow each other
 * (the mall's, then an agency's own) and the zone their times are in.
 */
export interface ScheduleView {
  timeZone: MallTimeZone;
  chain: ScheduleSpec[];
}

/** Weekly hours of one day of the week. */
export interface WeekdayHours {
  weekday: Weekday;
  intervals: TimeInterval[];
}

/** A view's weekly hours, kept while the view lives: a catalog load keeps one view per agency. */
const weeklyByView = new WeakMap<ScheduleView, WeekdayHours[]>();

/** Weekly hours, Monday to Sunday. The answer is shared: read it, never change it. */
export function weeklyOf(view: ScheduleView): WeekdayHours[] {
  let weekly = weeklyByView.get(view);
  if (!weekly) {
    const hours = weeklyHours(view.chain);
    weekly = WEEKDAYS.map((weekday) => ({ weekday, intervals: hours[weekday] }));
    weeklyByView.set(view, weekly);
  }
  return weekly;
}

/**
 * The resolved hours of every date from `from` to `to` inclusive.
 *
 * @throws BadInputError when `to` is before `from` or the range is longer than 366 days.
 */
export function daysOf(view: ScheduleView, from: LocalDate, to: LocalDate): DayHours[] {
  const length = daysBetween(from, to) + 1;
  if (length < 1) throw new BadInputError('The date range ends before it starts.', 'to');
  if (length > MAX_SCHEDULE_RANGE_DAYS) {
    throw new BadInputError(`The date range may span at most ${MAX_SCHEDULE_RANGE_DAYS} days.`, 'to');
  }
  return hoursBetween(view.chain, from, to);
}

/**
 * The exceptions between two optional dates, resolved through the chain.
 *
 * @throws BadInputError when both are given and `to` is before `from`.
 */
export function exceptionsOf(view: ScheduleView, from: LocalDate | null, to: LocalDate | null): DayHours[] {
  if (from && to && to < from) throw new BadInputError('The date range ends before it starts.', 'to');
  return exceptionsBetween(view.chain, from, to);
}

/** Whether the schedule is open at an instant. */
export function isOpenNow(view: ScheduleView, now: Date): boolean {
  return isOpenAt(view.chain, view.timeZone, now);
}
