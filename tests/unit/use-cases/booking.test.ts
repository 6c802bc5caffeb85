/**
 * BookingService on the fakes: slots and what is left of them, booking with the
 * slot, the day's cap and the quota walk-ins share, per-NIK rules, idempotent
 * replay, cancel, check-in to a WAITING ticket, the staff's list, and lost races.
 */
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../../src/domain/access/viewer.js';
import { BOOKING_POLICY_DEFAULTS } from '../../../src/domain/booking/booking-policy.js';
import type { BookAppointmentInput } from '../../../src/domain/booking/booking-service.js';
import type { MallCatalog, Service } from '../../../src/domain/catalog/catalog.js';
import {
  BadInputError,
  BookingLimitError,
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  QuotaExhaustedError,
  UnauthenticatedError,
} from '../../../src/domain/shared/errors.js';
import { officeHoursCatalog } from '../../support/fakes/catalogs.js';
import { createFakeWorld, type FakeWorld } from '../../support/fakes/index.js';
import { adminOf, kioskOf, officerOf, PUBLIC_VIEWER } from '../../support/fakes/viewers.js';

const MALL = 'b-mall';
const AGENCY = `${MALL}:agency`;
const SVC = `${AGENCY}:svc1`;
const WALK_IN_ONLY = `${AGENCY}:svc2`;
const KIOSK = kioskOf(MALL);
/** Tuesday 2026-12-01 09:00 WIB. */
const NOW = new Date('2026-12-01T02:00:00Z');
/** Wednesday 2026-12-02, 10:00 and 11:00 WIB. */
const SLOT = '2026-12-02T03:00:00.000Z';
const NEXT_SLOT = '2026-12-02T04:00:00.000Z';
// Made-up NIKs whose digits 7 to 12 are a birth date.
const NIK = '3171015501900002';
const NIK2 = '3201011203850001';
const NIK3 = '3201011203850003';
const CODE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$/;

function catalog(): MallCatalog {
  const c = officeHoursCatalog({ mallId: MALL, services: [{ dailyQuota: 8 }, {}] });
  const svc = c.services[0];
  if (svc)
    svc.booking = { ...BOOKING_POLICY_DEFAULTS, slotMinutes: 60, capacityPerSlot: 2, walkInShare: 0.5 };
  return c;
}

function world() {
  return createFakeWorld({ now: NOW, catalogs: [catalog(), officeHoursCatalog({ mallId: 'far-mall' })] });
}

const input = (extra: Partial<BookAppointmentInput> = {}): BookAppointmentInput => ({
  serviceId: SVC,
  startsAt: SLOT,
  nik: NIK,
  phone: '0812-3456-7890',
  name: 'Rina Wulandari',
  idempotencyKey: null,
  ...extra,
});

const book = (w: FakeWorld, extra: Partial<BookAppointmentInput> = {}, viewer: Viewer = PUBLIC_VIEWER) =>
  w.bookingService().book(viewer, input(extra), w.clock.now());

async function service(w: FakeWorld, id = SVC): Promise<Service> {
  const found = await w.catalogReader.service(id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}

async function remaining(w: FakeWorld, startsAt = SLOT): Promise<number | undefined> {
  const slots = await w.bookingService().slots(await service(w), '2026-12-02', w.clock.now());
  return slots.find((s) => s.startsAt === startsAt)?.remaining;
}

describe('BookingService.slots', () => {
  it('lists the day’s slots with what is left, bounded by the slot and the day', async () => {
    const w = world();
    const slots = await w.bookingService().slots(await service(w), '2026-12-02', w.clock.now());
    expect(slots.map((s) => s.startsAt)).toHaveLength(8); // 08:00 to 15:00 WIB
    expect(slots[2]).toEqual({ mallId: MALL, startsAt: SLOT, endsAt: NEXT_SLOT, capacity: 2, remaining: 2 });
    await book(w);
    expect(await remaining(w)).toBe(1);
    await book(w, { nik: NIK2 });
    expect(await remaining(w)).toBe(0);
    await book(w, { nik: NIK3, startsAt: NEXT_SLOT });
    // The day keeps half of its quota of 8 for walk-ins: one booking left for the whole day.
    expect(await remaining(w, '2026-12-02T05:00:00.000Z')).toBe(1);
  });

  it('offers nothing for a service without bookings, a closed day or a date outside the window, and refuses a bad date', async () => {
    const w = world();
    const s = w.bookingService();
    expect(await s.slots(await service(w, WALK_IN_ONLY), '2026-12-02', w.clock.now())).toEqual([]);
    expect(await s.slots(await service(w), '2026-12-05', w.clock.now())).toEqual([]); // Saturday
    expect(await s.slots(await service(w), '2027-01-30', w.clock.now())).toEqual([]);
    await expect(s.slots(await service(w), '2026-02-30', w.clock.now())).rejects.toThrow(
      new BadInputError('The date must be a real date YYYY-MM-DD.', 'date'),
    );
  });
});

describe('BookingService.book', () => {
  it('books a slot: a code for the citizen, nothing of it or the NIK in clear in the store', async () => {
    const w = world();
    const view = await book(w);
    expect(view.code).toMatch(CODE);
    expect(view).toMatchObject({ status: 'BOOKED', nikMasked: '************0002' });
    expect(view.appointment).toMatchObject({
      mallId: MALL,
      serviceId: SVC,
      date: '2026-12-02',
      startsAt: SLOT,
      endsAt: NEXT_SLOT,
      lateUntil: '2026-12-02T03:15:00.000Z',
      nikLast4: '0002',
      version: 1,
    });
    const stored = JSON.stringify([...w.bookings.appointments.values(), ...w.bookings.contacts.values()]);
    for (const secret of [NIK, view.code, '081234567890', 'Rina Wulandari'])
      expect(stored).not.toContain(secret);
    const contact = w.bookings.contacts.get(view.appointment.id);
    expect(w.secrets.sealer.open(contact?.phone ?? '')).toBe('081234567890');
    expect(w.bookings.niks.get(view.appointment.nikHash)?.bookings).toHaveProperty(view.appointment.id);
    expect(await w.bookingService().find(view.code.toLowerCase(), '0002', w.clock.now())).toMatchObject({
      code: view.code,
    });
    expect(await w.bookingService().find(view.code, '9999', w.clock.now())).toBeNull();
  });

  it('refuses a full slot, a full day, and a day whose quota walk-ins and bookings used up', async () => {
    const w = world();
    await book(w);
    await book(w, { nik: NIK2 });
    await expect(book(w, { nik: NIK3 })).rejects.toThrow(
      new QuotaExhaustedError('This slot is fully booked. Choose another slot.'),
    );
    await book(w, { nik: NIK3, startsAt: NEXT_SLOT });
    await book(w, { nik: '3201011203850004', startsAt: NEXT_SLOT });
    await expect(book(w, { nik: '3201011203850005', startsAt: '2026-12-02T05:00:00.000Z' })).rejects.toThrow(
      new QuotaExhaustedError(
        'Bookings for 2026-12-02 are used up; the rest of the day is kept for walk-ins.',
      ),
    );
    // Walk-ins of that day share the quota of 8: 4 booked, 4 left.
    w.clock.set(new Date('2026-12-02T01:00:00Z'));
    for (let i = 0; i < 4; i++) {
      await w
        .queue()
        .takeTicket(KIOSK, { serviceId: SVC, priority: 'NONE', idempotencyKey: null }, w.clock.now());
    }
    await expect(
      w.queue().takeTicket(KIOSK, { serviceId: SVC, priority: 'NONE', idempotencyKey: null }, w.clock.now()),
    ).rejects.toBeInstanceOf(QuotaExhaustedError);
  });

  it('holds one booking per NIK, service and day, and two future bookings at most', async () => {
    const w = world();
    await book(w);
    await expect(book(w, { startsAt: NEXT_SLOT })).rejects.toThrow(
      new BookingLimitError('This NIK already holds a booking for this service on that day.'),
    );
    await book(w, { startsAt: '2026-12-03T03:00:00.000Z' });
    await expect(book(w, { startsAt: '2026-12-04T03:00:00.000Z' })).rejects.toBeInstanceOf(BookingLimitError);
  });

  it('refuses bad input and slots that are not bookable, naming the field', async () => {
    const w = world();
    const cases: [Partial<BookAppointmentInput>, string][] = [
      [{ nik: '123' }, 'input.nik'],
      [{ nik: '3171019901900002' }, 'input.nik'],
      [{ phone: '12' }, 'input.phone'],
      [{ name: 'R' }, 'input.name'],
      [{ startsAt: 'tomorrow' }, 'input.startsAt'],
      [{ startsAt: '2026-12-02T03:10:00.000Z' }, 'input.startsAt'],
      [{ startsAt: '2026-12-01T02:30:00.000Z' }, 'input.startsAt'], // within the hour's notice
      [{ serviceId: WALK_IN_ONLY }, 'input.serviceId'],
      [{ idempotencyKey: 'short' }, 'input.idempotencyKey'],
    ];
    for (const [extra, field] of cases) {
      const refused = book(w, extra);
      await expect(refused, JSON.stringify(extra)).rejects.toBeInstanceOf(BadInputError);
      await expect(refused.catch((e: BadInputError) => e.field)).resolves.toBe(field);
    }
    await expect(book(w, { serviceId: `${AGENCY}:nope` })).rejects.toBeInstanceOf(NotFoundError);
    expect(w.bookings.calls.book).toBe(0);
  });

  it('gives the same booking and code to the same caller and key, and CONFLICT to anything else with it', async () => {
    const w = world();
    const key = 'booking-form-0001';
    const results = await Promise.all(Array.from({ length: 5 }, () => book(w, { idempotencyKey: key })));
    expect(new Set(results.map((r) => r.code)).size).toBe(1);
    expect(w.bookings.appointments.size).toBe(1);
    await expect(book(w, { idempotencyKey: key, startsAt: NEXT_SLOT })).rejects.toBeInstanceOf(ConflictError);
    await expect(book(w, { idempotencyKey: key }, KIOSK)).rejects.toBeInstanceOf(ConflictError);
  });

  it('decides again on a fresh read after a lost race, and backs off from colliding writes', async () => {
    const w = world();
    w.bookings.beforeWrite = async () => {
      w.bookings.beforeWrite = null;
      // Another booking of the same NIK lands first, for another service day.
      await book(w, { startsAt: '2026-12-03T03:00:00.000Z' });
    };
    await book(w);
    expect(w.bookings.calls.book).toBe(3); // lost on NIK, the other's write, then won
    expect(await book(w, { startsAt: '2026-12-04T03:00:00.000Z' }).catch((e) => e)).toBeInstanceOf(
      BookingLimitError,
    );
    const v = world();
    v.bookings.collideNextWrites(2);
    await book(v);
    expect(v.sleeper.pauses).toHaveLength(2);
    const x = world();
    x.bookings.collideNextWrites(100);
    await expect(book(x)).rejects.toThrow(new ConflictError('Too many bookings at once. Try again.'));
    expect(x.bookings.appointments.size).toBe(0);
  });
});

describe('BookingService.cancel', () => {
  it('gives the place back to the slot and the day, once, until the slot starts', async () => {
    const w = world();
    const view = await book(w);
    expect(await remaining(w)).toBe(1);
    const cancelled = await w.bookingService().cancel(view.code, '0002', w.clock.now());
    expect(cancelled).toMatchObject({ status: 'CANCELLED' });
    expect(await remaining(w)).toBe(2);
    expect(w.bookings.niks.get(view.appointment.nikHash)?.bookings).toEqual({});
    expect((await w.bookingService().cancel(view.code, '0002', w.clock.now())).status).toBe('CANCELLED');
    expect(await remaining(w)).toBe(2);
    await expect(w.bookingService().cancel(view.code, '1234', w.clock.now())).rejects.toThrow(
      new NotFoundError('No booking with this code and NIK.'),
    );
    const late = await book(w, { nik: NIK2 });
    w.clock.set(new Date(SLOT));
    await expect(w.bookingService().cancel(late.code, '0001', w.clock.now())).rejects.toThrow(
      new InvalidTransitionError('A booking can be cancelled only until its slot starts.'),
    );
  });
});

describe('BookingService.checkIn', () => {
  it('issues a WAITING ticket queued by the slot start, taking a number but no place of the quota', async () => {
    const w = world();
    const view = await book(w);
    w.clock.set(new Date('2026-12-02T03:05:00Z')); // 10:05 WIB: a walk-in comes after the slot began
    const walkIn = await w
      .queue()
      .takeTicket(KIOSK, { serviceId: SVC, priority: 'NONE', idempotencyKey: null }, w.clock.now());
    const committed = () => w.tickets.serviceDays.get(w.tickets.dayKey(SVC, '2026-12-02'))?.committed;
    expect(committed()).toBe(2);
    w.clock.advance(5 * 60_000); // the booking checks in at 10:10, within its late window
    const ticket = await w.bookingService().checkIn(KIOSK, view.code, '0002', w.clock.now());
    expect(ticket).toMatchObject({
      status: 'WAITING',
      number: 'A-002',
      queuedAt: SLOT,
      appointmentId: view.appointment.id,
      holderCode: expect.any(String),
    });
    expect(committed()).toBe(2);
    // Queued by its slot (10:00), it goes before the walk-in who came at 10:05.
    const waiting = await w.queue().waitingAt(officerOf(AGENCY), `${AGENCY}:loket-1`, 10, w.clock.now());
    expect(waiting.map((t) => t.id)).toEqual([ticket.id, walkIn.id]);
    const again = await w.bookingService().checkIn(KIOSK, view.code, '0002', w.clock.now());
    expect(again.id).toBe(ticket.id);
    expect((await w.bookingService().find(view.code, '0002', w.clock.now()))?.status).toBe('CHECKED_IN');
    expect(await w.bookingService().ofTicket(KIOSK, ticket, w.clock.now())).toMatchObject({
      status: 'CHECKED_IN',
    });
    expect(await w.bookingService().ofTicket(PUBLIC_VIEWER, ticket, w.clock.now())).toBeNull();
  });

  it('refuses too early, the public and other malls, a cancelled booking, and the day after; late is a walk-in', async () => {
    const w = world();
    const view = await book(w);
    const checkIn = (viewer: Viewer = KIOSK, code = view.code) =>
      w.bookingService().checkIn(viewer, code, '0002', w.clock.now());
    w.clock.set(new Date('2026-12-02T02:29:00Z'));
    await expect(checkIn()).rejects.toThrow(
      new BadInputError('Check-in for this booking opens at 09:30 on 2026-12-02.', 'code'),
    );
    await expect(checkIn(PUBLIC_VIEWER)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(checkIn(kioskOf('far-mall'))).rejects.toBeInstanceOf(ForbiddenError);
    w.clock.set(new Date('2026-12-02T03:30:00Z')); // 10:30 WIB, past the late window
    const late = await checkIn();
    expect(late.queuedAt).toBe(w.clock.now().toISOString());
    const other = await book(w, { nik: NIK2, startsAt: '2026-12-02T06:00:00.000Z' });
    await w.bookingService().cancel(other.code, '0001', w.clock.now());
    await expect(w.bookingService().checkIn(KIOSK, other.code, '0001', w.clock.now())).rejects.toThrow(
      new InvalidTransitionError('This booking was cancelled.'),
    );
    const missed = await book(w, { nik: NIK3, startsAt: '2026-12-03T03:00:00.000Z' });
    w.clock.set(new Date('2026-12-04T02:00:00Z'));
    await expect(w.bookingService().checkIn(KIOSK, missed.code, '0003', w.clock.now())).rejects.toThrow(
      new InvalidTransitionError('This booking’s day is over; it was not used.'),
    );
  });
});

describe('BookingService.list', () => {
  it('lists a day’s appointments in slot order, page by page, to staff of the agency', async () => {
    const w = world();
    const made = [
      await book(w, { startsAt: NEXT_SLOT }),
      await book(w, { nik: NIK2 }),
      await book(w, { nik: NIK3, startsAt: '2026-12-02T01:00:00.000Z' }),
    ];
    const list = (viewer: Viewer, first: number, after: string | null) =>
      w.bookingService().list(viewer, SVC, '2026-12-02', first, after, w.clock.now());
    const first = await list(officerOf(AGENCY), 2, null);
    const second = await list(adminOf(MALL), 2, first.nextCursor);
    expect([...first.edges, ...second.edges].map((e) => e.node.appointment.startsAt)).toEqual([
      '2026-12-02T01:00:00.000Z',
      SLOT,
      NEXT_SLOT,
    ]);
    expect(second.nextCursor).toBeNull();
    expect(first.edges[0]?.node.code).toBe('****-****-****-*');
    expect(made).toHaveLength(3);
    await expect(list(PUBLIC_VIEWER, 2, null)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(list(KIOSK, 2, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(list(ADMIN_OF_FAR, 2, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(list(officerOf(AGENCY), 0, null)).rejects.toBeInstanceOf(BadInputError);
    await expect(list(officerOf(AGENCY), 2, 'bm90LWEtY3Vyc29y')).rejects.toThrow(
      new BadInputError('The cursor is not valid.', 'after'),
    );
  });
});

const ADMIN_OF_FAR = adminOf('far-mall');
