/**
 * The queue's reads on the fakes: a waiting ticket's position and estimate,
 * a service's queue, a counter's current ticket, the hall display, a ticket by id.
 */
import { describe, expect, it } from 'vitest';
import type { MallCatalog, Service } from '../../../src/domain/catalog/catalog.js';
import type { PriorityGroup, Ticket } from '../../../src/domain/queue/ticket.js';
import { BadInputError, NotFoundError } from '../../../src/domain/shared/errors.js';
import { createFakeWorld, type FakeWorld } from '../../support/fakes/index.js';
import { adminOf, kioskOf } from '../../support/fakes/viewers.js';
import { fixtureCatalog } from '../../support/fixture-catalog.js';

const MALL = 'test-mall';
const SVC = `${MALL}:agency:svc1`;
const QUOTA_SVC = `${MALL}:agency:svc2`;
const counter = (n: number) => `${MALL}:agency:loket-${n}`;
const ADMIN = adminOf(MALL);
const MINUTE = 60_000;

function world(catalog?: MallCatalog) {
  return createFakeWorld({
    catalogs: [
      catalog ?? fixtureCatalog({ mallId: MALL, counters: 2, services: [{}, { dailyQuota: 5 }] }),
      fixtureCatalog({ mallId: 'wit-mall', timeZone: 'Asia/Jayapura' }),
    ],
  });
}

async function take(w: FakeWorld, priority: PriorityGroup = 'NONE', serviceId = SVC): Promise<Ticket> {
  w.clock.advance(1000);
  const mallId = serviceId.split(':')[0] ?? '';
  return w.queue().takeTicket(kioskOf(mallId), { serviceId, priority, idempotencyKey: null }, w.clock.now());
}

async function service(w: FakeWorld, id: string): Promise<Service> {
  const found = await w.catalogReader.service(id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}

/** Serves the next ticket at a counter for `minutes`. */
async function serve(w: FakeWorld, counterId: string, minutes: number): Promise<Ticket> {
  const t = await w.queue().callNext(ADMIN, counterId, w.clock.now());
  if (!t) throw new Error('nobody waits');
  await w.queue().moveById(ADMIN, t.id, 'START', w.clock.now());
  w.clock.advance(minutes * MINUTE);
  return w.queue().moveById(ADMIN, t.id, 'FINISH', w.clock.now());
}

describe('QueueService.waitInfo', () => {
  it('gives each waiting ticket its place and estimate, falling as tickets are called', async () => {
    const w = world();
    const tickets = [await take(w), await take(w), await take(w)];
    const infos = await Promise.all(tickets.map((t) => w.queue().waitInfo(t)));
    // 10 minutes a ticket, two counters open for the service.
    expect(infos).toEqual([
      { position: 0, estimatedWaitMinutes: 0 },
      { position: 1, estimatedWaitMinutes: 5 },
      { position: 2, estimatedWaitMinutes: 10 },
    ]);
    await w.queue().callNext(ADMIN, counter(1), w.clock.now());
    expect(await w.queue().waitInfo(tickets[2] as Ticket)).toEqual({ position: 1, estimatedWaitMinutes: 5 });
    expect(await w.queue().waitInfo(w.tickets.peek(tickets[0]?.id ?? '') as Ticket)).toBeNull();
  });

  it('puts a priority ticket ahead, within the mall’s streak limit', async () => {
    const w = world();
    await take(w);
    await take(w);
    const elderly = await take(w, 'ELDERLY');
    const pregnant = await take(w, 'PREGNANT');
    const child = await take(w, 'CHILD');
    expect((await w.queue().waitInfo(elderly))?.position).toBe(0);
    expect((await w.queue().waitInfo(pregnant))?.position).toBe(1);
    expect((await w.queue().waitInfo(child))?.position).toBe(3); // after one normal ticket (limit 2)
  });

  it('reads the queue once per ticket and version within a request', async () => {
    const w = world();
    const t = await take(w);
    const queue = w.queue();
    const reads = w.tickets.calls.liveQueue;
    const [a, b] = await Promise.all([queue.waitInfo(t), queue.waitInfo({ ...t })]);
    expect(a).toEqual(b);
    expect(w.tickets.calls.liveQueue).toBe(reads + 1);
    await queue.waitInfo({ ...t, version: 2 });
    expect(w.tickets.calls.liveQueue).toBe(reads + 2);
  });

  it('counts a ticket the live queue does not show yet (index lag) where it belongs', async () => {
    const w = world();
    await take(w);
    await take(w);
    const late = await take(w);
    w.tickets.tickets.delete(late.id); // stored, but not yet in the index the live queue reads
    expect(await w.queue().waitInfo(late)).toEqual({ position: 2, estimatedWaitMinutes: 10 });
  });

  it('divides by the active counters serving the service, and learns the average from three finished tickets', async () => {
    const catalog = fixtureCatalog({ mallId: MALL, counters: 3, services: [{}, {}] });
    const [, second, third] = catalog.counters;
    if (second) second.active = false;
    if (third) third.serviceIds = [QUOTA_SVC];
    const w = world(catalog);
    const waitOfSecond = async () => {
      const first = await take(w);
      const t = await take(w);
      const info = await w.queue().waitInfo(t);
      for (const done of [first, t]) await w.queue().cancel(ADMIN, done.id, null, w.clock.now());
      return info;
    };
    // One counter open for the service: 10 minutes ahead.
    expect(await waitOfSecond()).toEqual({ position: 1, estimatedWaitMinutes: 10 });
    for (const minutes of [4, 6]) {
      await take(w);
      await serve(w, counter(1), minutes);
    }
    // Two samples are not enough to replace the configured 10 minutes; three are: (4 + 6 + 8) / 3 = 6.
    expect((await waitOfSecond())?.estimatedWaitMinutes).toBe(10);
    await take(w);
    await serve(w, counter(1), 8);
    expect((await waitOfSecond())?.estimatedWaitMinutes).toBe(6);
  });
});

describe('QueueService.serviceQueue', () => {
  it('sums up today’s queue of a service: issued, waiting, quota left, estimate and who is served', async () => {
    const w = world();
    const svc = await service(w, QUOTA_SVC);
    const empty = await w.queue().serviceQueue(svc, null, w.clock.now());
    expect(empty).toEqual({
      service: svc,
      date: '2026-12-01',
      issued: 0,
      waiting: 0,
      remainingQuota: 5,
      estimatedWaitMinutes: 0,
      nowServing: [],
    });
    for (let i = 0; i < 4; i++) await take(w, 'NONE', QUOTA_SVC);
    await take(w); // another service's ticket counts for nothing here
    const called = await w.queue().callNext(ADMIN, counter(1), w.clock.now());
    const summary = await w.queue().serviceQueue(svc, null, w.clock.now());
    expect(summary).toMatchObject({ issued: 4, waiting: 3, remainingQuota: 1, estimatedWaitMinutes: 15 });
    expect(summary.nowServing.map((t) => t.id)).toEqual([called?.id]);
    const unlimited = await w.queue().serviceQueue(await service(w, SVC), null, w.clock.now());
    expect(unlimited).toMatchObject({ issued: 1, waiting: 1, remainingQuota: null });
  });

  it('reads another date when asked, and the mall-local today otherwise', async () => {
    const w = world();
    await take(w, 'NONE', QUOTA_SVC);
    const svc = await service(w, QUOTA_SVC);
    expect(await w.queue().serviceQueue(svc, '2026-11-30', w.clock.now())).toMatchObject({
      date: '2026-11-30',
      issued: 0,
      remainingQuota: 5,
    });
    const tomorrow = await w.queue().serviceQueue(svc, null, new Date('2026-12-01T17:00:00Z')); // 00:00 WIB
    expect(tomorrow).toMatchObject({ date: '2026-12-02', issued: 0 });
  });

  it('refuses a service the catalog does not have', async () => {
    const w = world();
    const ghost = { ...(await service(w, SVC)), id: `${MALL}:agency:ghost` };
    await expect(w.queue().serviceQueue(ghost, null, w.clock.now())).rejects.toThrow(
      new NotFoundError('No such service.'),
    );
  });
});

describe('QueueService.currentTicket, board, ticket and today', () => {
  it('tells the ticket a counter holds, until it lets it go', async () => {
    const w = world();
    expect(await w.queue().currentTicket(counter(1))).toBeNull();
    expect(await w.queue().currentTicket('test-mall:agency:no-such-counter')).toBeNull();
    await take(w);
    const called = await w.queue().callNext(ADMIN, counter(1), w.clock.now());
    expect(await w.queue().currentTicket(counter(1))).toEqual(called);
    await w.queue().moveById(ADMIN, called?.id ?? '', 'START', w.clock.now());
    expect((await w.queue().currentTicket(counter(1)))?.status).toBe('SERVING');
    await w.queue().moveById(ADMIN, called?.id ?? '', 'FINISH', w.clock.now());
    expect(await w.queue().currentTicket(counter(1))).toBeNull();
  });

  it('shows today’s calls of the mall newest first, a recall on top, up to the limit', async () => {
    const w = world();
    const mall = (await w.catalogReader.mall(MALL)) ?? expect.fail('no mall');
    const yesterday = await take(w);
    await w.queue().callNext(ADMIN, counter(1), w.clock.now());
    await w.queue().cancel(ADMIN, yesterday.id, null, w.clock.now());
    w.clock.set(new Date('2026-12-02T02:00:00Z'));
    expect(await w.queue().board(mall, 10, w.clock.now())).toEqual([]);

    const [a, b] = [await take(w), await take(w)];
    await take(w); // waiting: not on the board
    await take(w, 'NONE', 'wit-mall:agency:svc1'); // another mall
    await w.queue().callNext(ADMIN, counter(1), w.clock.now());
    w.clock.advance(MINUTE);
    await w.queue().callNext(ADMIN, counter(2), w.clock.now());
    expect((await w.queue().board(mall, 10, w.clock.now())).map((t) => t.id)).toEqual([b.id, a.id]);
    w.clock.advance(MINUTE);
    await w.queue().moveById(ADMIN, a.id, 'RECALL', w.clock.now());
    const board = await w.queue().board(mall, 10, w.clock.now());
    expect(board.map((t) => [t.id, t.recallCount])).toEqual([
      [a.id, 1],
      [b.id, 0],
    ]);
    expect((await w.queue().board(mall, 1, w.clock.now())).map((t) => t.id)).toEqual([a.id]);
  });

  it('refuses a board limit outside 1 to 50', async () => {
    const w = world();
    const mall = (await w.catalogReader.mall(MALL)) ?? expect.fail('no mall');
    for (const limit of [0, 51, 2.5, -1]) {
      await expect(w.queue().board(mall, limit, w.clock.now()), String(limit)).rejects.toThrow(
        new BadInputError('limit must be between 1 and 50.', 'limit'),
      );
    }
    expect(w.tickets.calls.board).toBe(0);
    expect(await w.queue().board(mall, 50, w.clock.now())).toEqual([]);
  });

  it('finds a ticket by id, and nothing for an unknown or implausible id', async () => {
    const w = world();
    const { holderCode: _code, ...t } = await take(w);
    expect(await w.queue().ticket(t.id)).toEqual(t);
    expect(await w.queue().ticket('tnosuchticket')).toBeNull();
    const reads = w.tickets.calls.getTicket;
    expect(await w.queue().ticket('x'.repeat(201))).toBeNull();
    expect(w.tickets.calls.getTicket).toBe(reads);
  });

  it('dates by the mall’s own zone', async () => {
    const w = world();
    const wit = (await w.catalogReader.mall('wit-mall')) ?? expect.fail('no mall');
    const wib = (await w.catalogReader.mall(MALL)) ?? expect.fail('no mall');
    const instant = new Date('2026-12-01T15:30:00Z'); // 22:30 WIB, 00:30 WIT
    expect(w.queue().today(wib, instant)).toBe('2026-12-01');
    expect(w.queue().today(wit, instant)).toBe('2026-12-02');
  });
});
