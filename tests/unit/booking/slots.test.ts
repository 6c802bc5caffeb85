import { describe, expect, it } from 'vitest';
import {
  BOOKING_POLICY_DEFAULTS,
  type BookingPolicy,
  dayBookingCap,
} from '../../../src/domain/booking/booking-policy.js';
import { bookableSlots, slotsOfDay } from '../../../src/domain/booking/slots.js';
import type { ScheduleSpec, TimeInterval } from '../../../src/domain/catalog/schedule.js';
import { formatInZone } from '../../../src/domain/time/local-time.js';

const day = (...intervals: [string, string][]): TimeInterval[] =>
  intervals.map(([opens, closes]) => ({ opens, closes }));

/** Weekdays 08:00-12:00 and 13:00-15:00 (a lunch break); weekends closed; 2026-12-25 a holiday. */
const MALL: ScheduleSpec = {
  weekly: {
    MONDAY: day(['08:00', '12:00'], ['13:00', '15:00']),
    TUESDAY: day(['08:00', '12:00'], ['13:00', '15:00']),
    WEDNESDAY: day(['08:00', '12:00'], ['13:00', '15:00']),
    THURSDAY: day(['08:00', '12:00'], ['13:00', '15:00']),
    FRIDAY: day(['08:00', '11:30'], ['13:30', '15:00']),
    SATURDAY: [],
    SUNDAY: [],
  },
  exceptions: [
    { date: '2026-12-25', intervals: [], reason: 'Hari Raya Natal' },
    { date: '2026-12-24', intervals: day(['08:00', '08:45']), reason: 'Cuti bersama, setengah hari' },
  ],
};
/** An agency that opens later than the mall. */
const AGENCY: ScheduleSpec = {
  ...MALL,
  weekly: { ...MALL.weekly, TUESDAY: day(['10:00', '14:00']) },
  exceptions: [],
};

const policy = (over: Partial<BookingPolicy> = {}): BookingPolicy => ({
  ...BOOKING_POLICY_DEFAULTS,
  ...over,
});
const shown = (slots: { startsAt: Date }[]) =>
  slots.map((s) => formatInZone(s.startsAt, 'Asia/Jakarta').slice(11, 16));
// Monday 2026-11-30 06:00 WIB.
const MONDAY_EARLY = new Date('2026-11-29T23:00:00Z');

describe('booking slots', () => {
  it('cuts each interval into slots from its opening to its closing less one slot, skipping the break', () => {
    const slots = slotsOfDay([MALL], 'Asia/Jakarta', '2026-12-01', 30);
    expect(shown(slots)).toEqual([
      '08:00',
      '08:30',
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
    ]);
    expect(slots[0]?.startsAt.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(slots[0]?.endsAt.toISOString()).toBe('2026-12-01T01:30:00.000Z');
  });

  it('follows the agency’s narrower hours, holidays and special hours', () => {
    expect(shown(slotsOfDay([MALL, AGENCY], 'Asia/Jakarta', '2026-12-01', 60))).toEqual([
      '10:00',
      '11:00',
      '13:00',
    ]);
    expect(slotsOfDay([MALL], 'Asia/Jakarta', '2026-12-25', 30)).toEqual([]);
    expect(slotsOfDay([MALL], 'Asia/Jakarta', '2026-12-05', 30)).toEqual([]); // Saturday
    // 08:00-08:45 holds one 30-minute slot: 08:30 would end after closing.
    expect(shown(slotsOfDay([MALL], 'Asia/Jakarta', '2026-12-24', 30))).toEqual(['08:00']);
  });

  it('offers nothing sooner than the notice', () => {
    // Tuesday 2026-12-01 09:10 WIB with 60 minutes' notice: 10:10 is the earliest start.
    const now = new Date('2026-12-01T02:10:00Z');
    expect(shown(bookableSlots([MALL], 'Asia/Jakarta', '2026-12-01', policy(), now))).toEqual([
      '10:30',
      '11:00',
      '11:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
    ]);
    const exactly = new Date('2026-12-01T02:00:00Z'); // 09:00: 10:00 is exactly the notice away
    expect(shown(bookableSlots([MALL], 'Asia/Jakarta', '2026-12-01', policy(), exactly))[0]).toBe('10:00');
  });

  it('offers nothing past the window nor in the past', () => {
    const p = policy({ windowDays: 14 });
    expect(bookableSlots([MALL], 'Asia/Jakarta', '2026-12-14', p, MONDAY_EARLY)).toHaveLength(12); // today + 14
    expect(bookableSlots([MALL], 'Asia/Jakarta', '2026-12-15', p, MONDAY_EARLY)).toEqual([]); // today + 15
    expect(bookableSlots([MALL], 'Asia/Jakarta', '2026-11-27', p, MONDAY_EARLY)).toEqual([]); // last Friday
  });

  it('reads the window in the mall’s zone: just after midnight WIT is already the next day', () => {
    // 2026-11-30 15:30 UTC is 00:30 on 2026-12-01 in Jayapura: today + 14 is 2026-12-15 there.
    const now = new Date('2026-11-30T15:30:00Z');
    expect(bookableSlots([MALL], 'Asia/Jayapura', '2026-12-15', policy(), now)).toHaveLength(12);
  });

  it('keeps the walk-in share of the quota, or of the day’s capacity without one, rounding down', () => {
    expect(dayBookingCap(policy({ walkInShare: 0.5 }), 100, 12)).toBe(50);
    expect(dayBookingCap(policy({ walkInShare: 0.7 }), 100, 12)).toBe(30);
    expect(dayBookingCap(policy({ walkInShare: 0.9 }), 100, 12)).toBe(10);
    expect(dayBookingCap(policy({ walkInShare: 0.5 }), 7, 12)).toBe(3);
    expect(dayBookingCap(policy({ walkInShare: 0.5, capacityPerSlot: 3 }), null, 12)).toBe(18);
    expect(dayBookingCap(policy({ walkInShare: 0 }), null, 0)).toBe(0);
  });
});
