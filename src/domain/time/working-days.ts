/**
 * The working-day clock of complaints: a working day is a date on which the
 * mall's resolved schedule has opening hours (weekends, national holidays and
 * cuti bersama are not).
 */
import type { MallTimeZone } from '../catalog/catalog.js';
import { hoursOn, type ScheduleSpec } from '../catalog/schedule.js';
import { addDays, fromZoned, type LocalDate, localDateOf } from './local-time.js';

/** Longest search for working days; a mall closed this long is a data error, not a deadline. */
const MAX_SEARCH_DAYS = 1000;

/** Whether the schedule has opening hours on a date. */
export function isWorkingDay(chain: readonly ScheduleSpec[], date: LocalDate): boolean {
  return hoursOn(chain, date).intervals.length > 0;
}

/** The `n`th working day after `date` (not counting `date` itself). */
export function nthWorkingDayAfter(chain: readonly ScheduleSpec[], date: LocalDate, n: number): LocalDate {
  let day = date;
  for (let found = 0, steps = 0; found < n; steps++) {
    if (steps > MAX_SEARCH_DAYS)
      throw new Error(`No ${n} working days within ${MAX_SEARCH_DAYS} days of ${date}`);
    day = addDays(day, 1);
    if (isWorkingDay(chain, day)) found++;
  }
  return day;
}

/**
 * The deadline of a stage of `n` working days that began at `start`: the end
 * (23:59:59 mall time) of the `n`th working day after the day it began.
 */
export function workingDayDeadline(
  chain: readonly ScheduleSpec[],
  timeZone: MallTimeZone,
  start: Date,
  n: number,
): Date {
  const day = nthWorkingDayAfter(chain, localDateOf(start, timeZone), n);
  return fromZoned(day, '23:59:59', timeZone);
}
