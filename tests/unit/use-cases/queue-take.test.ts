/**
 * QueueService.takeTicket on the fakes: numbering, the mall's midnight, quota,
 * hours and cut-off, and idempotent replay, without DynamoDB or timers.
 */
import { describe, expect, it } from 'vitest';
import type { TakeTicketInput } from '../../../src/domain/queue/queue-service.js';
import {
  AgencyClosedError,
  BadInputError,
  NotFoundError,
  QuotaExhaustedError,
} from '../../../src/domain/shared/errors.js';
import { createFakeWorld, FAKE_START } from '../../support/fakes/index.js';
import { PUBLIC_VIEWER } from '../../support/fakes/viewers.js';
import { fixtureCatalog } from '../../support/fixture-catalog.js';

const SVC = 'test-mall:agency:svc1';
const SVC2 = 'test-mall:agency:svc2';
const QUOTA_SVC = 'test-mall:agency:svc3';

const input = (extra: Partial<TakeTicketInput> = {}): TakeTicketInput => ({
  serviceId: SVC,
  priority: 'NONE',
  idempotencyKey: null,
  ...extra,
});

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
  it('issues WAITING tickets numbered per service from 1, stamped with who took them and when', async () => {
    const w = world();
    const queue = w.queue();
    const first = await queue.takeTicket(PUBLIC_VIEWER, input(), w.clock.now());
    const second = await queue.takeTicket(PUBLIC_VIEWER, input({ priority: 'ELDERLY' }), w.clock.now());
    const other = await queue.takeTicket(PUBLIC_VIEWER, input({ serviceId: SVC2 }), w.clock.now());
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
      issuedAt: FAKE_START.toISOString(),
      calledAt: null,
      startedAt: null,
      finishedAt: null,
      counterId: null,
      recallCount: 0,
      history: [
        {
          at: FAKE_START.toISOString(),
          status: 'WAITING',
          action: 'ISSUED',
          counterId: null,
          actor: PUBLIC_VIEWER,
        },
      ],
      version: 1,
    });
    expect([second.number, second.priority]).toEqual(['A-002', 'ELDERLY']);
    expect(other.number).toBe('B-001');
    expect(w.tickets.peek(second.id)).toEqual(second);
  });

  it('restarts numbers at midnight of the mall, in WIB, WITA and WIT', async () => {
    const w = world();
    for (const [mallId, offset] of [
      ['wib-mall', '+07:00'],
      ['wita-mall', '+08:00'],
      ['wit-mall', '+09:00'],
    ] as const) {
      const serviceId = `${mallId}:agency:svc1`;
      const late = await w
        .queue()
        .takeTicket(PUBLIC_VIEWER, input({ serviceId }), new Date(`2026-12-02T23:59:00${offset}`));
      const early = await w
        .queue()
        .takeTicket(PUBLIC_VIEWER, input({ serviceId }), new Date(`2026-12-03T00:01:00${offset}`));
      expect([late.date, late.number], mallId).toEqual(['2026-12-02', 'A-001']);
      expect([early.date, early.number], mallId).toEqual(['2026-12-03', 'A-001']);
    }
  });

  it('refuses tickets before opening and after the cut-off, consuming no number', async () => {
    const w = world();
    const closed = input({ serviceId: 'closed-mall:agency:svc1' });
    await expect(
      w.queue().takeTicket(PUBLIC_VIEWER, closed, new Date('2026-12-01T07:59:00+07:00')),
    ).rejects.toThrow(new AgencyClosedError('Uji is closed now.'));
    await expect(
      w.queue().takeTicket(PUBLIC_VIEWER, closed, new Date('2026-12-01T14:30:00+07:00')),
    ).rejects.toThrow(
      new AgencyClosedError('Tickets for Layanan 1 are issued until 30 minutes before closing (15:00).'),
    );
    await expect(
      w.queue().takeTicket(PUBLIC_VIEWER, closed, new Date('2026-12-01T15:00:00+07:00')),
    ).rejects.toBeInstanceOf(AgencyClosedError);
    expect(w.tickets.writes).toBe(0);
    const ok = await w.queue().takeTicket(PUBLIC_VIEWER, closed, new Date('2026-12-01T14:29:00+07:00'));
    expect(ok.number).toBe('A-001');
  });

  it('refuses a ticket past the daily quota, writing no ticket and freeing its key', async () => {
    const w = world();
    const quota = input({ serviceId: QUOTA_SVC });
    await w.queue().takeTicket(PUBLIC_VIEWER, quota, w.clock.now());
    await w.queue().takeTicket(PUBLIC_VIEWER, quota, w.clock.now());
    const third = w
      .queue()
      .takeTicket(PUBLIC_VIEWER, { ...quota, idempotencyKey: 'quota-key-0001' }, w.clock.now());
    await expect(third).rejects.toBeInstanceOf(QuotaExhaustedError);
    expect(w.tickets.tickets.size).toBe(2);
    expect(w.idempotency.get('takeTicket', 'quota-key-0001')).toBeUndefined();
    const summary = await w
      .queue()
      .serviceQueue(
        (await w.catalogReader.service(QUOTA_SVC)) ?? expect.fail('no service'),
        null,
        w.clock.now(),
      );
    expect([summary.issued, summary.remainingQuota]).toEqual([2, 0]);
    // The next day has its own quota.
    const tomorrow = await w.queue().takeTicket(PUBLIC_VIEWER, quota, new Date('2026-12-02T02:00:00Z'));
    expect(tomorrow.number).toBe('C-001');
  });

  it('refuses an unknown, inactive or malformed service without writing', async () => {
    const w = world();
    for (const serviceId of [
      'test-mall:agency:nope',
      'test-mall:agency:svc4',
      'no-such-mall:a:b',
      'nocolon',
      '',
    ]) {
      await expect(
        w.queue().takeTicket(PUBLIC_VIEWER, input({ serviceId }), w.clock.now()),
        serviceId,
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(w.tickets.writes).toBe(0);
  });

  it('gives the same ticket for the same idempotency key, consuming one number', async () => {
    const w = world();
    const keyed = input({ idempotencyKey: 'kiosk-7-tap-000123' });
    const first = await w.queue().takeTicket(PUBLIC_VIEWER, keyed, w.clock.now());
    w.clock.advance(60_000);
    const again = await w.queue().takeTicket(PUBLIC_VIEWER, keyed, w.clock.now());
    expect(again).toEqual(first);
    expect(w.tickets.calls.nextSequence).toBe(1);
    expect(w.idempotency.get('takeTicket', 'kiosk-7-tap-000123')?.resultId).toBe(first.id);
    const next = await w.queue().takeTicket(PUBLIC_VIEWER, input(), w.clock.now());
    expect(next.number).toBe('A-002');
  });

  it('makes one ticket of 20 concurrent calls with one key; the others wait for it and replay it', async () => {
    const w = world();
    const keyed = input({ idempotencyKey: 'double-tap-key-42' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => w.queue().takeTicket(PUBLIC_VIEWER, keyed, w.clock.now())),
    );
    expect(new Set(results.map((t) => t.id)).size).toBe(1);
    expect(w.tickets.tickets.size).toBe(1);
    expect(w.tickets.calls.nextSequence).toBe(1);
  });

  it('refuses a key reused for another service, and a key of the wrong shape, before any write', async () => {
    const w = world();
    await w.queue().takeTicket(PUBLIC_VIEWER, input({ idempotencyKey: 'shared-key-0001' }), w.clock.now());
    const reused = w
      .queue()
      .takeTicket(
        PUBLIC_VIEWER,
        input({ serviceId: SVC2, idempotencyKey: 'shared-key-0001' }),
        w.clock.now(),
      );
    await expect(reused).rejects.toThrow(
      new BadInputError('This idempotency key was already used for another request.', 'input.idempotencyKey'),
    );
    for (const key of ['short', 'x'.repeat(129), 'has space in it', 'kunci-ñ-000000']) {
      const bad = w.queue().takeTicket(PUBLIC_VIEWER, input({ idempotencyKey: key }), w.clock.now());
      await expect(bad, key).rejects.toBeInstanceOf(BadInputError);
    }
    expect(w.tickets.writes).toBe(2); // the first ticket's sequence and ticket only
  });

  it('frees the key when the ticket cannot be made, so a retry with it succeeds later', async () => {
    const w = world();
    const keyed = input({ serviceId: 'closed-mall:agency:svc1', idempotencyKey: 'early-bird-key-1' });
    await expect(
      w.queue().takeTicket(PUBLIC_VIEWER, keyed, new Date('2026-12-01T07:00:00+07:00')),
    ).rejects.toBeInstanceOf(AgencyClosedError);
    expect(w.idempotency.calls.release).toBe(1);
    const later = await w.queue().takeTicket(PUBLIC_VIEWER, keyed, new Date('2026-12-01T08:00:00+07:00'));
    expect(later.number).toBe('A-001');
  });

  it('forgets a key after 24 hours', async () => {
    const w = world();
    const keyed = input({ idempotencyKey: 'yesterdays-key-01' });
    const first = await w.queue().takeTicket(PUBLIC_VIEWER, keyed, w.clock.now());
    w.clock.advance(24 * 3600_000 + 1000);
    const second = await w.queue().takeTicket(PUBLIC_VIEWER, keyed, w.clock.now());
    expect(second.id).not.toBe(first.id);
    expect(second.date).toBe('2026-12-02');
  });
});
