/**
 * The booking use cases (antrian online): slots, booking, looking up, cancelling and checking in an
 * appointment, and the staff's list of a day. Receives its ports; knows nothing of DynamoDB or GraphQL.
 * The rules are in docs/domain-rules.md, 'The ticket door and booking'.
 */
import { assertCanIssueTicket, isStaffOfAgency } from '../access/access.js';
import type { Viewer } from '../access/viewer.js';
import type { Service } from '../catalog/catalog.js';
import type { CatalogLookups, IndexedCatalog } from '../catalog/catalog-reader.js';
import { intervalAt } from '../catalog/schedule.js';
import { PHONE_PATTERN } from '../complaints/complaint-service.js';
import { derivedHolderCode, holderCodeHash } from '../queue/holder-code.js';
import { newWaitingTicket } from '../queue/new-ticket.js';
import type { IdSource } from '../queue/queue-service.js';
import type { Ticket } from '../queue/ticket.js';
import type { TicketRepository } from '../queue/ticket-repository.js';
import {
  AgencyClosedError,
  BadInputError,
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  UnauthenticatedError,
} from '../shared/errors.js';
import { assertIdempotencyKey, claimOrAwait, type IdempotencyRepository } from '../shared/idempotency.js';
import { type RandomSource, randomFraction } from '../shared/random.js';
import type { Secrets } from '../shared/secrets.js';
import type { Sleeper } from '../time/clock.js';
import { isLocalDate, type LocalDate, localDateOf, toZoned } from '../time/local-time.js';
import { type Appointment, type AppointmentView, statusAt, viewOf } from './appointment.js';
import {
  appointmentIdOf,
  bookingCodeFrom,
  derivedBookingCode,
  normalizeBookingCode,
} from './booking-code.js';
import { type BookingPolicy, dayBookingCap } from './booking-policy.js';
import { type BookingRepository, BookingWriteConflict } from './booking-repository.js';
import { isNikLast4, nikHashOf, normalizeNik } from './nik.js';
import { decideBooking } from './nik-record.js';
import { isBookable, type SlotTime, slotsOfDay } from './slots.js';

/** A slot as a caller sees it. */
export interface SlotView {
  /** The mall whose zone the instants are shown in. */
  mallId: string;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  capacity: number;
  remaining: number;
}

/** A request to book a slot. */
export interface BookAppointmentInput {
  serviceId: string;
  /** RFC 3339 instant of the slot start. */
  startsAt: string;
  nik: string;
  phone: string;
  name: string | null;
  idempotencyKey: string | null;
}

/** One appointment of a staff listing, with its cursor. */
export interface AppointmentViewEdge {
  cursor: string;
  node: AppointmentView;
}

/** A page of a day's appointments as staff see them. */
export interface AppointmentViewPage {
  edges: AppointmentViewEdge[];
  nextCursor: string | null;
}

/** Rounds of a booking, cancel or check-in write that lost a race before the caller gets CONFLICT. */
const WRITE_ROUNDS = 12;
/** The largest page of a staff listing. */
export const MAX_APPOINTMENT_PAGE = 100;

/** The policy of a service that takes bookings, or null. */
export function bookingPolicyOf(service: Service): BookingPolicy | null {
  return service.booking ?? null;
}

/** Made per request, like the other use cases. */
export class BookingService {
  /** Appointments this request read or wrote, so a field of the answer does not read them again. */
  private readonly seen = new Map<string, Appointment>();

  constructor(
    private readonly bookings: BookingRepository,
    private readonly tickets: TicketRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly catalog: CatalogLookups,
    private readonly ids: IdSource,
    private readonly sleeper: Sleeper,
    private readonly random: RandomSource,
    private readonly secrets: Secrets,
  ) {}

  /** Only an active service of an active agency takes bookings. */
  private catalogOfService(serviceId: string): Promise<{ catalog: IndexedCatalog; service: Service }> {
    return this.catalog.requireService(serviceId, true);
  }

  /** Every slot of the service's date, before notice and window. */
  private daySlots(
    catalog: IndexedCatalog,
    service: Service,
    policy: BookingPolicy,
    date: LocalDate,
  ): SlotTime[] {
    const agency = catalog.agencies.get(service.agencyId);
    if (!agency) return [];
    return slotsOfDay(catalog.agencySchedule(agency).chain, catalog.mall.timeZone, date, policy.slotMinutes);
  }

  /**
   * The bookable slots of a date with what is left of each: none when the service takes no bookings,
   * the date is outside the window, or the agency is closed. One read of the day.
   * @throws BadInputError for a malformed date
   */
  async slots(service: Service, date: LocalDate, now: Date): Promise<SlotView[]> {
    if (!isLocalDate(date)) throw new BadInputError('The date must be a real date YYYY-MM-DD.', 'date');
    const policy = bookingPolicyOf(service);
    if (!policy) return [];
    const { catalog } = await this.catalogOfService(service.id);
    const timeZone = catalog.mall.timeZone;
    const all = this.daySlots(catalog, service, policy, date);
    const open = all.filter((s) => isBookable(s, now, timeZone, policy));
    if (open.length === 0) return [];
    const day = await this.bookings.serviceDay(service.id, date);
    // The day's own limits bound every slot: the walk-in share, and the quota walk-ins share.
    let dayLeft = dayBookingCap(policy, service.dailyQuota, all.length) - day.bookings;
    if (service.dailyQuota !== null) dayLeft = Math.min(dayLeft, service.dailyQuota - day.committed);
    return open.map((s) => {
      const startsAt = s.startsAt.toISOString();
      const slotLeft = policy.capacityPerSlot - (day.slotsBooked.get(startsAt) ?? 0);
      return {
        mallId: service.mallId,
        startsAt,
        endsAt: s.endsAt.toISOString(),
        capacity: policy.capacityPerSlot,
        remaining: Math.max(0, Math.min(slotLeft, dayLeft)),
      };
    });
  }

  /**
   * Books a slot for a NIK. The same caller with the same idempotency key and input gets the same
   * booking (and code) back.
   * @throws BadInputError, NotFoundError, QuotaExhaustedError, BookingLimitError, BookingBlockedError,
   *   ConflictError
   */
  async book(viewer: Viewer, input: BookAppointmentInput, now: Date): Promise<AppointmentView> {
    const key = input.idempotencyKey;
    if (key !== null) assertIdempotencyKey(key, 'input.idempotencyKey');
    const nik = normalizeNik(input.nik, 'input.nik');
    const phone = input.phone.replace(/[\s\-.()]/g, '');
    if (!PHONE_PATTERN.test(phone)) {
      throw new BadInputError(
        'The phone number must be an Indonesian number, e.g. 0812 3456 7890.',
        'input.phone',
      );
    }
    const name = input.name?.trim() ? input.name.trim() : null;
    if (name !== null && (name.length < 2 || name.length > 100)) {
      throw new BadInputError('The name must be 2 to 100 characters.', 'input.name');
    }
    const { catalog, service } = await this.catalogOfService(input.serviceId);
    const policy = bookingPolicyOf(service);
    if (!policy) throw new BadInputError(`${service.name} takes no bookings.`, 'input.serviceId');
    const timeZone = catalog.mall.timeZone;
    const requested = Date.parse(input.startsAt);
    if (Number.isNaN(requested))
      throw new BadInputError('startsAt must be an RFC 3339 instant.', 'input.startsAt');
    const date = localDateOf(new Date(requested), timeZone);
    const all = this.daySlots(catalog, service, policy, date);
    const slot = all.find((s) => s.startsAt.getTime() === requested);
    if (!slot || !isBookable(slot, now, timeZone, policy)) {
      throw new BadInputError(
        `No bookable slot of ${service.name} starts then: slots open ${policy.windowDays} days ahead and close ${policy.minNoticeMinutes} minutes before they start.`,
        'input.startsAt',
      );
    }

    const { hasher, sealer } = this.secrets;
    const nikHash = nikHashOf(hasher, nik);
    const request = [callerOf(viewer), service.id, slot.startsAt.toISOString(), nikHash, phone, name ?? ''];
    const code = normalizeBookingCode(
      key === null ? bookingCodeFrom(this.random.bytes(9)) : derivedBookingCode(hasher, [...request, key]),
    );
    if (code === null) throw new Error('A made booking code is always well-formed');
    const id = appointmentIdOf(hasher, code);

    if (key !== null) {
      const existing = await claimOrAwait(
        this.sleeper,
        this.idempotency,
        'bookAppointment',
        key,
        hasher.hash('idempotency', request.join('\u0000')),
        now,
        (resultId) => this.bookings.appointment(resultId),
        'input.idempotencyKey',
      );
      if (existing) return viewOf(existing, now, existing.id === id ? code : null);
    }
    try {
      const startsAt = slot.startsAt.toISOString();
      const appointment: Appointment = {
        id,
        mallId: service.mallId,
        agencyId: service.agencyId,
        serviceId: service.id,
        date,
        startsAt,
        endsAt: slot.endsAt.toISOString(),
        lateUntil: new Date(slot.startsAt.getTime() + policy.checkInLateMinutes * 60_000).toISOString(),
        status: 'BOOKED',
        bookedAt: now.toISOString(),
        nikHash,
        nikLast4: nik.slice(-4),
        ticketId: null,
        checkedInAt: null,
        checkedInLate: false,
        cancelledAt: null,
        version: 1,
      };
      const contact = { phone: sealer.seal(phone), name: name === null ? null : sealer.seal(name) };
      const today = localDateOf(now, timeZone);
      const held = { serviceId: service.id, date, startsAt, lateUntil: appointment.lateUntil };
      for (let round = 0; ; round++) {
        const read = await this.bookings.nikRecord(nikHash);
        const decided = decideBooking(read, { appointmentId: id, booking: held }, now, today);
        try {
          await this.bookings.book({
            appointment,
            contact,
            slotCapacity: policy.capacityPerSlot,
            dayBookingCap: dayBookingCap(policy, service.dailyQuota, all.length),
            dailyQuota: service.dailyQuota,
            nik: { hash: nikHash, read, write: decided.record },
            newNoShows: decided.newNoShows,
            idempotencyKey: key,
          });
          return viewOf(appointment, now, code);
        } catch (error) {
          if (!(error instanceof BookingWriteConflict)) throw error;
          if (error.reason === 'APPOINTMENT') {
            throw new ConflictError('This booking is being made by another request. Try again.', {
              cause: error,
            });
          }
          if (round + 1 >= WRITE_ROUNDS) {
            throw new ConflictError('Too many bookings at once. Try again.', { cause: error });
          }
          // A lost NIK race decides again on a fresh read; colliding transactions wait a little first.
          if (error.reason === 'BUSY') await this.backOff(round);
        }
      }
    } catch (error) {
      if (key !== null) await this.idempotency.release('bookAppointment', key);
      throw error;
    }
  }

  /** The appointment of a code whose NIK ends in `nikLast4`; null for an unknown code or wrong digits alike. */
  private async byCode(
    code: string,
    nikLast4: string,
    fresh = false,
  ): Promise<{ appointment: Appointment; code: string } | null> {
    const normalized = normalizeBookingCode(code);
    if (normalized === null || !isNikLast4(nikLast4)) return null;
    const appointment = await this.read(appointmentIdOf(this.secrets.hasher, normalized), fresh);
    if (!appointment || appointment.nikLast4 !== nikLast4) return null;
    return { appointment, code: normalized };
  }

  private async requireByCode(
    code: string,
    nikLast4: string,
    fresh = false,
  ): Promise<{ appointment: Appointment; code: string }> {
    const found = await this.byCode(code, nikLast4, fresh);
    if (!found) throw new NotFoundError('No booking with this code and NIK.');
    return found;
  }

  /** The citizen's own booking, by its code and the NIK's last 4 digits; null when either is wrong. */
  async find(code: string, nikLast4: string, now: Date): Promise<AppointmentView | null> {
    const found = await this.byCode(code, nikLast4);
    return found ? viewOf(found.appointment, now, found.code) : null;
  }

  /**
   * Cancels a booking up to its slot start; its place goes back to the slot and the day.
   * @throws NotFoundError, InvalidTransitionError, ConflictError
   */
  async cancel(code: string, nikLast4: string, now: Date): Promise<AppointmentView> {
    let { appointment, code: normalized } = await this.requireByCode(code, nikLast4);
    for (let round = 0; ; round++) {
      if (appointment.status === 'CANCELLED') return viewOf(appointment, now, normalized);
      if (statusAt(appointment, now) !== 'BOOKED' || now.getTime() >= Date.parse(appointment.startsAt)) {
        throw new InvalidTransitionError('A booking can be cancelled only until its slot starts.');
      }
      const after: Appointment = {
        ...appointment,
        status: 'CANCELLED',
        cancelledAt: now.toISOString(),
        version: appointment.version + 1,
      };
      try {
        await this.bookings.cancel(appointment, after);
        this.seen.set(after.id, after);
        return viewOf(after, now, normalized);
      } catch (error) {
        if (!(error instanceof BookingWriteConflict)) throw error;
        if (round + 1 >= WRITE_ROUNDS)
          throw new ConflictError('The booking is busy. Try again.', { cause: error });
        if (error.reason === 'BUSY') await this.backOff(round);
        ({ appointment, code: normalized } = await this.requireByCode(normalized, nikLast4, true));
      }
    }
  }

  /**
   * Checks a booking in at a kiosk (or by staff) of its mall: within its window a WAITING ticket queued by
   * the slot start; after it, the same day, an ordinary walk-in ticket. A second check-in answers the same
   * ticket.
   * @throws UnauthenticatedError, ForbiddenError, NotFoundError, BadInputError (too early),
   *   InvalidTransitionError, AgencyClosedError, ConflictError
   */
  async checkIn(viewer: Viewer, code: string, nikLast4: string, now: Date): Promise<Ticket> {
    if (viewer.role === 'PUBLIC') throw new UnauthenticatedError('Check in at a kiosk of the mall.');
    let { appointment } = await this.requireByCode(code, nikLast4);
    assertCanIssueTicket(viewer, appointment.mallId);
    const { catalog, service } = await this.catalogOfService(appointment.serviceId);
    const holderCode = derivedHolderCode(this.secrets.hasher, ['appointment', appointment.id]);
    const timeZone = catalog.mall.timeZone;
    for (let round = 0; ; round++) {
      if (appointment.status === 'CHECKED_IN' && appointment.ticketId) {
        const ticket = await this.tickets.getTicket(appointment.ticketId);
        if (!ticket) throw new Error(`Checked-in booking ${appointment.id} points at no ticket`);
        return { ...ticket, holderCode };
      }
      if (appointment.status === 'CANCELLED') throw new InvalidTransitionError('This booking was cancelled.');
      const policy = bookingPolicyOf(service);
      const startsAt = Date.parse(appointment.startsAt);
      const opensAt = new Date(startsAt - (policy?.checkInEarlyMinutes ?? 0) * 60_000);
      if (now < opensAt) {
        const { date, time } = toZoned(opensAt, timeZone);
        throw new BadInputError(`Check-in for this booking opens at ${time} on ${date}.`, 'code');
      }
      const today = localDateOf(now, timeZone);
      if (today !== appointment.date) {
        throw new InvalidTransitionError('This booking’s day is over; it was not used.');
      }
      const late = now.getTime() > Date.parse(appointment.lateUntil);
      if (late) this.assertOpen(catalog, service, now);
      const at = now.toISOString();
      // The booking already holds its place of the quota: only a number is taken.
      const sequence = await this.tickets.nextSequence(service.id, service.agencyId, today, null, true);
      const ticket = newWaitingTicket({
        id: this.ids.ticketId(),
        service,
        date: today,
        sequence,
        priority: 'NONE',
        issuedAt: at,
        queuedAt: late ? at : appointment.startsAt,
        appointmentId: appointment.id,
        holderCodeHash: holderCodeHash(this.secrets.hasher, holderCode),
        actor: viewer,
      });
      const after: Appointment = {
        ...appointment,
        status: 'CHECKED_IN',
        ticketId: ticket.id,
        checkedInAt: at,
        checkedInLate: late,
        version: appointment.version + 1,
      };
      try {
        await this.bookings.checkIn(appointment, after, ticket);
        this.seen.set(after.id, after);
        return { ...ticket, holderCode };
      } catch (error) {
        if (!(error instanceof BookingWriteConflict)) throw error;
        if (round + 1 >= WRITE_ROUNDS)
          throw new ConflictError('The booking is busy. Try again.', { cause: error });
        if (error.reason === 'BUSY') await this.backOff(round);
        // Another check-in may have won: the next round answers its ticket.
        const current = await this.read(appointment.id, true);
        if (!current) throw new NotFoundError('No booking with this code and NIK.');
        appointment = current;
      }
    }
  }

  /** A late check-in is a walk-in: only while the agency is open. */
  private assertOpen(catalog: IndexedCatalog, service: Service, now: Date): void {
    const agency = catalog.agencies.get(service.agencyId);
    const { date, time } = toZoned(now, catalog.mall.timeZone);
    if (!agency || !intervalAt(catalog.agencySchedule(agency).chain, date, time)) {
      throw new AgencyClosedError(`${agency?.shortName ?? agency?.name ?? 'The agency'} is closed now.`);
    }
  }

  /**
   * Staff: a day's appointments of a service, in slot order (ADMIN of the mall, OFFICER of the agency).
   * @throws UnauthenticatedError, ForbiddenError, NotFoundError, BadInputError
   */
  async list(
    viewer: Viewer,
    serviceId: string,
    date: LocalDate,
    first: number,
    after: string | null,
    now: Date,
  ): Promise<AppointmentViewPage> {
    if (viewer.role === 'PUBLIC') throw new UnauthenticatedError('Sign in to list bookings.');
    const { service } = await this.catalogOfService(serviceId);
    if (!isStaffOfAgency(viewer, service.agencyId)) {
      throw new ForbiddenError('You may not list this agency’s bookings.');
    }
    if (!isLocalDate(date)) throw new BadInputError('The date must be a real date YYYY-MM-DD.', 'date');
    if (!Number.isInteger(first) || first < 1 || first > MAX_APPOINTMENT_PAGE) {
      throw new BadInputError(`first must be between 1 and ${MAX_APPOINTMENT_PAGE}.`, 'first');
    }
    const page = await this.bookings.listDay(service.id, date, first, after);
    return {
      edges: page.items.map((i) => ({ cursor: i.cursor, node: viewOf(i.appointment, now, null) })),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * The appointment a ticket came from, for the kiosks and staff of its mall (agency); null for others,
   * since a ticket's id is public and the booking's masked NIK is not.
   */
  async ofTicket(viewer: Viewer, ticket: Ticket, now: Date): Promise<AppointmentView | null> {
    if (ticket.appointmentId === null) return null;
    const allowed =
      (viewer.role === 'KIOSK' && viewer.mallId === ticket.mallId) ||
      isStaffOfAgency(viewer, ticket.agencyId);
    if (!allowed) return null;
    const appointment = await this.read(ticket.appointmentId);
    return appointment ? viewOf(appointment, now, null) : null;
  }

  /** An appointment as this request last saw it, or read (always read when `fresh`). */
  private async read(id: string, fresh = false): Promise<Appointment | null> {
    const known = this.seen.get(id);
    if (known && !fresh) return known;
    const appointment = await this.bookings.appointment(id);
    if (appointment) this.seen.set(id, appointment);
    return appointment;
  }

  /** Full-jitter exponential back-off after colliding transactions: up to 10, 20, 40 … 320 ms. */
  private backOff(round: number): Promise<void> {
    return this.sleeper.sleep(randomFraction(this.random) * 10 * 2 ** Math.min(round, 5));
  }
}

/** Who a caller is for idempotency: the token's subject, else its scope (PUBLIC callers share one). */
function callerOf(viewer: Viewer): string {
  return viewer.subject ?? `${viewer.role}:${viewer.mallId ?? ''}:${viewer.agencyId ?? ''}`;
}
