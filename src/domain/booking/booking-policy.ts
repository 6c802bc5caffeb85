/**
 * A service's booking policy (antrian online): how its days are cut into slots and how much of a day
 * bookings may take. Declared per service in the data files; a service without one takes no bookings.
 */

/** How a service takes bookings (docs/domain-rules.md, 'The ticket door and booking'). */
export interface BookingPolicy {
  /** Length of a slot in minutes; slots start every `slotMinutes` from each opening. */
  slotMinutes: number;
  /** Bookings one slot holds at most. */
  capacityPerSlot: number;
  /** How many days ahead bookings open (today + windowDays is the last bookable date). @default 14 */
  windowDays: number;
  /** Bookings close this many minutes before the slot starts. @default 60 */
  minNoticeMinutes: number;
  /** Share (0 to 1) of the daily quota, or of the day's slot capacity, kept for walk-ins. @default 0.5 */
  walkInShare: number;
  /** Check-in opens this many minutes before the slot. @default 30 */
  checkInEarlyMinutes: number;
  /** Check-in on time closes this many minutes after the slot starts; later is a walk-in. @default 15 */
  checkInLateMinutes: number;
}

/** The defaults of every field the data files may leave out. */
export const BOOKING_POLICY_DEFAULTS = {
  slotMinutes: 30,
  capacityPerSlot: 2,
  windowDays: 14,
  minNoticeMinutes: 60,
  walkInShare: 0.5,
  checkInEarlyMinutes: 30,
  checkInLateMinutes: 15,
} as const satisfies BookingPolicy;

/**
 * The most bookings a day may take: (1 − walkInShare) of the daily quota, or of the day's slot capacity
 * when the service has no quota, rounded down, so walk-ins always keep at least their share.
 */
export function dayBookingCap(policy: BookingPolicy, dailyQuota: number | null, slotsOfDay: number): number {
  const base = dailyQuota ?? slotsOfDay * policy.capacityPerSlot;
  // The epsilon keeps 0.3 × 100 at 30 when binary floating point says 29.999…
  return Math.max(0, Math.floor((1 - policy.walkInShare) * base + 1e-9));
}
