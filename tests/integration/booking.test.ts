/**
 * Online booking on DynamoDB Local (docs/domain-rules.md, 'The ticket door and booking'): capacity, the
 * walk-in share and the per-NIK rules under concurrency, no-shows and the block across a moved clock,
 * lookups by code and the last 4 NIK digits, check-in windows and call order, request counts, and that
 * no answer shows a NIK or phone number.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BookingPolicy } from '../../src/domain/booking/booking-policy.js';
import { bookingKeys } from '../../src/dynamo/shared/keys.js';
import { fixtureCatalog } from '../support/fixture-catalog.js';
import type { GraphQLResponse } from '../support/graphql.js';
import { createHarness, type Harness } from '../support/harness.js';

// Tuesday 2026-12-01 07:00 WIB, before opening.
const START = new Date('2026-12-01T00:00:00Z');
/** Mall-local wall clock of 2026-12-01 (WIB) as an instant. */
const at = (time: string, date = '2026-12-01') => new Date(`${date}T${time}:00+07:00`);
const slot = (time: string, date = '2026-12-01') => at(time, date).toISOString();
const HOURS = [
  { opens: '08:00', closes: '12:00' },
  { opens: '13:00', closes: '15:00' },
];

const POLICY: BookingPolicy = {
  slotMinutes: 30,
  capacityPerSlot: 4,
  windowDays: 14,
  minNoticeMinutes: 60,
  walkInShare: 0.5,
  checkInEarlyMinutes: 30,
  checkInLateMinutes: 15,
};

/** A valid NIK (born 15 August 1990) with a serial; women add 40 to the day. */
const nikOf = (serial: number, woman = false) =>
  `320101${woman ? '55' : '15'}0890${String(serial).padStart(4, '0')}`;
const phoneOf = (serial: number) => `0812${String(7_000_000 + serial).padStart(8, '0')}`;

const APPOINTMENT =
  'id code status startsAt endsAt bookedAt nikMasked service { id } ticket { id number status }';
const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { ${APPOINTMENT} } }`;
const FIND = `query($code: String!, $last4: String!) { appointment(code: $code, nikLast4: $last4) { ${APPOINTMENT} } }`;
const CANCEL = `mutation($code: String!, $last4: String!) { cancelAppointment(code: $code, nikLast4: $last4) { ${APPOINTMENT} } }`;
const CHECK_IN = `mutation($code: String!, $last4: String!) {
  checkInAppointment(code: $code, nikLast4: $last4) {
    id number status holderCode issuedAt appointment { id status nikMasked code }
  }
}`;
const SLOTS = `query($id: ID!, $date: Date!) {
  service(id: $id) { bookingPolicy { slotMinutes capacityPerSlot walkInShare } slots(date: $date) { startsAt endsAt capacity remaining } }
}`;
const TAKE = `mutation($input: TakeTicketInput!) { takeTicket(input: $input) { id number } }`;
const QUEUE = `query($id: ID!) { service(id: $id) { queue { issued remainingQuota } } }`;
const LIST = `query($id: ID!, $date: Date!, $after: String) {
  appointments(serviceId: $id, date: $date, first: 2, after: $after) {
    edges { cursor node { id code status nikMasked startsAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface AppointmentView {
  id: string;
  code: string;
  status: string;
  startsAt: string;
  nikMasked: string;
  ticket: { id: string; number: string; status: string } | null;
}

interface CheckedIn {
  id: string;
  number: string;
  status: string;
  holderCode: string | null;
  issuedAt: string;
  appointment: { id: string; status: string; nikMasked: string; code: string } | null;
}

const svc = (mall: string) => `${mall}:agency:svc1`;
const codeOf = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code ?? 'ok';

describe('online booking on DynamoDB Local', () => {
  let h: Harness;
  /** Every answer this file received, to check that none shows a NIK or a phone number in clear. */
  const bodies: string[] = [];
  const secrets = new Set<string>();

  const mallOf = (mallId: string, service: Record<string, unknown> = {}, counters = 2) =>
    fixtureCatalog({ mallId, hours: HOURS, counters, services: [{ booking: POLICY, ...service }] });

  async function run<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>> {
    const response = await h.raw<T>(query, variables, token);
    bodies.push(JSON.stringify(response));
    return response;
  }

  async function book(mall: string, startsAt: string, serial: number, extra: Record<string, unknown> = {}) {
    const nik = nikOf(serial);
    const phone = phoneOf(serial);
    secrets.add(nik).add(phone);
    return run<{ bookAppointment: AppointmentView }>(BOOK, {
      input: { serviceId: svc(mall), startsAt, nik, phone, name: 'Siti Aminah', ...extra },
    });
  }

  async function booked(mall: string, startsAt: string, serial: number, extra: Record<string, unknown> = {}) {
    const r = await book(mall, startsAt, serial, extra);
    if (r.errors) throw new Error(`booking failed: ${JSON.stringify(r.errors)}`);
    return r.data?.bookAppointment as AppointmentView;
  }

  const kiosk = (mall: string) => h.token({ role: 'KIOSK', mallId: mall }, { subject: `kiosk-${mall}` });
  const admin = (mall: string) => h.token({ role: 'ADMIN', mallId: mall });
  const last4 = (serial: number) => nikOf(serial).slice(-4);

  beforeAll(async () => {
    h = await createHarness(
      inject('dynamoEndpoint'),
      [
        mallOf('book-mall'),
        mallOf('race-mall', { booking: { ...POLICY, capacityPerSlot: 20 } }),
        mallOf('nik-race-mall'),
        mallOf('share-mall', { dailyQuota: 10, booking: { ...POLICY, capacityPerSlot: 10 } }),
        mallOf('mixed-mall', { dailyQuota: 10, booking: { ...POLICY, capacityPerSlot: 10 } }),
        mallOf('noshow-mall'),
        mallOf('checkin-mall', {}, 1),
        mallOf('order-mall', {}, 1),
        fixtureCatalog({ mallId: 'walkin-only-mall', hours: HOURS }),
      ],
      START,
    );
  });

  afterAll(async () => {
    // No answer of this file ever carried a NIK or a phone number in clear.
    const leaks = [...secrets].filter((s) => bodies.some((b) => b.includes(s)));
    expect(leaks).toEqual([]);
    await h?.close();
  });

  it('shows the policy and the bookable slots of a date in one read with a warm catalog', async () => {
    await run(SLOTS, { id: svc('book-mall'), date: '2026-12-01' }); // warms the catalog
    let answer: GraphQLResponse<{
      service: { bookingPolicy: unknown; slots: { startsAt: string; remaining: number }[] };
    }> = { status: 0 };
    const requests = await h.countRequests(async () => {
      answer = await run(SLOTS, { id: svc('book-mall'), date: '2026-12-02' });
    });
    expect(requests).toBeLessThanOrEqual(1);
    const slots = answer.data?.service.slots ?? [];
    expect(answer.data?.service.bookingPolicy).toEqual({
      slotMinutes: 30,
      capacityPerSlot: 4,
      walkInShare: 0.5,
    });
    expect(slots.map((s) => s.startsAt.slice(11, 16))).toEqual([
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
    expect(slots[0]).toEqual({
      startsAt: '2026-12-02T08:00:00+07:00',
      endsAt: '2026-12-02T08:30:00+07:00',
      capacity: 4,
      remaining: 4,
    });
    // Today at 07:00 with 60 minutes' notice: from 08:00; past the window: none; a service without a policy: none.
    const today = await run<{ service: { slots: unknown[] } }>(SLOTS, {
      id: svc('book-mall'),
      date: '2026-12-01',
    });
    expect(today.data?.service.slots).toHaveLength(12);
    const far = await run<{ service: { slots: unknown[] } }>(SLOTS, {
      id: svc('book-mall'),
      date: '2026-12-16',
    });
    expect(far.data?.service.slots).toEqual([]);
    const none = await run<{ service: { bookingPolicy: unknown; slots: unknown[] } }>(SLOTS, {
      id: svc('walkin-only-mall'),
      date: '2026-12-02',
    });
    expect(none.data?.service).toEqual({ bookingPolicy: null, slots: [] });
  });

  it('books in at most 3 requests with a key, returns the code once, and finds it only with the right last 4', async () => {
    await run(SLOTS, { id: svc('book-mall'), date: '2026-12-03' });
    let made: GraphQLResponse<{ bookAppointment: AppointmentView }> = { status: 0 };
    const requests = await h.countRequests(async () => {
      made = await book('book-mall', slot('10:00', '2026-12-03'), 1, { idempotencyKey: 'booking-key-0001' });
    });
    expect(requests).toBeLessThanOrEqual(3);
    const appointment = made.data?.bookAppointment as AppointmentView;
    expect(appointment.status).toBe('BOOKED');
    expect(appointment.code).toMatch(
      /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$/,
    );
    expect(appointment.nikMasked).toBe(`************${last4(1)}`);
    expect(appointment.startsAt).toBe('2026-12-03T10:00:00+07:00');

    // A retry with the same key and input answers the same booking and code, and books nothing more.
    const again = await book('book-mall', slot('10:00', '2026-12-03'), 1, {
      idempotencyKey: 'booking-key-0001',
    });
    expect(again.data?.bookAppointment).toEqual(appointment);

    const found = await run<{ appointment: AppointmentView | null }>(FIND, {
      code: appointment.code,
      last4: last4(1),
    });
    expect(found.data?.appointment).toEqual(appointment);
    const typed = await run<{ appointment: AppointmentView | null }>(FIND, {
      code: appointment.code.toLowerCase().replace(/-/g, ' '),
      last4: last4(1),
    });
    expect(typed.data?.appointment?.id).toBe(appointment.id);

    // A wrong last 4 is exactly an unknown code: null to look up, NOT_FOUND with the same message to act on.
    const wrong = await run(FIND, { code: appointment.code, last4: '9999' });
    const unknown = await run(FIND, { code: 'ABCD-EFGH-JKLM-N', last4: last4(1) });
    expect(wrong).toEqual(unknown);
    expect(wrong.data).toEqual({ appointment: null });
    const cancelWrong = await run(CANCEL, { code: appointment.code, last4: '9999' });
    const cancelUnknown = await run(CANCEL, { code: 'ABCD-EFGH-JKLM-N', last4: last4(1) });
    expect(codeOf(cancelWrong)).toBe('NOT_FOUND');
    expect(cancelWrong.errors?.[0]?.message).toBe(cancelUnknown.errors?.[0]?.message);
    const checkInWrong = await run(
      CHECK_IN,
      { code: appointment.code, last4: '9999' },
      await kiosk('book-mall'),
    );
    expect(codeOf(checkInWrong)).toBe('NOT_FOUND');

    // The table holds neither the code nor the NIK nor the phone in clear; the contact is apart from any index.
    const stored = await h.table.client.send(
      new GetCommand({ TableName: h.table.tableName, Key: bookingKeys.appointment(appointment.id) }),
    );
    const item = JSON.stringify(stored.Item);
    expect(item).not.toContain(appointment.code);
    expect(item).not.toContain(appointment.code.replace(/-/g, ''));
    expect(item).not.toContain(nikOf(1));
    expect(item).not.toContain(phoneOf(1));
    const contact = await h.table.client.send(
      new GetCommand({ TableName: h.table.tableName, Key: bookingKeys.contact(appointment.id) }),
    );
    expect(contact.Item?.phone).toBeTypeOf('string');
    expect(JSON.stringify(contact.Item)).not.toContain(phoneOf(1));
    expect(JSON.stringify(contact.Item)).not.toContain('Siti');
    expect(Object.keys(contact.Item ?? {}).filter((k) => k.startsWith('gsi'))).toEqual([]);

    const slots = await run<{ service: { slots: { startsAt: string; remaining: number }[] } }>(SLOTS, {
      id: svc('book-mall'),
      date: '2026-12-03',
    });
    expect(slots.data?.service.slots.find((s) => s.startsAt.includes('T10:00'))?.remaining).toBe(3);
  });

  it('refuses a bad NIK, phone or slot, naming the field, before writing anything', async () => {
    const bad = async (input: Record<string, unknown>) => {
      const r = await run(BOOK, {
        input: {
          serviceId: svc('book-mall'),
          startsAt: slot('11:00', '2026-12-03'),
          nik: nikOf(2),
          phone: phoneOf(2),
          ...input,
        },
      });
      return [codeOf(r), r.errors?.[0]?.extensions?.field];
    };
    expect(await bad({ nik: '3201013208900001' })).toEqual(['BAD_USER_INPUT', 'input.nik']); // day 32
    expect(await bad({ nik: '12345' })).toEqual(['BAD_USER_INPUT', 'input.nik']);
    expect(await bad({ phone: '12345' })).toEqual(['BAD_USER_INPUT', 'input.phone']);
    expect(await bad({ startsAt: slot('11:10', '2026-12-03') })).toEqual([
      'BAD_USER_INPUT',
      'input.startsAt',
    ]);
    expect(await bad({ startsAt: slot('12:00', '2026-12-03') })).toEqual([
      'BAD_USER_INPUT',
      'input.startsAt',
    ]); // break
    expect(await bad({ startsAt: slot('10:00', '2026-12-16') })).toEqual([
      'BAD_USER_INPUT',
      'input.startsAt',
    ]); // window
    expect(await bad({ startsAt: slot('07:30', '2026-12-01') })).toEqual([
      'BAD_USER_INPUT',
      'input.startsAt',
    ]); // notice
    const women = await book('book-mall', slot('11:00', '2026-12-03'), 3, { nik: nikOf(3, true) });
    expect(codeOf(women)).toBe('ok');
  });

  it('makes exactly N bookings of 1,000 concurrent ones for one slot of capacity N; the rest QUOTA_EXHAUSTED', async () => {
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => book('race-mall', slot('10:00', '2026-12-02'), 1000 + i)),
    );
    const outcomes = new Map<string, number>();
    for (const r of results) outcomes.set(codeOf(r), (outcomes.get(codeOf(r)) ?? 0) + 1);
    expect(Object.fromEntries(outcomes)).toEqual({ ok: 20, QUOTA_EXHAUSTED: 980 });
    const slots = await run<{ service: { slots: { startsAt: string; remaining: number }[] } }>(SLOTS, {
      id: svc('race-mall'),
      date: '2026-12-02',
    });
    expect(slots.data?.service.slots.find((s) => s.startsAt.includes('T10:00'))?.remaining).toBe(0);
  }, 240_000);

  it('makes exactly 1 booking of 50 concurrent ones with one NIK for one service and day', async () => {
    const times = ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:00', '13:30'];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        book('nik-race-mall', slot(times[i % times.length] ?? '08:00', '2026-12-02'), 7),
      ),
    );
    const outcomes = new Map<string, number>();
    for (const r of results) outcomes.set(codeOf(r), (outcomes.get(codeOf(r)) ?? 0) + 1);
    expect(Object.fromEntries(outcomes)).toEqual({ ok: 1, BOOKING_LIMIT: 49 });
  }, 120_000);

  it('keeps the walk-in share: bookings stop at half the quota, walk-ins still get theirs, never past the quota', async () => {
    h.clock.set(at('09:00'));
    const mall = 'share-mall';
    const bookings = [];
    for (let i = 0; i < 6; i++) bookings.push(await book(mall, slot(i < 3 ? '10:30' : '11:00'), 2000 + i));
    expect(bookings.map(codeOf)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'QUOTA_EXHAUSTED']);
    expect(bookings[5]?.errors?.[0]?.message).toMatch(/walk-ins/);
    const slots = await run<{ service: { slots: { remaining: number }[] } }>(SLOTS, {
      id: svc(mall),
      date: '2026-12-01',
    });
    expect(slots.data?.service.slots.every((s) => s.remaining === 0)).toBe(true);

    const token = await kiosk(mall);
    const walkIns = [];
    for (let i = 0; i < 6; i++) walkIns.push(await run(TAKE, { input: { serviceId: svc(mall) } }, token));
    expect(walkIns.map(codeOf)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'QUOTA_EXHAUSTED']);
    const queue = await run<{ service: { queue: { issued: number; remainingQuota: number } } }>(QUEUE, {
      id: svc(mall),
    });
    expect(queue.data?.service.queue).toEqual({ issued: 5, remainingQuota: 0 });

    // A cancelled booking gives its place back to the day: a walk-in may take it.
    const first = bookings[0]?.data as { bookAppointment: AppointmentView };
    const cancelled = await run<{ cancelAppointment: AppointmentView }>(CANCEL, {
      code: first.bookAppointment.code,
      last4: last4(2000),
    });
    expect(cancelled.data?.cancelAppointment.status).toBe('CANCELLED');
    expect(codeOf(await run(TAKE, { input: { serviceId: svc(mall) } }, token))).toBe('ok');
    expect(codeOf(await run(TAKE, { input: { serviceId: svc(mall) } }, token))).toBe('QUOTA_EXHAUSTED');
  });

  it('never passes the quota when walk-ins and bookings come at once', async () => {
    h.clock.set(at('09:00'));
    const mall = 'mixed-mall';
    const token = await kiosk(mall);
    const results = await Promise.all([
      ...Array.from({ length: 20 }, () =>
        run(TAKE, { input: { serviceId: svc(mall) } }, token).then((r) => ['walk-in', codeOf(r)]),
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        book(mall, slot('11:00'), 3000 + i).then((r) => ['booking', codeOf(r)]),
      ),
    ]);
    const made = (kind: string) => results.filter(([k, c]) => k === kind && c === 'ok').length;
    expect(made('booking')).toBeLessThanOrEqual(5);
    expect(made('walk-in') + made('booking')).toBe(10);
    expect(results.every(([, c]) => c === 'ok' || c === 'QUOTA_EXHAUSTED')).toBe(true);
  }, 60_000);

  it('counts unused bookings as no-shows and blocks the NIK for 30 days after the third within 90 days', async () => {
    const mall = 'noshow-mall';
    h.clock.set(at('07:00'));
    const first = await booked(mall, slot('10:00'), 4000);
    await booked(mall, slot('10:00', '2026-12-02'), 4000);
    // Two future bookings already: a third is over the limit.
    expect(codeOf(await book(mall, slot('10:00', '2026-12-03'), 4000))).toBe('BOOKING_LIMIT');

    h.clock.set(at('10:15')); // the end of the late window: still usable
    expect(
      (await run<{ appointment: AppointmentView }>(FIND, { code: first.code, last4: last4(4000) })).data
        ?.appointment.status,
    ).toBe('BOOKED');
    h.clock.set(at('10:16'));
    expect(
      (await run<{ appointment: AppointmentView }>(FIND, { code: first.code, last4: last4(4000) })).data
        ?.appointment.status,
    ).toBe('NO_SHOW');

    // Computed on read: the stored item still says BOOKED until a write records it.
    const stored = async (id: string) =>
      (
        await h.table.client.send(
          new GetCommand({ TableName: h.table.tableName, Key: bookingKeys.appointment(id) }),
        )
      ).Item?.status;
    expect(await stored(first.id)).toBe('BOOKED');

    h.clock.set(at('12:00', '2026-12-02')); // both missed
    const third = await booked(mall, slot('10:00', '2026-12-03'), 4000);
    expect(
      (await run<{ appointment: AppointmentView }>(FIND, { code: first.code, last4: last4(4000) })).data
        ?.appointment.status,
    ).toBe('NO_SHOW');
    // The NIK's next booking recorded both no-shows on their appointments, in its own transaction.
    expect(await stored(first.id)).toBe('NO_SHOW');

    h.clock.set(at('12:00', '2026-12-03')); // the third missed: blocked until 30 days after it
    const blocked = await book(mall, slot('10:00', '2026-12-04'), 4000);
    expect(codeOf(blocked)).toBe('BOOKING_BLOCKED');
    expect(blocked.errors?.[0]?.extensions?.until).toBe('2027-01-02');
    expect(
      (await run<{ appointment: AppointmentView }>(FIND, { code: third.code, last4: last4(4000) })).data
        ?.appointment.status,
    ).toBe('NO_SHOW');
    // Another NIK is not blocked.
    expect(codeOf(await book(mall, slot('10:00', '2026-12-04'), 4001))).toBe('ok');

    h.clock.set(at('07:00', '2027-01-01'));
    expect(codeOf(await book(mall, slot('10:00', '2027-01-04'), 4000))).toBe('BOOKING_BLOCKED');
    h.clock.set(at('07:00', '2027-01-02'));
    expect(codeOf(await book(mall, slot('10:00', '2027-01-04'), 4000))).toBe('ok');
  });

  it('checks in from 30 minutes before the slot: on time a queued ticket, twice the same, late a walk-in', async () => {
    const mall = 'checkin-mall';
    h.clock.set(at('07:00'));
    const onTime = await booked(mall, slot('10:00'), 5000);
    const late = await booked(mall, slot('10:30'), 5001);
    const token = await kiosk(mall);
    const vars = { code: onTime.code, last4: last4(5000) };

    h.clock.set(at('09:20'));
    const early = await run(CHECK_IN, vars, token);
    expect(codeOf(early)).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0]?.message).toMatch(/opens at 09:30/);
    expect(codeOf(await run(CHECK_IN, vars))).toBe('UNAUTHENTICATED');
    expect(codeOf(await run(CHECK_IN, vars, await kiosk('book-mall')))).toBe('FORBIDDEN');

    h.clock.set(at('09:35'));
    await run(SLOTS, { id: svc(mall), date: '2026-12-01' }); // warm catalog
    let first: GraphQLResponse<{ checkInAppointment: CheckedIn }> = { status: 0 };
    const requests = await h.countRequests(async () => {
      first = await run(CHECK_IN, vars, token);
    });
    expect(requests).toBeLessThanOrEqual(3);
    const ticket = first.data?.checkInAppointment as CheckedIn;
    expect(ticket.status).toBe('WAITING');
    expect(ticket.holderCode).toBeTypeOf('string');
    expect(ticket.appointment).toEqual({
      id: onTime.id,
      status: 'CHECKED_IN',
      nikMasked: `************${last4(5000)}`,
      code: '****-****-****-*',
    });
    const twice = await run<{ checkInAppointment: CheckedIn }>(CHECK_IN, vars, token);
    expect(twice.data?.checkInAppointment.id).toBe(ticket.id);
    expect(twice.data?.checkInAppointment.holderCode).toBe(ticket.holderCode);
    const found = await run<{ appointment: AppointmentView }>(FIND, vars);
    expect(found.data?.appointment.status).toBe('CHECKED_IN');
    expect(found.data?.appointment.ticket).toEqual({
      id: ticket.id,
      number: ticket.number,
      status: 'WAITING',
    });
    expect(codeOf(await run(CANCEL, vars))).toBe('INVALID_TRANSITION');

    h.clock.set(at('10:50')); // 20 minutes after the 10:30 slot: an ordinary walk-in
    const lateTicket = await run<{ checkInAppointment: CheckedIn }>(
      CHECK_IN,
      { code: late.code, last4: last4(5001) },
      token,
    );
    expect(lateTicket.data?.checkInAppointment.status).toBe('WAITING');
    expect(lateTicket.data?.checkInAppointment.appointment?.status).toBe('CHECKED_IN');
    // The public follows the ticket, but sees nothing of the booking behind it.
    const asPublic = await run<{ ticket: { appointment: unknown } }>(
      `query($id: ID!) { ticket(id: $id) { appointment { id } } }`,
      { id: ticket.id },
    );
    expect(asPublic.data?.ticket.appointment).toBeNull();

    h.clock.set(at('08:00', '2026-12-02')); // the next day: over
    const booking = await booked(mall, slot('10:00', '2026-12-02'), 5002);
    h.clock.set(at('07:00', '2026-12-03'));
    expect(codeOf(await run(CHECK_IN, { code: booking.code, last4: last4(5002) }, token))).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('cancels up to the slot start, giving the place back', async () => {
    const mall = 'book-mall';
    h.clock.set(at('07:00'));
    const a = await booked(mall, slot('13:00', '2026-12-04'), 6000);
    const remaining = async () =>
      (
        await run<{ service: { slots: { startsAt: string; remaining: number }[] } }>(SLOTS, {
          id: svc(mall),
          date: '2026-12-04',
        })
      ).data?.service.slots.find((s) => s.startsAt.includes('T13:00'))?.remaining;
    expect(await remaining()).toBe(3);
    const cancelled = await run<{ cancelAppointment: AppointmentView }>(CANCEL, {
      code: a.code,
      last4: last4(6000),
    });
    expect(cancelled.data?.cancelAppointment.status).toBe('CANCELLED');
    expect(await remaining()).toBe(4);
    // The NIK may book that service and day again.
    const b = await booked(mall, slot('13:30', '2026-12-04'), 6000);
    h.clock.set(at('13:30', '2026-12-04'));
    expect(codeOf(await run(CANCEL, { code: b.code, last4: last4(6000) }))).toBe('INVALID_TRANSITION');
  });

  it('calls a checked-in booking by its slot start among walk-ins by their issue time', async () => {
    const mall = 'order-mall';
    h.clock.set(at('07:00'));
    const booking = await booked(mall, slot('10:00'), 7000);
    const token = await kiosk(mall);
    const take = async (time: string) => {
      h.clock.set(at(time));
      const r = await run<{ takeTicket: { id: string } }>(TAKE, { input: { serviceId: svc(mall) } }, token);
      return r.data?.takeTicket.id as string;
    };
    const a = await take('09:31');
    h.clock.set(at('09:32'));
    const b = (
      await run<{ checkInAppointment: CheckedIn }>(
        CHECK_IN,
        { code: booking.code, last4: last4(7000) },
        token,
      )
    ).data?.checkInAppointment.id;
    const d = await take('09:50');
    const c = await take('10:05');
    const called: string[] = [];
    const staff = await admin(mall);
    for (let i = 0; i < 4; i++) {
      const r = await run<{ callNextTicket: { id: string } }>(
        `mutation($c: ID!) { callNextTicket(counterId: $c) { id } }`,
        { c: `${mall}:agency:loket-1` },
        staff,
      );
      const id = r.data?.callNextTicket.id as string;
      called.push(id);
      await run(`mutation($id: ID!) { startServing(id: $id) { id } }`, { id }, staff);
      await run(`mutation($id: ID!) { finishTicket(id: $id) { id } }`, { id }, staff);
    }
    expect(called).toEqual([a, d, b, c]);
  });

  it('lists a day’s bookings to staff of the agency, masked, in pages', async () => {
    const mall = 'book-mall';
    const vars = { id: svc(mall), date: '2026-12-03' };
    expect(codeOf(await run(LIST, vars))).toBe('UNAUTHENTICATED');
    const other = await h.token({ role: 'OFFICER', mallId: 'race-mall', agencyId: 'race-mall:agency' });
    expect(codeOf(await run(LIST, vars, other))).toBe('FORBIDDEN');
    const officer = await h.token({ role: 'OFFICER', mallId: mall, agencyId: `${mall}:agency` });
    type Page = {
      appointments: {
        edges: { node: AppointmentView }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const first = await run<Page>(LIST, vars, officer);
    expect(first.data?.appointments.edges).toHaveLength(2);
    expect(first.data?.appointments.pageInfo.hasNextPage).toBe(true);
    const second = await run<Page>(
      LIST,
      { ...vars, after: first.data?.appointments.pageInfo.endCursor },
      officer,
    );
    const all = [...(first.data?.appointments.edges ?? []), ...(second.data?.appointments.edges ?? [])];
    expect(all.map((e) => e.node.startsAt)).toEqual([...all.map((e) => e.node.startsAt)].sort());
    expect(
      all.every((e) => e.node.code === '****-****-****-*' && /^\*{12}\d{4}$/.test(e.node.nikMasked)),
    ).toBe(true);
    expect(new Set(all.map((e) => e.node.id)).size).toBe(all.length);
  });
});
