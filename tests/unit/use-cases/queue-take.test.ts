/**
 * QueueService.takeTicket on the fakes: who may issue, numbering, the mall's
 * midnight, quota, hours and cut-off, holder codes, and idempotent replay,
 * without DynamoDB or timers.
 */
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../../src/domain/access/viewer.js';
import type { TakeTicketInput } from '../../../src/domain/queue/queue-service.js';
import {
  AgencyClosedError,
  BadInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  QuotaExhaustedError,
  UnauthenticatedError,
} from '../../../src/domain/shared/errors.js';
import { createFakeWorld, FAKE_START } from '../../support/fakes/index.js';
import { adminOf, kioskOf, officerOf, PUBLIC_VIEWER, partnerOf } from '../../support/fakes/viewers.js';
import { fixtureCatalog } from '../../support/fixture-catalog.js';

const SVC = 'test-mall:agency:svc1';
const SVC2 = 'test-mall:agency:svc2';
const QUOTA_SVC = 'test-mall:agency:svc3';
const KIOSK = kioskOf('test-mall');
const HOLDER_CODE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

const input = (extra: Partial<TakeTicketInput> = {}): TakeTicketInput => ({
  serviceId: SVC,
  priority: 'NONE',
  idempotencyKey: null,
  ...extra,
});

/** The kiosk of the mall a service id names. */
const kioskFor = (serviceId: string): Viewer => kioskOf(serviceId.split(':')[0] ?? '');

function world() {
  return createFakeWorld({
    catalogs: [
      fixtureCatalog({ mallId: 'test-mall', services: [{}, {}, { dailyQuota: 2 }, { active: false }] }),
      fixtureCatalog({
        mallId: 'closed-mall',
        hours: [{ opens: '08:00', closes: '15:00' }],
        services: [{ cutoffMinutes: 30 }],
      }),
      fixtureCatalog({ mallId: 'wib-mall', timeZone: 'Asia/Jakarta' }),
      fixtureCatalog({ mallId: 'wita-mall', timeZone: 'Asia/Makassar' }),
      fixtureCatalog({ mallId: 'wit-mall', timeZone: 'Asia/Jayapura' }),
    ],
  });
}

describe('QueueService.takeTicket', () => {
  it('issues WAITING tickets numbered per service from 1, stamped with who issued them and when', async () => {
    const w = world();
    const queue = w.queue();
    const first = await queue.takeTicket(KIOSK, input(), w.clock.now());
    const second = await queue.takeTicket(KIOSK, input({ priority: 'ELDERLY' }), w.clock.now());
    const other = await queue.takeTicket(KIOSK, input({ serviceId: SVC2 }), w.clock.now());
    const at = FAKE_START.toISOString();
    expect(first).toEqual({
      id: 't000001',
      mallId: 'test-mall',
      agencyId: 'test-mall:agency',
      serviceId: SVC,
      date: '2026-12-01',
      sequence: 1,
      number: 'A-001',
      status: 'WAITING',
      priority: 'NONE',
      issuedAt: at,
      queuedAt: at,
      appointmentId: null,
      holderCodeHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      holderCode: expect.stringMatching(HOLDER_CODE),
      calledAt: null,
      startedAt: null,
      finishedAt: null,
      counterId: null,
      recallCount: 0,
      history: [{ at, status: 'WAITING', action: 'ISSUED', counterId: null, actor: KIOSK }],
      version: 1,
    });
    expect([second.number, second.priority]).toEqual(['A-002', 'ELDERLY']);
    expect(other.number).toBe('B-001');
    expect(second.holderCode).not.toBe(first.holderCode);
  });

  it('stores only the hash of the holder code, never the code', async () => {
    const w = world();
    const { holderCode, ...rest } = await w.queue().takeTicket(KIOSK, input(), w.clock.now());
    expect(w.tickets.peek(rest.id)).toEqual(rest);
    expect(JSON.stringify([...w.tickets.tickets.values()])).not.toContain(holderCode);
    expect(w.secrets.hashed).toContainEqual({
      purpose: 'holder-code',
      value: `code\u0000${holderCode?.replace(/-/g, '')}`,
    });
    expect((await w.queue().ticket(rest.id))?.holderCode).toBeUndefined();
  });

  it('issues only for a kiosk or staff of the service’s mall', async () => {
    const w = world();
    await expect(w.queue().takeTicket(PUBLIC_VIEWER, input(), w.clock.now())).rejects.toThrow(
      new UnauthenticatedError('Sign in to take a ticket (use a kiosk of the mall).'),
    );
    for (const viewer of [kioskOf('closed-mall'), adminOf('closed-mall'), partnerOf('test-mall:agency')]) {
      await expect(w.queue().takeTicket(viewer, input(), w.clock.now()), viewer.role).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    expect(w.tickets.writes).toBe(0);
    for (const viewer of [adminOf('test-mall'), officerOf('test-mall:agency')]) {
      const assisted = await w.queue().takeTicket(viewer, input(), w.clock.now());
      expect(assisted.history[0]?.actor).toEqual(viewer);
    }
  });

  it('restarts numbers at midnight of the mall, in WIB, WITA and WIT', async () => {
    const w = world();
    for (const [mallId, offset] of [
      ['wib-mall', '+07:00'],
      ['wita-mall', '+08:00'],
      ['wit-mall', '+09:00'],
    ] as const) {
      const serviceId = `${mallId}:agency:svc1`;
      const kiosk = kioskFor(serviceId);
      const late = await w
        .queue()
        .takeTicket(kiosk, input({ serviceId }), new Date(`2026-12-02T23:59:00${offset}`));
      const early = await w
        .queue()
        .takeTicket(kiosk, input({ serviceId }), new Date(`2026-12-03T00:01:00${offset}`));
      expect([late.date, late.number], mallId).toEqual(['2026-12-02', 'A-001']);
      expect([early.date, early.number], mallId).toEqual(['2026-12-03', 'A-001']);
    }
  });

  it('refuses tickets before opening and after the cut-off, consuming no number', async () => {
    const w = world();
    const closed = input({ serviceId: 'closed-mall:agency:svc1' });
    const kiosk = kioskFor(closed.serviceId);
    await expect(w.queue().takeTicket(kiosk, closed, new Date('2026-12-01T07:59:00+07:00'))).rejects.toThrow(
      new AgencyClosedError('Uji is closed now.'),
    );
    await expect(w.queue().takeTicket(kiosk, closed, new Date('2026-12-01T14:30:00+07:00'))).rejects.toThrow(
      new AgencyClosedError('Tickets for Layanan 1 are issued until 30 minutes before closing (15:00).'),
    );
    await expect(
      w.queue().takeTicket(kiosk, closed, new Date('2026-12-01T15:00:00+07:00')),
    ).rejects.toBeInstanceOf(AgencyClosedError);
    expect(w.tickets.writes).toBe(0);
    const ok = await w.queue().takeTicket(kiosk, closed, new Date('2026-12-01T14:29:00+07:00'));
    expect(ok.number).toBe('A-001');
  });

  it('refuses a ticket past the daily quota, writing no ticket and freeing its key', async () => {
    const w = world();
    const quota = input({ serviceId: QUOTA_SVC });
    await w.queue().takeTicket(KIOSK, quota, w.clock.now());
    await w.queue().takeTicket(KIOSK, quota, w.clock.now());
    const third = w.queue().takeTicket(KIOSK, { ...quota, idempotencyKey: 'quota-key-0001' }, w.clock.now());
    await expect(third).rejects.toBeInstanceOf(QuotaExhaustedError);
    expect(w.tickets.tickets.size).toBe(2);
    expect(w.idempotency.get('takeTicket', 'quota-key-0001')).toBeUndefined();
    const service = await w.catalogReader.service(QUOTA_SVC);
    if (!service) throw new Error('no such service');
    const summary = await w.queue().serviceQueue(service, null, w.clock.now());
    expect([summary.issued, summary.remainingQuota]).toEqual([2, 0]);
    // The next day has its own quota.
    const tomorrow = await w.queue().takeTicket(KIOSK, quota, new Date('2026-12-02T02:00:00Z'));
    expect(tomorrow.number).toBe('C-001');
  });

  it('refuses an unknown, inactive or malformed service without writing', async () => {
    const w = world();
    for (const serviceId of ['test-mall:agency:nope', 'test-mall:agency:svc4', 'no-such-mall:a:b']) {
      await expect(
        w.queue().takeTicket(kioskFor(serviceId), input({ serviceId }), w.clock.now()),
        serviceId,
      ).rejects.toThrow(new NotFoundError('No such service.'));
    }
    // An id that names no mall is refused (no kiosk or staff can be of its mall) before anything is read.
    for (const serviceId of ['nocolon', '']) {
      const refused = w.queue().takeTicket(KIOSK, input({ serviceId }), w.clock.now());
      await expect(refused.catch((e: Error) => e.constructor)).resolves.toBeOneOf([
        NotFoundError,
        ForbiddenError,
      ]);
    }
    expect(w.tickets.writes).toBe(0);
  });

  it('gives the same ticket and holder code for the same caller and key, consuming one number', async () => {
    const w = world();
    const keyed = input({ idempotencyKey: 'kiosk-7-tap-000123' });
    const first = await w.queue().takeTicket(KIOSK, keyed, w.clock.now());
    w.clock.advance(60_000);
    const again = await w.queue().takeTicket(KIOSK, keyed, w.clock.now());
    expect(again).toEqual(first);
    expect(again.holderCode).toMatch(HOLDER_CODE);
    expect(w.tickets.calls.nextSequence).toBe(1);
    expect(w.idempotency.get('takeTicket', 'kiosk-7-tap-000123')?.resultId).toBe(first.id);
    const next = await w.queue().takeTicket(KIOSK, input(), w.clock.now());
    expect(next.number).toBe('A-002');
  });

  it('makes one ticket of 20 concurrent calls with one key; the others wait for it and replay it', async () => {
    const w = world();
    const keyed = input({ idempotencyKey: 'double-tap-key-42' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => w.queue().takeTicket(KIOSK, keyed, w.clock.now())),
    );
    expect(new Set(results.map((t) => t.id)).size).toBe(1);
    expect(new Set(results.map((t) => t.holderCode)).size).toBe(1);
    expect(w.tickets.tickets.size).toBe(1);
    expect(w.tickets.calls.nextSequence).toBe(1);
    expect(w.sleeper.pauses.length).toBeGreaterThan(0); // the others waited for the first, without a timer
  });

  it('refuses a key reused for another service, priority or caller, and a key of the wrong shape', async () => {
    const w = world();
    await w.queue().takeTicket(KIOSK, input({ idempotencyKey: 'shared-key-0001' }), w.clock.now());
    // Refused as a conflict that names nothing of the first request.
    const refusal = new ConflictError('This idempotency key was already used for another request.');
    for (const [viewer, reuse] of [
      [KIOSK, input({ serviceId: SVC2, idempotencyKey: 'shared-key-0001' })],
      [KIOSK, input({ priority: 'PREGNANT', idempotencyKey: 'shared-key-0001' })],
      [kioskOf('test-mall', 2), input({ idempotencyKey: 'shared-key-0001' })],
    ] as const) {
      await expect(w.queue().takeTicket(viewer, reuse, w.clock.now())).rejects.toThrow(refusal);
    }
    for (const key of ['short', 'x'.repeat(129), 'has space in it', 'kunci-ñ-000000']) {
      const bad = w.queue().takeTicket(KIOSK, input({ idempotencyKey: key }), w.clock.now());
      await expect(bad, key).rejects.toBeInstanceOf(BadInputError);
    }
    expect(w.tickets.writes).toBe(2); // the first ticket's sequence and ticket only
  });

  it('frees the key when the ticket cannot be made, so a retry with it succeeds later', async () => {
    const w = world();
    const keyed = input({ serviceId: 'closed-mall:agency:svc1', idempotencyKey: 'early-bird-key-1' });
    const kiosk = kioskFor(keyed.serviceId);
    await expect(
      w.queue().takeTicket(kiosk, keyed, new Date('2026-12-01T07:00:00+07:00')),
    ).rejects.toBeInstanceOf(AgencyClosedError);
    expect(w.idempotency.calls.release).toBe(1);
    const later = await w.queue().takeTicket(kiosk, keyed, new Date('2026-12-01T08:00:00+07:00'));
    expect(later.number).toBe('A-001');
  });

  it('forgets a key after 24 hours', async () => {
    const w = world();
    const keyed = input({ idempotencyKey: 'yesterdays-key-01' });
    const first = await w.queue().takeTicket(KIOSK, keyed, w.clock.now());
    w.clock.advance(24 * 3600_000 + 1000);
    const second = await w.queue().takeTicket(KIOSK, keyed, w.clock.now());
    expect(second.id).not.toBe(first.id);
    expect(second.date).toBe('2026-12-02');
  });
});
