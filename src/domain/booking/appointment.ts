/**
 * An appointment (a booking of one slot of a service) as a plain domain type, and the status it reads
 * as at an instant. No I/O here.
 */
import { HIDDEN_BOOKING_CODE } from './booking-code.js';
import { maskNik } from './nik.js';

/** The states of an appointment; the same names as the GraphQL enum. */
export const APPOINTMENT_STATUSES = ['BOOKED', 'CHECKED_IN', 'CANCELLED', 'NO_SHOW'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** A booking as stored: never its code, never the NIK (only its keyed hash and last 4 digits). */
export interface Appointment {
  /** Keyed hash of the booking code. */
  id: string;
  mallId: string;
  agencyId: string;
  serviceId: string;
  /** Mall-local date of the slot. */
  date: string;
  /** ISO instants of the slot. */
  startsAt: string;
  endsAt: string;
  /** ISO instant after which an unused booking is a no-show (slot start + checkInLateMinutes when booked). */
  lateUntil: string;
  /** As stored; `statusAt` gives what it reads as now. */
  status: AppointmentStatus;
  bookedAt: string;
  nikHash: string;
  nikLast4: string;
  /** The ticket issued at check-in. */
  ticketId: string | null;
  checkedInAt: string | null;
  /** Checked in after the late window: the ticket was an ordinary walk-in. */
  checkedInLate: boolean;
  cancelledAt: string | null;
  /** Bumped on every write, for optimistic concurrency. */
  version: number;
}

/**
 * What an appointment reads as at `now`: a booking nobody checked in by the end of its late window is a
 * no-show, whether or not a write has recorded it yet.
 */
export function statusAt(appointment: Appointment, now: Date): AppointmentStatus {
  if (appointment.status === 'BOOKED' && now.getTime() > Date.parse(appointment.lateUntil)) return 'NO_SHOW';
  return appointment.status;
}

/** An appointment as one caller sees it: its status now, the NIK masked, the code only to its holder. */
export interface AppointmentView {
  appointment: Appointment;
  status: AppointmentStatus;
  /** The code in clear for the caller that gave or received it; hidden otherwise. */
  code: string;
  nikMasked: string;
}

/** The view of an appointment for a caller who holds `code` (null: one who does not). */
export function viewOf(appointment: Appointment, now: Date, code: string | null): AppointmentView {
  return {
    appointment,
    status: statusAt(appointment, now),
    code: code ?? HIDDEN_BOOKING_CODE,
    nikMasked: maskNik(appointment.nikLast4),
  };
}
