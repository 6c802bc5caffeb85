/**
 * The per-NIK booking rules, as pure decisions over one record per NIK: at most one active booking per
 * service and day, at most 2 future bookings, and 3 no-shows within 90 days block booking for 30 days
 * (docs/domain-rules.md, 'The ticket door and booking'). The store writes the record back only if it is
 * still at the version read, so concurrent bookings with one NIK cannot both pass these rules.
 */
import { BookingBlockedError, BookingLimitError } from '../shared/errors.js';
import { addDays, daysBetween, type LocalDate } from '../time/local-time.js';

/** A booking the NIK holds that is not yet checked in, cancelled or past its late window. */
export interface HeldBooking {
  serviceId: string;
  /** Mall-local date of the slot. */
  date: LocalDate;
  /** ISO instant of the slot start. */
  startsAt: string;
  /** ISO instant after which an unused booking is a no-show. */
  lateUntil: string;
}

/** Everything the rules need to know of one NIK. */
export interface NikRecord {
  /** 0 when the NIK never booked; bumped by every write. */
  version: number;
  /** Active bookings by appointment id. */
  bookings: Record<string, HeldBooking>;
  /** Recent no-shows: mall-local slot date by appointment id. */
  noShows: Record<string, LocalDate>;
}

/** A NIK that never booked. */
export const EMPTY_NIK_RECORD: NikRecord = Object.freeze({ version: 0, bookings: {}, noShows: {} });

/** Future bookings a NIK may hold at once. */
export const MAX_FUTURE_BOOKINGS = 2;
/** No-shows within `NO_SHOW_WINDOW_DAYS` that block booking. */
export const NO_SHOW_LIMIT = 3;
export const NO_SHOW_WINDOW_DAYS = 90;
/** Days a block lasts from the no-show that caused it. */
export const BLOCK_DAYS = 30;

/** A record with its bookings past their late window moved to the no-shows, and old no-shows dropped. */
export interface Settled {
  record: NikRecord;
  /** Appointments that became no-shows in this settling: their items are marked so in the same write. */
  newNoShows: string[];
}

/**
 * Moves every booking whose late window has passed to the no-shows (nobody checked it in), and forgets
 * no-shows too old to count towards a block. `today` is the mall-local date of the decision.
 */
export function settle(record: NikRecord, now: Date, today: LocalDate): Settled {
  const bookings: Record<string, HeldBooking> = {};
  const noShows: Record<string, LocalDate> = { ...record.noShows };
  const newNoShows: string[] = [];
  for (const [id, booking] of Object.entries(record.bookings)) {
    if (Date.parse(booking.lateUntil) < now.getTime()) {
      noShows[id] = booking.date;
      newNoShows.push(id);
    } else {
      bookings[id] = booking;
    }
  }
  const oldest = addDays(today, -(NO_SHOW_WINDOW_DAYS + BLOCK_DAYS));
  for (const [id, date] of Object.entries(noShows)) if (date < oldest) delete noShows[id];
  return { record: { version: record.version, bookings, noShows }, newNoShows };
}

/**
 * The first date a NIK may book again after its no-shows, or null when they never blocked it: any 3
 * no-shows within 90 days block it for 30 days from the third one.
 */
export function blockEndsOn(noShows: readonly LocalDate[]): LocalDate | null {
  const dates = [...noShows].sort();
  let ends: LocalDate | null = null;
  for (let i = NO_SHOW_LIMIT - 1; i < dates.length; i++) {
    const first = dates[i - (NO_SHOW_LIMIT - 1)];
    const last = dates[i];
    if (first === undefined || last === undefined) continue;
    if (daysBetween(first, last) < NO_SHOW_WINDOW_DAYS) {
      const candidate = addDays(last, BLOCK_DAYS);
      if (ends === null || candidate > ends) ends = candidate;
    }
  }
  return ends;
}

/** What a new booking asks of the NIK's record. */
export interface BookingRequest {
  appointmentId: string;
  booking: HeldBooking;
}

/**
 * The NIK's record after a new booking, when the rules allow it.
 * @param today the mall-local date of the decision.
 * @throws BookingBlockedError after 3 no-shows within 90 days, until the block ends;
 *   BookingLimitError for a second booking of the same service and day, or a third future booking.
 */
export function decideBooking(
  record: NikRecord,
  request: BookingRequest,
  now: Date,
  today: LocalDate,
): Settled {
  const settled = settle(record, now, today);
  const { bookings, noShows } = settled.record;
  const ends = blockEndsOn(Object.values(noShows));
  if (ends !== null && today < ends) {
    throw new BookingBlockedError(
      `This NIK missed ${NO_SHOW_LIMIT} bookings within ${NO_SHOW_WINDOW_DAYS} days and may book again from ${ends}.`,
      ends,
    );
  }
  const held = Object.values(bookings);
  const { serviceId, date } = request.booking;
  if (held.some((b) => b.serviceId === serviceId && b.date === date)) {
    throw new BookingLimitError('This NIK already holds a booking for this service on that day.');
  }
  if (held.length >= MAX_FUTURE_BOOKINGS) {
    throw new BookingLimitError(
      `This NIK already holds ${MAX_FUTURE_BOOKINGS} future bookings; cancel one or use it first.`,
    );
  }
  return {
    record: {
      version: record.version + 1,
      bookings: { ...bookings, [request.appointmentId]: request.booking },
      noShows,
    },
    newNoShows: settled.newNoShows,
  };
}
