import { describe, expect, it } from 'vitest';
import {
  blockEndsOn,
  decideBooking,
  EMPTY_NIK_RECORD,
  type HeldBooking,
  type NikRecord,
  settle,
} from '../../../src/domain/booking/nik-record.js';
import { BookingBlockedError, BookingLimitError } from '../../../src/domain/shared/errors.js';

const NOW = new Date('2026-12-01T03:00:00Z'); // 10:00 WIB
const TODAY = '2026-12-01';

function held(serviceId: string, date: string, hour = '02:00'): HeldBooking {
  const startsAt = `${date}T${hour}:00.000Z`;
  return { serviceId, date, startsAt, lateUntil: new Date(Date.parse(startsAt) + 15 * 60_000).toISOString() };
}

const request = (id: string, booking: HeldBooking) => ({ appointmentId: id, booking });

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return null;
}

describe('per-NIK booking rules', () => {
  it('lets a first booking through and bumps the version', () => {
    const { record } = decideBooking(EMPTY_NIK_RECORD, request('a1', held('skck', '2026-12-03')), NOW, TODAY);
    expect(record.version).toBe(1);
    expect(Object.keys(record.bookings)).toEqual(['a1']);
  });

  it('refuses a second active booking of the same service and day, whatever the slot', () => {
    const first = decideBooking(
      EMPTY_NIK_RECORD,
      request('a1', held('skck', '2026-12-03', '02:00')),
      NOW,
      TODAY,
    );
    const error = caught(() =>
      decideBooking(first.record, request('a2', held('skck', '2026-12-03', '06:00')), NOW, TODAY),
    );
    expect(error).toBeInstanceOf(BookingLimitError);
    // Another service that day, or the same service another day, is fine.
    expect(() =>
      decideBooking(first.record, request('a3', held('ktp', '2026-12-03')), NOW, TODAY),
    ).not.toThrow();
    expect(() =>
      decideBooking(first.record, request('a4', held('skck', '2026-12-04')), NOW, TODAY),
    ).not.toThrow();
  });

  it('refuses a third future booking', () => {
    let record: NikRecord = EMPTY_NIK_RECORD;
    record = decideBooking(record, request('a1', held('skck', '2026-12-03')), NOW, TODAY).record;
    record = decideBooking(record, request('a2', held('ktp', '2026-12-04')), NOW, TODAY).record;
    const error = caught(() => decideBooking(record, request('a3', held('kk', '2026-12-05')), NOW, TODAY));
    expect(error).toBeInstanceOf(BookingLimitError);
    expect((error as Error).message).toMatch(/2 future bookings/);
  });

  it('counts a booking past its late window as a no-show, which frees its place among the two', () => {
    let record: NikRecord = EMPTY_NIK_RECORD;
    record = decideBooking(record, request('old', held('skck', '2026-11-30')), NOW, TODAY).record;
    const second = decideBooking(record, request('a2', held('ktp', '2026-12-04')), NOW, TODAY);
    expect(second.newNoShows).toEqual(['old']);
    expect(second.record.noShows).toEqual({ old: '2026-11-30' });
    const third = decideBooking(second.record, request('a3', held('kk', '2026-12-05')), NOW, TODAY);
    expect(third.newNoShows).toEqual([]);
    expect(Object.keys(third.record.bookings).sort()).toEqual(['a2', 'a3']);
  });

  it('is not a no-show until the late window has passed', () => {
    const record: NikRecord = { version: 1, bookings: { a1: held('skck', TODAY, '02:50') }, noShows: {} };
    // Slot 09:50 WIB, late until 10:05; now 10:00.
    expect(settle(record, NOW, TODAY).newNoShows).toEqual([]);
    expect(settle(record, new Date('2026-12-01T03:06:00Z'), TODAY).newNoShows).toEqual(['a1']);
  });

  it('blocks for 30 days from the third no-show within 90 days, with the date it ends', () => {
    expect(blockEndsOn(['2026-09-10', '2026-10-01', '2026-11-20'])).toBe('2026-12-20');
    // 90 days or more between the first and the third: no block.
    expect(blockEndsOn(['2026-08-22', '2026-10-01', '2026-11-20'])).toBeNull();
    expect(blockEndsOn(['2026-08-23', '2026-10-01', '2026-11-20'])).toBe('2026-12-20');
    expect(blockEndsOn(['2026-10-01', '2026-11-20'])).toBeNull();
    // The latest qualifying triple decides.
    expect(blockEndsOn(['2026-09-01', '2026-09-02', '2026-09-03', '2026-11-01'])).toBe('2026-12-01');
  });

  it('refuses a blocked NIK with BOOKING_BLOCKED and the end date, and lets it book from that date', () => {
    const record: NikRecord = {
      version: 4,
      bookings: {},
      noShows: { n1: '2026-11-10', n2: '2026-11-17', n3: '2026-11-24' },
    };
    const error = caught(() => decideBooking(record, request('a1', held('skck', '2026-12-10')), NOW, TODAY));
    expect(error).toBeInstanceOf(BookingBlockedError);
    expect((error as BookingBlockedError).until).toBe('2026-12-24');
    const later = new Date('2026-12-24T01:00:00Z');
    expect(() =>
      decideBooking(record, request('a1', held('skck', '2026-12-28')), later, '2026-12-24'),
    ).not.toThrow();
  });

  it('blocks on the third no-show found by this very decision', () => {
    const record: NikRecord = {
      version: 3,
      bookings: { n3: held('skck', '2026-11-30') },
      noShows: { n1: '2026-11-10', n2: '2026-11-17' },
    };
    const error = caught(() => decideBooking(record, request('a1', held('ktp', '2026-12-03')), NOW, TODAY));
    expect(error).toBeInstanceOf(BookingBlockedError);
    expect((error as BookingBlockedError).until).toBe('2026-12-30');
  });

  it('forgets no-shows too old to matter', () => {
    const record: NikRecord = {
      version: 1,
      bookings: {},
      noShows: { old: '2026-07-01', recent: '2026-11-01' },
    };
    expect(settle(record, NOW, TODAY).record.noShows).toEqual({ recent: '2026-11-01' });
  });
});
