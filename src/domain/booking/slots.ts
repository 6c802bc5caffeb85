/**
 * Booking slots: a service's day cut into `slotMinutes` pieces of its agency's resolved opening hours
 * (breaks, holidays and dated exceptions included), from each interval's opening to its closing less
 * one slot. Which of them may be booked now depends on the notice and the window of the policy.
 */
import type { MallTimeZone } from '../catalog/catalog.js';
import { hoursOn, type ScheduleSpec } from '../catalog/schedule.js';
import {
  addDays,
  fromZoned,
  type LocalDate,
  localDateOf,
  minutesOfDay,
  timeOfMinutes,
} from '../time/local-time.js';
import type { BookingPolicy } from './booking-policy.js';

/** One slot of a day. */
export interface SlotTime {
  startsAt: Date;
  endsAt: Date;
}

/** Every slot of a date, bookable or not, in time order. */
export function slotsOfDay(
  chain: readonly ScheduleSpec[],
  timeZone: MallTimeZone,
  date: LocalDate,
  slotMinutes: number,
): SlotTime[] {
  const slots: SlotTime[] = [];
  for (const interval of hoursOn(chain, date).intervals) {
    const closes = minutesOfDay(interval.closes);
    for (let m = minutesOfDay(interval.opens); m + slotMinutes <= closes; m += slotMinutes) {
      const startsAt = fromZoned(date, timeOfMinutes(m), timeZone);
      slots.push({ startsAt, endsAt: new Date(startsAt.getTime() + slotMinutes * 60_000) });
    }
  }
  return slots;
}

/** Whether a date lies in the booking window: from today to today + windowDays (mall-local dates). */
export function isInWindow(
  date: LocalDate,
  now: Date,
  timeZone: MallTimeZone,
  policy: BookingPolicy,
): boolean {
  const today = localDateOf(now, timeZone);
  return date >= today && date <= addDays(today, policy.windowDays);
}

/** Whether a slot may still be booked at `now`: in the window, and at least the notice ahead. */
export function isBookable(
  slot: SlotTime,
  now: Date,
  timeZone: MallTimeZone,
  policy: BookingPolicy,
): boolean {
  return (
    slot.startsAt.getTime() >= now.getTime() + policy.minNoticeMinutes * 60_000 &&
    isInWindow(localDateOf(slot.startsAt, timeZone), now, timeZone, policy)
  );
}

/** The slots of a date that may be booked at `now`. */
export function bookableSlots(
  chain: readonly ScheduleSpec[],
  timeZone: MallTimeZone,
  date: LocalDate,
  policy: BookingPolicy,
  now: Date,
): SlotTime[] {
  if (!isInWindow(date, now, timeZone, policy)) return [];
  return slotsOfDay(chain, timeZone, date, policy.slotMinutes).filter((s) =>
    isBookable(s, now, timeZone, policy),
  );
}
