/**
 * The officer console on the fakes: what a counter may call next, in callNext's
 * order (QueueService.waitingAt), today's no-shows of a service (noShows), and a
 * board that shows only what is at a counter now.
 */
import { describe, expect, it } from 'vitest';
import type { Mall, Service } from '../../../src/domain/catalog/catalog.js';
import type { PriorityGroup, Ticket } from '../../../src/domain/queue/ticket.js';
import {
  BadInputError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '../../../src/domain/shared/errors.js';
import { createFakeWorld, type FakeWorld } from '../../support/fakes/index.js';
import { adminOf, kioskOf, officerOf, PUBLIC_VIEWER, partnerOf } from '../../support/fakes/viewers.js';
import { fixtureCatalog } from '../../support/fixture-catalog.js';

const MALL = 'test-mall';
const AGENCY = `${MALL}:agency`;
const SVC = `${AGENCY}:svc1`;
const SVC2 = `${AGENCY}:svc2`;
const counter = (n: number) => `${AGENCY}:loket-${n}`;
const ADMIN = adminOf(MALL);
const OFFICER = officerOf(AGENCY);

function world() {
  const catalog = fixtureCatalog({ mallId: MALL, counters: 3, services: [{}, {}] });
  const third = catalog.counters[2];
  if (third) third.serviceIds = [SVC2];
  return createFakeWorld({ catalogs: [catalog, fixtureCatalog({ mallId: 'far-mall' })] });
}

async function take(w: FakeWorld, priority: PriorityGroup = 'NONE', serviceId = SVC): Promise<Ticket> {
  w.clock.advance(1000);
  return w.queue().takeTicket(kioskOf(MALL), { serviceId, priority, idempotencyKey: null }, w.clock.now());
}

async function lookups(w: FakeWorld): Promise<{ mall: Mall; svc: Service }> {
  const mall = await w.catalogReader.mall(MALL);
  const svc = await w.catalogReader.service(SVC);
  if (!mall || !svc) throw new Error('no catalog');
  return { mall, svc };
}

describe('QueueService.waitingAt', () => {
  it('lists what the counter may call, in the order callNext takes it, streak included', async () => {
    const w = world();
    const n0 = await take(w);
    const p1 = await take(w, 'ELDERLY');
    const other = await take(w, 'NONE', SVC2);
    const p2 = await take(w, 'CHILD');
    const p3 = await take(w, 'PREGNANT');
    const ids = async (counterId: string, first = 10) =>
      (await w.queue().waitingAt(OFFICER, counterId, first, w.clock.now())).map((t) => t.id);
    expect(await ids(counter(1))).toEqual([p1.id, p2.id, n0.id, p3.id, other.id]);
    expect(await ids(counter(3))).toEqual([other.id]); // serves svc2 only
    expect(await ids(counter(1), 2)).toEqual([p1.id, p2.id]);
    // What it lists is what callNext calls, one by one.
    const listed = await ids(counter(1));
    const called: string[] = [];
    for (let t = await w.queue().callNext(ADMIN, counter(1), w.clock.now()); t; ) {
      called.push(t.id);
      await w.queue().cancel(ADMIN, t.id, null, w.clock.now());
      t = await w.queue().callNext(ADMIN, counter(1), w.clock.now());
    }
    expect(called).toEqual(listed);
  });

  it('refuses a bad page size, callers who may not operate the counter, and unknown counters', async () => {
    const w = world();
    for (const first of [0, 101, 1.5]) {
      await expect(w.queue().waitingAt(OFFICER, counter(1), first, w.clock.now())).rejects.toThrow(
        new BadInputError('first must be between 1 and 100.', 'first'),
      );
    }
    await expect(w.queue().waitingAt(PUBLIC_VIEWER, counter(1), 10, w.clock.now())).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    for (const viewer of [partnerOf(AGENCY), kioskOf(MALL), adminOf('far-mall')]) {
      await expect(
        w.queue().waitingAt(viewer, counter(1), 10, w.clock.now()),
        viewer.role,
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(w.queue().waitingAt(OFFICER, counter(9), 10, w.clock.now())).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('QueueService.noShows', () => {
  it('lists today’s no-shows of a service, latest marked first, for staff to reactivate', async () => {
    const w = world();
    const { svc } = await lookups(w);
    const gone: string[] = [];
    for (let i = 0; i < 3; i++) {
      const t = await take(w);
      await w.queue().callTicket(ADMIN, t.id, counter(1), w.clock.now());
      await w.queue().moveById(ADMIN, t.id, 'RECALL', w.clock.now());
      w.clock.advance(60_000);
      await w.queue().moveById(ADMIN, t.id, 'NO_SHOW', w.clock.now());
      gone.push(t.id);
    }
    const summary = await w.queue().serviceQueue(svc, null, w.clock.now());
    const ids = async (first = 10) => (await w.queue().noShows(OFFICER, summary, first)).map((t) => t.id);
    expect(await ids()).toEqual([...gone].reverse());
    expect(await ids(1)).toEqual([gone[2]]);
    await w.queue().moveById(OFFICER, gone[1] ?? '', 'REACTIVATE', w.clock.now());
    expect(await ids()).toEqual([gone[2], gone[0]]);
    const yesterday = await w.queue().serviceQueue(svc, '2026-11-30', w.clock.now());
    expect(await w.queue().noShows(OFFICER, yesterday, 10)).toEqual([]);
  });

  it('shows them to staff of the agency only', async () => {
    const w = world();
    const { svc } = await lookups(w);
    const summary = await w.queue().serviceQueue(svc, null, w.clock.now());
    await expect(w.queue().noShows(PUBLIC_VIEWER, summary, 10)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(w.queue().noShows(kioskOf(MALL), summary, 10)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(w.queue().noShows(OFFICER, summary, 0)).rejects.toBeInstanceOf(BadInputError);
    expect(w.tickets.calls.noShows).toBe(0);
  });
});

describe('QueueService.board', () => {
  it('shows only what is at a counter now: a finished, cancelled or transferred ticket leaves it', async () => {
    const w = world();
    const { mall } = await lookups(w);
    const board = async () => (await w.queue().board(mall, 10, w.clock.now())).map((t) => t.id);
    const [a, b, c] = [await take(w), await take(w), await take(w)];
    await w.queue().callTicket(ADMIN, a.id, counter(1), w.clock.now());
    w.clock.advance(1000);
    await w.queue().callTicket(ADMIN, b.id, counter(2), w.clock.now());
    expect(await board()).toEqual([b.id, a.id]);
    await w.queue().moveById(ADMIN, a.id, 'START', w.clock.now());
    expect(await board()).toEqual([b.id, a.id]); // SERVING stays
    await w.queue().moveById(ADMIN, a.id, 'FINISH', w.clock.now());
    await w.queue().transfer(ADMIN, b.id, SVC2, w.clock.now());
    expect(await board()).toEqual([]);
    await w.queue().callTicket(ADMIN, c.id, counter(1), w.clock.now());
    await w.queue().cancel(ADMIN, c.id, null, w.clock.now());
    expect(await board()).toEqual([]);
  });
});
