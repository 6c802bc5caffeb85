/**
 * The port of the booking store: slot and day counters, the per-NIK record and appointments. Every write
 * is one conditional transaction (the DynamoDB adapter is `src/dynamo/booking/booking-store.ts`).
 */
import type { Ticket } from '../queue/ticket.js';
import type { Appointment } from './appointment.js';
import type { NikRecord } from './nik-record.js';

/** A service's bookings on one date, as one read returns them. */
export interface ServiceDayBookings {
  /** Bookings held (cancellations give theirs back). */
  bookings: number;
  /** Places of the daily quota taken by bookings and walk-in tickets together. */
  committed: number;
  /** Bookings held per slot, by the slot's ISO start instant. */
  slotsBooked: Map<string, number>;
}

/** The citizen's phone and name, each sealed (encrypted) before it reaches the store. */
export interface SealedContact {
  phone: string;
  name: string | null;
}

/** Everything one booking writes, all or nothing. */
export interface NewBooking {
  appointment: Appointment;
  contact: SealedContact;
  /** The slot holds at most this many bookings. */
  slotCapacity: number;
  /** The day holds at most this many bookings (the walk-in share kept back). */
  dayBookingCap: number;
  /** Bookings and walk-ins together never pass it. */
  dailyQuota: number | null;
  /** The NIK's record as read (its version is the write's condition) and as it must be written. */
  nik: { hash: string; read: NikRecord; write: NikRecord };
  /** Appointments of this NIK that became no-shows: marked so in the same write. */
  newNoShows: string[];
  idempotencyKey: string | null;
}

/** Why a booking write lost, when it was not a full slot or day (those are QuotaExhaustedError). */
export type BookingConflictReason = 'NIK' | 'APPOINTMENT' | 'BUSY';

/**
 * A booking write that lost a race: the NIK's record or the appointment changed since read (re-read and
 * decide again), or DynamoDB cancelled colliding transactions (back off and retry). Never shown to clients.
 */
export class BookingWriteConflict extends Error {
  override readonly name = 'BookingWriteConflict';
  constructor(
    readonly reason: BookingConflictReason,
    options?: { cause?: unknown },
  ) {
    super(`Booking write lost on ${reason.toLowerCase()}`, options);
  }
}

/** A page of a day's appointments, in slot order. */
export interface AppointmentPage {
  items: { appointment: Appointment; cursor: string }[];
  nextCursor: string | null;
}

/** Where bookings are kept. */
export interface BookingRepository {
  /** The day's counters and every slot's bookings: one read. */
  serviceDay(serviceId: string, date: string): Promise<ServiceDayBookings>;
  /** The NIK's record; `EMPTY_NIK_RECORD` when it never booked. */
  nikRecord(nikHash: string): Promise<NikRecord>;
  /**
   * Writes a booking if the slot and the day have room and the NIK's record is still as read.
   * @throws QuotaExhaustedError when the slot or the day is full; BookingWriteConflict on a lost race.
   */
  book(booking: NewBooking): Promise<void>;
  /** Strongly consistent. */
  appointment(id: string): Promise<Appointment | null>;
  /**
   * Cancels: the appointment at its read version, and its place given back to the slot and the day.
   * @throws BookingWriteConflict
   */
  cancel(before: Appointment, after: Appointment): Promise<void>;
  /**
   * Checks in: the new ticket, the appointment at its read version, and the NIK's record updated.
   * @throws BookingWriteConflict
   */
  checkIn(before: Appointment, after: Appointment, ticket: Ticket): Promise<void>;
  /** A day's appointments of a service, in slot order; `after` is a cursor of an earlier page. */
  listDay(serviceId: string, date: string, first: number, after: string | null): Promise<AppointmentPage>;
}
