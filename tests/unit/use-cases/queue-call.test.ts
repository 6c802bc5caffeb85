/**
 * QueueService.callNext and callTicket on the fakes: priority fairness, the
 * counter's streak, and contention (another counter winning the ticket first,
 * the counter taken meanwhile, colliding transactions), with a seeded or fixed
 * random source and a sleeper that records its pauses instead of waiting.
 */
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../../src/domain/access/viewer.js';
import type { MallCatalog } from '../../../src/domain/catalog/catalog.js';
import { RequestCatalogs } from '../../../src/domain/catalog/catalog-reader.js';
import { QueueService } from '../../../src/domain/queue/queue-service.js';
import type { PriorityGroup, Ticket } from '../../../src/domain/queue/ticket.js';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  UnauthenticatedError,
} from '../../../src/domain/shared/errors.js';
import { twoAgencyCatalog } from '../../support/fakes/catalogs.js';
import { createFakeWorld, type FakeWorld, FixedRandom } from '../../support/fakes/index.js';
import { adminOf, kioskOf, officerOf, PUBLIC_VIEWER, partnerOf } from '../../support/fakes/viewers.js';
import { fixtureCatalog } from '../../support/fixture-catalog.js';

const MALL = 'test-mall';
const SVC = `${MALL}:agency:svc1`;
const SVC2 = `${MALL}:agency:svc2`;
const counter = (n: number) => `${MALL}:agency:loket-${n}`;
const ADMIN = adminOf(MALL);

function world(catalog: MallCatalog = fixtureCatalog({ mallId: MALL, counters: 3, services: [{}, {}] })) {
  return createFakeWorld({ catalogs: [catalog] });
}

async function take(w: FakeWorld, priority: PriorityGroup = 'NONE', serviceId = SVC): Promise<Ticket> {
  w.clock.advance(1000);
  return w.queue().takeTicket(kioskOf(MALL), { serviceId, priority, idempotencyKey: null }, w.clock.now());
}

const callNext = (w: FakeWorld, counterId: string, viewer: Viewer = ADMIN) =>
  w.queue().callNext(viewer, counterId, w.clock.now());

const cancel = (w: FakeWorld, id: string) => w.queue().cancel(ADMIN, id, null, w.clock.now());

/** A request's QueueService over the world's fakes but with its own random source. */
function queueWith(w: FakeWorld, random: FixedRandom): QueueService {
  return new QueueService(
    w.tickets,
    w.idempotency,
    new RequestCatalogs(w.catalogReader),
    w.ids,
    w.sleeper,
    random,
    w.secrets,
  );
}

describe('QueueService.callNext', () => {
  it('returns null when nobody waits, writing nothing', async () => {
    const w = world();
    expect(await callNext(w, counter(1))).toBeNull();
    expect(w.tickets.calls.saveMove).toBe(0);
  });

  it('calls the earliest ticket: CALLED at the counter, which then holds it', async () => {
    const w = world();
    const first = await take(w);
    await take(w);
    const called = await callNext(w, counter(1));
    expect(called).toMatchObject({
      id: first.id,
      status: 'CALLED',
      counterId: counter(1),
      calledAt: w.clock.now().toISOString(),
      version: 2,
    });
    expect(called?.history.at(-1)).toEqual({
      at: w.clock.now().toISOString(),
      status: 'CALLED',
      action: 'CALLED',
      counterId: counter(1),
      actor: ADMIN,
    });
    expect(w.tickets.peek(first.id)).toEqual(called);
    expect(await w.tickets.getCounterState(counter(1))).toEqual({
      counterId: counter(1),
      currentTicketId: first.id,
      priorityStreak: 0,
    });
    expect((await w.queue().currentTicket(counter(1)))?.id).toBe(first.id);
  });

  it('calls 5 priority and 5 normal tickets as P P N P P N P N N N at one counter', async () => {
    const w = world(fixtureCatalog({ mallId: MALL, counters: 1 }));
    const kinds: PriorityGroup[] = [
      'NONE',
      'ELDERLY',
      'NONE',
      'PREGNANT',
      'NONE',
      'DISABILITY',
      'CHILD',
      'NONE',
      'ELDERLY',
      'NONE',
    ];
    const names = new Map<string, string>();
    for (const [i, priority] of kinds.entries()) {
      const t = await take(w, priority);
      names.set(t.id, `${priority === 'NONE' ? 'N' : 'P'}${i}`);
    }
    const order: string[] = [];
    const streaks: number[] = [];
    for (;;) {
      const t = await callNext(w, counter(1));
      if (!t) break;
      order.push(names.get(t.id) ?? '?');
      streaks.push((await w.tickets.getCounterState(counter(1))).priorityStreak);
      await cancel(w, t.id);
    }
    expect(order).toEqual(['P1', 'P3', 'N0', 'P5', 'P6', 'N2', 'P8', 'N4', 'N7', 'N9']);
    expect(streaks).toEqual([1, 2, 0, 1, 2, 0, 1, 0, 0, 0]);
  });

  it('follows the mall’s priority streak limit', async () => {
    const w = world(fixtureCatalog({ mallId: MALL, counters: 1, priorityStreakLimit: 1 }));
    const names = new Map<string, string>();
    for (const [i, priority] of (['NONE', 'NONE', 'ELDERLY', 'ELDERLY'] as const).entries()) {
      names.set((await take(w, priority)).id, `${priority === 'NONE' ? 'N' : 'P'}${i}`);
    }
    const order: string[] = [];
    for (let t = await callNext(w, counter(1)); t; t = await callNext(w, counter(1))) {
      order.push(names.get(t.id) ?? '?');
      await cancel(w, t.id);
    }
    expect(order).toEqual(['P2', 'N0', 'P3', 'N1']);
  });

  it('calls only the services the counter serves', async () => {
    const catalog = fixtureCatalog({ mallId: MALL, counters: 2, services: [{}, {}] });
    const second = catalog.counters[1];
    if (second) second.serviceIds = [SVC2];
    const w = world(catalog);
    const forSvc1 = await take(w, 'NONE', SVC);
    expect(await callNext(w, counter(2))).toBeNull();
    const forSvc2 = await take(w, 'NONE', SVC2);
    expect((await callNext(w, counter(2)))?.id).toBe(forSvc2.id);
    expect((await callNext(w, counter(1)))?.id).toBe(forSvc1.id);
  });

  it('refuses a second call while the counter holds a ticket', async () => {
    const w = world();
    await take(w);
    await take(w);
    await callNext(w, counter(1));
    const writes = w.tickets.writes;
    await expect(callNext(w, counter(1))).rejects.toThrow(
      new InvalidTransitionError(
        'Loket 1 still holds a ticket; finish, cancel, transfer or mark it before calling the next.',
      ),
    );
    expect(w.tickets.writes).toBe(writes);
  });

  it('lets only staff of the agency call, and only at an active counter of the catalog', async () => {
    const catalog = twoAgencyCatalog({ mallId: MALL, counters: 2 });
    const inactive = catalog.counters[1];
    if (inactive) inactive.active = false;
    const w = world(catalog);
    await take(w);
    await expect(callNext(w, counter(1), PUBLIC_VIEWER)).rejects.toBeInstanceOf(UnauthenticatedError);
    for (const viewer of [officerOf(`${MALL}:other`), partnerOf(`${MALL}:agency`), adminOf('other-mall')]) {
      await expect(callNext(w, counter(1), viewer), viewer.role).rejects.toBeInstanceOf(ForbiddenError);
    }
    for (const id of [counter(2), counter(9), 'no-such-mall:a:b', 'nocolon']) {
      await expect(callNext(w, id), id).rejects.toThrow(new NotFoundError('No such counter.'));
    }
    expect(w.tickets.calls.saveMove).toBe(0);
    expect((await callNext(w, counter(1), officerOf(`${MALL}:agency`)))?.status).toBe('CALLED');
  });

  describe('under contention', () => {
    it('moves on to another ticket when another counter called the one it tried first', async () => {
      for (const [draw, expected] of [
        [[0, 0, 0, 0], 1],
        [[0xff, 0xff, 0xff, 0xff], 2],
      ] as const) {
        const w = world();
        const tickets = [await take(w), await take(w), await take(w)];
        const stolen: string[] = [];
        w.tickets.beforeSaveMove = async (before) => {
          w.tickets.beforeSaveMove = null;
          stolen.push(before.id);
          await w.queue().callTicket(ADMIN, before.id, counter(3), w.clock.now()); // loket 3 wins it
        };
        const called = await queueWith(w, new FixedRandom(draw)).callNext(ADMIN, counter(1), w.clock.now());
        expect(stolen).toEqual([tickets[0]?.id]);
        // One loss: the next try is drawn from the next two waiting tickets (two counters contend).
        expect(called?.id, `draw ${draw[0]}`).toBe(tickets[expected]?.id);
        expect(w.tickets.peek(tickets[0]?.id ?? '')?.counterId).toBe(counter(3));
        expect((await w.tickets.getCounterState(counter(1))).currentTicketId).toBe(called?.id);
      }
    });

    it('returns null when other counters took every waiting ticket meanwhile', async () => {
      const w = world();
      await take(w);
      await take(w);
      const others = [counter(2), counter(3)];
      w.tickets.beforeSaveMove = async (before) => {
        const thief = others.shift();
        if (!thief) return;
        const save = w.tickets.beforeSaveMove;
        w.tickets.beforeSaveMove = null;
        await w.queue().callTicket(ADMIN, before.id, thief, w.clock.now());
        w.tickets.beforeSaveMove = save;
      };
      expect(await callNext(w, counter(1))).toBeNull();
      expect(w.tickets.calls.liveQueue).toBe(2); // read again once every ticket of the first read was lost
    });

    it('reads the queue again when every ticket of its read was lost, and calls a newcomer', async () => {
      const w = world();
      await take(w);
      let newcomer: Ticket | null = null;
      w.tickets.beforeSaveMove = async (before) => {
        w.tickets.beforeSaveMove = null;
        await w.queue().callTicket(ADMIN, before.id, counter(2), w.clock.now());
        newcomer = await take(w);
      };
      const called = await callNext(w, counter(1));
      expect(called?.id).toBe((newcomer as Ticket | null)?.id);
    });

    it('says CONFLICT when its own counter was taken meanwhile, changing no ticket', async () => {
      const w = world();
      const waiting = await take(w);
      w.tickets.beforeSaveMove = () => {
        w.tickets.counters.set(counter(1), { currentTicketId: 'tsomeoneelse', priorityStreak: 0 });
      };
      await expect(callNext(w, counter(1))).rejects.toThrow(
        new ConflictError('Loket 1 was just used by another call. Try again.'),
      );
      expect(w.tickets.peek(waiting.id)).toEqual({ ...waiting, holderCode: undefined });
    });

    it('gives one of two calls at the same counter at once the ticket, the other a refusal', async () => {
      const w = world();
      await take(w);
      await take(w);
      const results = await Promise.allSettled([callNext(w, counter(1)), callNext(w, counter(1))]);
      const called = results.filter((r) => r.status === 'fulfilled');
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(called).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toBeInstanceOf(ConflictError);
      expect([...w.tickets.tickets.values()].filter((t) => t.status === 'CALLED')).toHaveLength(1);
    });

    it('backs off with jitter after colliding transactions, then calls', async () => {
      const w = world();
      const first = await take(w);
      w.tickets.collideNextMoves(2);
      const called = await callNext(w, counter(1));
      expect(called?.id).toBe(first.id);
      expect(w.sleeper.pauses).toHaveLength(2);
      expect(w.sleeper.pauses[0]).toBeLessThan(10);
      expect(w.sleeper.pauses[1]).toBeLessThan(20);
    });

    it('gives up with CONFLICT after ten rounds of collisions, backing off up to 320 ms', async () => {
      const w = world();
      const waiting = await take(w);
      w.tickets.collideNextMoves(1000);
      await expect(callNext(w, counter(1))).rejects.toThrow(
        new ConflictError('Other counters kept calling the same tickets. Try again.'),
      );
      const ceilings = [10, 20, 40, 80, 160, 320, 320, 320, 320, 320];
      expect(w.sleeper.pauses).toHaveLength(10);
      w.sleeper.pauses.forEach((ms, i) => {
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThan(ceilings[i] ?? 0);
      });
      expect(w.tickets.peek(waiting.id)?.status).toBe('WAITING');
    });

    it('calls each of 40 tickets exactly once with 5 counters calling at once, never 3 priority in a row', async () => {
      const w = world(fixtureCatalog({ mallId: MALL, counters: 5 }));
      const kind = new Map<string, 'P' | 'N'>();
      for (const priority of ['ELDERLY', 'NONE'] as const) {
        for (let i = 0; i < 20; i++) kind.set((await take(w, priority)).id, priority === 'NONE' ? 'N' : 'P');
      }
      const calls = new Map<string, string>();
      const called: string[] = [];
      await Promise.all(
        Array.from({ length: 5 }, async (_, n) => {
          for (;;) {
            const t = await callNext(w, counter(n + 1));
            if (!t) return;
            called.push(t.id);
            calls.set(counter(n + 1), `${calls.get(counter(n + 1)) ?? ''}${kind.get(t.id)}`);
            await cancel(w, t.id);
          }
        }),
      );
      expect(called).toHaveLength(40);
      expect(new Set(called).size).toBe(40);
      for (const [id, sequence] of calls) expect(sequence, id).not.toMatch(/PPP/);
    });
  });
});

describe('QueueService.callTicket', () => {
  it('calls a given waiting ticket out of turn, counting it in the counter’s streak', async () => {
    const w = world();
    await take(w);
    const elderly = await take(w, 'ELDERLY');
    const called = await w.queue().callTicket(ADMIN, elderly.id, counter(2), w.clock.now());
    expect(called).toMatchObject({ id: elderly.id, status: 'CALLED', counterId: counter(2), version: 2 });
    expect(await w.tickets.getCounterState(counter(2))).toEqual({
      counterId: counter(2),
      currentTicketId: elderly.id,
      priorityStreak: 1,
    });
  });

  it('refuses a counter that does not serve the ticket’s service, or still holds a ticket', async () => {
    const w = world(twoAgencyCatalog({ mallId: MALL, counters: 2 }));
    const t = await take(w);
    const other = await take(w);
    await expect(w.queue().callTicket(ADMIN, t.id, `${MALL}:other:loket-1`, w.clock.now())).rejects.toThrow(
      new BadInputError("Loket Lain does not serve this ticket's service.", 'counterId'),
    );
    await w.queue().callTicket(ADMIN, t.id, counter(1), w.clock.now());
    await expect(w.queue().callTicket(ADMIN, other.id, counter(1), w.clock.now())).rejects.toThrow(
      new InvalidTransitionError(
        'Loket 1 still holds a ticket; finish, cancel, transfer or mark it before calling another.',
      ),
    );
  });

  it('refuses an unknown ticket, a ticket that is not waiting, and callers who may not operate the counter', async () => {
    const w = world();
    const t = await take(w);
    await expect(w.queue().callTicket(ADMIN, 'tnosuch', counter(1), w.clock.now())).rejects.toThrow(
      new NotFoundError('No such ticket.'),
    );
    await expect(w.queue().callTicket(PUBLIC_VIEWER, t.id, counter(1), w.clock.now())).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    await w.queue().cancel(PUBLIC_VIEWER, t.id, t.holderCode ?? null, w.clock.now());
    await expect(w.queue().callTicket(ADMIN, t.id, counter(1), w.clock.now())).rejects.toThrow(
      new InvalidTransitionError('Ticket A-001 is CANCELLED; it cannot be called.'),
    );
  });

  it('says INVALID_TRANSITION when another counter called the ticket first, CONFLICT when its counter was taken', async () => {
    const w = world();
    const t = await take(w);
    w.tickets.beforeSaveMove = async (before) => {
      w.tickets.beforeSaveMove = null;
      await w.queue().callTicket(ADMIN, before.id, counter(3), w.clock.now());
    };
    await expect(w.queue().callTicket(ADMIN, t.id, counter(1), w.clock.now())).rejects.toThrow(
      new InvalidTransitionError('Ticket A-001 is CALLED; it cannot be called.'),
    );

    const u = await take(w);
    w.tickets.beforeSaveMove = () => {
      w.tickets.beforeSaveMove = null;
      w.tickets.counters.set(counter(2), { currentTicketId: 'tsomeoneelse', priorityStreak: 0 });
    };
    const refused = w.queue().callTicket(ADMIN, u.id, counter(2), w.clock.now());
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused.catch((e: Error) => (e.cause as Error).name)).resolves.toBe('StaleWriteError');
    expect(w.tickets.peek(u.id)?.status).toBe('WAITING');
  });
});
