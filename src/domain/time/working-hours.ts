/**
 * Working time between two instants: the part of the interval that falls in the opening hours of a
 * resolved schedule (weekends, holidays and closed hours do not count). Complaint figures measure the
 * agency's first answer in these hours (docs/domain-rules.md, 'Figures and IKM').
 */
import type { MallTimeZone } from '../catalog/catalog.js';
import { hoursOn, type ScheduleSpec } from '../catalog/schedule.js';
import { addDays, daysBetween, fromZoned, localDateOf } from './local-time.js';

/** Longest span measured; a longer one is a data error, not a figure. */
const MAX_SPAN_DAYS = 1000;

/** Milliseconds of opening hours of `chain` between `start` and `end` (0 when `end` is not after `start`). */
export function workingMsBetween(
  chain: readonly ScheduleSpec[],
  timeZone: MallTimeZone,
  start: Date,
  end: Date,
): number {
  if (end.getTime() <= start.getTime()) return 0;
  const first = localDateOf(start, timeZone);
  const days = Math.min(daysBetween(first, localDateOf(end, timeZone)), MAX_SPAN_DAYS);
  let total = 0;
  for (let i = 0; i <= days; i++) {
    const date = addDays(first, i);
    for (const interval of hoursOn(chain, date).intervals) {
      const opens = fromZoned(date, interval.opens, timeZone).getTime();
      const closes = fromZoned(date, interval.closes, timeZone).getTime();
      const from = Math.max(opens, start.getTime());
      const to = Math.min(closes, end.getTime());
      if (to > from) total += to - from;
    }
  }
  return total;
}
