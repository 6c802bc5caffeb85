import type { Appointment } from '../../../src/domain/booking/appointment.js';
import {
  type AppointmentPage,
  type BookingRepository,
  BookingWriteConflict,
  type NewBooking,
  type ServiceDayBookings,
} from '../../../src/domain/booking/booking-repository.js';
import { EMPTY_NIK_RECORD, type NikRecord } from '../../../src/domain/booking/nik-record.js';
import type { Ticket } from '../../../src/domain/queue/ticket.js';
import { BadInputError, QuotaExhaustedError } from '../../../src/domain/shared/errors.js';
import { copy, roundTrip } from './conditions.js';
import type { InMemoryIdempotencyRepository } from './in-memory-idempotency.js';
import type { InMemoryTicketRepository } from './in-memory-tickets.js';

/** What a failed condition means, as the store names it. */
type Meaning = 'NIK' | 'APPOINTMENT' | 'BUSY' | 'SLOT' | 'DAY';

/** The sealed contact of an appointment, on an item no index holds, deleted by TTL 90 days after the slot. */
export interface StoredContact {
  phone: string;
  name: string | null;
  /** Epoch seconds of the TTL. */
  expiresAt: number;
}

const CONTACT_KEPT_SECONDS = 90 * 86_400;

/** The staff list's sort key: slot start, then id. */
function sortKey(a: Pick<Appointment, 'startsAt' | 'id'>): string {
  return `${a.startsAt}#${a.id}`;
}

function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9T:.Z-]{20,30}#a[0-9a-f]{32}$/.test(raw))
    throw new BadInputError('The cursor is not valid.', 'after');
  return raw;
}

/**
 * Bookings in memory, refusing where the DynamoDB store (src/dynamo/booking/booking-store.ts) refuses,
 * each write all or nothing with the store's conditions in the store's order (the first failure names
 * the reason):
 * - `book`: the appointment and its contact are new (else APPOINTMENT); the slot holds fewer than its
 *   capacity (else QuotaExhaustedError for the slot); the day holds fewer bookings than its cap and, with
 *   a quota, fewer committed places (shared with walk-in tickets) than the quota (else QuotaExhaustedError
 *   for the day); the NIK's record is still at the version read (else NIK), and so is every appointment it
 *   marks a no-show (BOOKED); a claimed idempotency key gets its result (else APPOINTMENT);
 * - `cancel`: the appointment at its read version (else APPOINTMENT) and the NIK's record present (else
 *   BUSY); the place goes back to the slot and the day;
 * - `checkIn`: the ticket is new (else BUSY), the appointment at its read version (else APPOINTMENT), the
 *   NIK's record present (else BUSY); the ticket lands in the ticket fake.
 * The day's counters are the ticket fake's service-day items, so walk-ins and bookings share one quota.
 * `collideNextWrites(n)` makes the next n writes fail as colliding transactions do (BUSY), writing nothing.
 */
export class InMemoryBookingRepository implements BookingRepository {
  readonly appointments = new Map<string, Appointment>();
  readonly contacts = new Map<string, StoredContact>();
  /** Bookings per slot, by `serviceId#date#startsAt`. */
  readonly slots = new Map<string, number>();
  readonly niks = new Map<string, NikRecord>();
  readonly calls: Record<keyof BookingRepository, number> = {
    serviceDay: 0,
    nikRecord: 0,
    book: 0,
    appointment: 0,
    cancel: 0,
    checkIn: 0,
    listDay: 0,
  };
  /** Runs before a write checks its conditions; may change the store (another request winning). */
  beforeWrite: ((kind: 'book' | 'cancel' | 'checkIn') => void | Promise<void>) | null = null;
  private collisions = 0;

  constructor(
    private readonly tickets: InMemoryTicketRepository,
    private readonly idempotency: InMemoryIdempotencyRepository,
  ) {}

  private slotKey(serviceId: string, date: string, startsAt: string): string {
    return `${serviceId}#${date}#${startsAt}`;
  }

  async serviceDay(serviceId: string, date: string): Promise<ServiceDayBookings> {
    this.calls.serviceDay++;
    await roundTrip();
    const day = this.tickets.serviceDays.get(this.tickets.dayKey(serviceId, date));
    const prefix = `${serviceId}#${date}#`;
    const slotsBooked = new Map<string, number>();
    for (const [key, booked] of this.slots)
      if (key.startsWith(prefix)) slotsBooked.set(key.slice(prefix.length), booked);
    return { bookings: day?.bookings ?? 0, committed: day?.committed ?? day?.issued ?? 0, slotsBooked };
  }

  async nikRecord(nikHash: string): Promise<NikRecord> {
    this.calls.nikRecord++;
    await roundTrip();
    return copy(this.niks.get(nikHash) ?? EMPTY_NIK_RECORD);
  }

  async appointment(id: string): Promise<Appointment | null> {
    this.calls.appointment++;
    await roundTrip();
    const found = this.appointments.get(id);
    return found ? copy(found) : null;
  }

  /** The next `n` writes fail as colliding transactions (BUSY), writing nothing. */
  collideNextWrites(n = 1): void {
    this.collisions += n;
  }

  /** Runs the hook and a pending collision: what every write meets before its conditions. */
  private async enter(kind: 'book' | 'cancel' | 'checkIn'): Promise<void> {
    this.calls[kind]++;
    await roundTrip();
    await this.beforeWrite?.(kind);
    if (this.collisions > 0) {
      this.collisions--;
      throw new BookingWriteConflict('BUSY');
    }
  }

  async book(b: NewBooking): Promise<void> {
    const a = b.appointment;
    if (b.dayBookingCap < 1) {
      throw new QuotaExhaustedError(
        'This service keeps the whole day for walk-ins; it takes no bookings then.',
      );
    }
    await this.enter('book');
    const day = this.tickets.serviceDays.get(this.tickets.dayKey(a.serviceId, a.date));
    const slot = this.slotKey(a.serviceId, a.date, a.startsAt);
    const storedNik = this.niks.get(b.nik.hash);
    const checks: [boolean, Meaning][] = [
      [!this.appointments.has(a.id), 'APPOINTMENT'],
      [!this.contacts.has(a.id), 'APPOINTMENT'],
      [(this.slots.get(slot) ?? 0) < b.slotCapacity || !this.slots.has(slot), 'SLOT'],
      [
        (day?.bookings === undefined || day.bookings < b.dayBookingCap) &&
          (b.dailyQuota === null || day?.committed === undefined || day.committed < b.dailyQuota),
        'DAY',
      ],
      [b.nik.read.version === 0 ? !storedNik : storedNik?.version === b.nik.read.version, 'NIK'],
      ...b.newNoShows.map((id): [boolean, Meaning] => [
        this.appointments.get(id)?.status === 'BOOKED',
        'NIK',
      ]),
      ...(b.idempotencyKey === null
        ? []
        : [
            [this.idempotency.completable('bookAppointment', b.idempotencyKey), 'APPOINTMENT'] as [
              boolean,
              Meaning,
            ],
          ]),
    ];
    const failed = checks.find(([ok]) => !ok)?.[1];
    if (failed === 'SLOT') throw new QuotaExhaustedError('This slot is fully booked. Choose another slot.');
    if (failed === 'DAY') {
      throw new QuotaExhaustedError(
        `Bookings for ${a.date} are used up; the rest of the day is kept for walk-ins.`,
      );
    }
    if (failed) throw new BookingWriteConflict(failed);

    this.appointments.set(a.id, copy(a));
    this.contacts.set(a.id, {
      phone: b.contact.phone,
      name: b.contact.name,
      expiresAt: Math.floor(Date.parse(a.startsAt) / 1000) + CONTACT_KEPT_SECONDS,
    });
    this.slots.set(slot, (this.slots.get(slot) ?? 0) + 1);
    this.countDay(a, 1);
    this.niks.set(b.nik.hash, copy(b.nik.write));
    for (const id of b.newNoShows) {
      const gone = this.appointments.get(id);
      if (gone) this.appointments.set(id, { ...gone, status: 'NO_SHOW', version: gone.version + 1 });
    }
    if (b.idempotencyKey !== null) this.idempotency.complete('bookAppointment', b.idempotencyKey, a.id);
  }

  /** `ADD bookings :d, committed :d` on the service-day item, which the ticket fake keeps. */
  private countDay(a: Appointment, delta: 1 | -1): void {
    const key = this.tickets.dayKey(a.serviceId, a.date);
    const day = this.tickets.serviceDays.get(key);
    this.tickets.serviceDays.set(key, {
      ...day,
      serviceId: a.serviceId,
      date: a.date,
      agencyId: a.agencyId,
      bookings: (day?.bookings ?? 0) + delta,
      committed: (day?.committed ?? 0) + delta,
    });
  }

  /** `REMOVE bookings.#id, noShows.#id ADD version :one` on the NIK's record. */
  private releaseNik(nikHash: string, appointmentId: string): void {
    const record = this.niks.get(nikHash);
    if (!record) return;
    const { [appointmentId]: _held, ...bookings } = record.bookings;
    const { [appointmentId]: _noShow, ...noShows } = record.noShows;
    this.niks.set(nikHash, { version: record.version + 1, bookings, noShows });
  }

  async cancel(before: Appointment, after: Appointment): Promise<void> {
    await this.enter('cancel');
    if (this.appointments.get(before.id)?.version !== before.version)
      throw new BookingWriteConflict('APPOINTMENT');
    if (!this.niks.has(before.nikHash)) throw new BookingWriteConflict('BUSY');
    this.appointments.set(after.id, copy(after));
    const slot = this.slotKey(before.serviceId, before.date, before.startsAt);
    this.slots.set(slot, (this.slots.get(slot) ?? 0) - 1);
    this.countDay(before, -1);
    this.releaseNik(before.nikHash, before.id);
  }

  async checkIn(before: Appointment, after: Appointment, ticket: Ticket): Promise<void> {
    await this.enter('checkIn');
    if (this.tickets.peek(ticket.id)) throw new BookingWriteConflict('BUSY');
    if (this.appointments.get(before.id)?.version !== before.version)
      throw new BookingWriteConflict('APPOINTMENT');
    if (!this.niks.has(before.nikHash)) throw new BookingWriteConflict('BUSY');
    this.tickets.insert(ticket);
    this.appointments.set(after.id, copy(after));
    this.releaseNik(before.nikHash, before.id);
  }

  async listDay(
    serviceId: string,
    date: string,
    first: number,
    after: string | null,
  ): Promise<AppointmentPage> {
    this.calls.listDay++;
    const start = after === null ? null : decodeCursor(after);
    await roundTrip();
    const evaluated = [...this.appointments.values()]
      .filter((a) => a.serviceId === serviceId && a.date === date)
      .sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : sortKey(x) > sortKey(y) ? 1 : 0))
      .filter((a) => start === null || sortKey(a) > start)
      .slice(0, first);
    const encode = (a: Appointment) => Buffer.from(sortKey(a), 'utf8').toString('base64url');
    const last = evaluated.length === first ? evaluated[evaluated.length - 1] : undefined;
    return {
      items: evaluated.map((a) => ({ appointment: copy(a), cursor: encode(a) })),
      nextCursor: last ? encode(last) : null,
    };
  }
}
