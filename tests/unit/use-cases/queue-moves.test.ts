/**
 * QueueService.moveById and transfer on the fakes: every kind of move, the
 * state table's refusals, who may move, and two officers moving one ticket at once.
 */
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../../src/domain/access/viewer.js';
import type { MallCatalog } from '../../../src/domain/catalog/catalog.js';
import type { Ticket, TicketStatus } from '../../../src/domain/queue/ticket.js';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  UnauthenticatedError,
} from '../../../src/domain/shared/errors.js';
import { twoAgencyCatalog } from '../../support/fakes/catalogs.js';
import { createFakeWorld, type FakeWorld } from '../../support/fakes/index.js';
import { adminOf, kioskOf, officerOf, PUBLIC_VIEWER } from '../../support/fakes/viewers.js';

const MALL = 'test-mall';
const AGENCY = `${MALL}:agency`;
const SVC = `${AGENCY}:svc1`;
const SVC2 = `${AGENCY}:svc2`;
const OTHER_SVC = `${MALL}:other:svc1`;
const counter = (n: number) => `${AGENCY}:loket-${n}`;
const ADMIN = adminOf(MALL);
const MINUTE = 60_000;

function catalog(): MallCatalog {
  const c = twoAgencyCatalog({ mallId: MALL, counters: 8, services: [{}, {}, { active: false }] });
  return c;
}

function world(c: MallCatalog = catalog()) {
  return createFakeWorld({ catalogs: [c, twoAgencyCatalog({ mallId: 'far-mall' })] });
}

async function take(w: FakeWorld, serviceId = SVC): Promise<Ticket> {
  w.clock.advance(1000);
  return w
    .queue()
    .takeTicket(kioskOf(MALL), { serviceId, priority: 'NONE', idempotencyKey: null }, w.clock.now());
}

type Kind = 'RECALL' | 'START' | 'FINISH' | 'NO_SHOW' | 'REACTIVATE';
const act = (w: FakeWorld, id: string, kind: Kind, viewer: Viewer = ADMIN) =>
  w.queue().moveById(viewer, id, kind, w.clock.now());
const cancel = (w: FakeWorld, id: string, viewer: Viewer = ADMIN, holderCode: string | null = null) =>
  w.queue().cancel(viewer, id, holderCode, w.clock.now());
/** What the store holds of a ticket a use case returned: all but the holder code. */
const stored = (t: Ticket) => ({ ...t, holderCode: undefined });

/** A ticket brought to `status` through the use cases, called (when it was) at `counterId`. */
async function ticketIn(w: FakeWorld, status: TicketStatus, counterId = counter(1)): Promise<Ticket> {
  const t = await take(w);
  if (status === 'WAITING') return t;
  if (status === 'CANCELLED') return cancel(w, t.id);
  const called = await w.queue().callTicket(ADMIN, t.id, counterId, w.clock.now());
  if (status === 'CALLED') return called;
  if (status === 'NO_SHOW') {
    await act(w, t.id, 'RECALL');
    return act(w, t.id, 'NO_SHOW');
  }
  const serving = await act(w, t.id, 'START');
  return status === 'SERVING' ? serving : act(w, t.id, 'FINISH');
}

describe('QueueService.moveById', () => {
  it('recalls, starts and finishes a called ticket, frees its counter and learns the service time', async () => {
    const w = world();
    await take(w);
    const called = await w.queue().callNext(ADMIN, counter(1), w.clock.now());
    const id = called?.id ?? '';
    w.clock.advance(2 * MINUTE);
    const recalled = await act(w, id, 'RECALL');
    expect(recalled).toMatchObject({
      status: 'CALLED',
      recallCount: 1,
      calledAt: w.clock.now().toISOString(),
    });
    const started = await act(w, id, 'START');
    expect(started).toMatchObject({ status: 'SERVING', startedAt: w.clock.now().toISOString() });
    w.clock.advance(12.5 * MINUTE);
    const done = await act(w, id, 'FINISH', officerOf(AGENCY));
    expect(done).toMatchObject({ status: 'DONE', finishedAt: w.clock.now().toISOString(), version: 5 });
    expect(done.history.map((e) => [e.action, e.status, e.counterId])).toEqual([
      ['ISSUED', 'WAITING', null],
      ['CALLED', 'CALLED', counter(1)],
      ['RECALLED', 'CALLED', counter(1)],
      ['STARTED', 'SERVING', counter(1)],
      ['FINISHED', 'DONE', counter(1)],
    ]);
    expect(done.history.at(-1)?.actor).toEqual(officerOf(AGENCY));
    expect((await w.tickets.getCounterState(counter(1))).currentTicketId).toBeNull();
    expect(await w.queue().currentTicket(counter(1))).toBeNull();
    const queue = await w.tickets.liveQueue(AGENCY, '2026-12-01');
    expect(queue.stats.get(SVC)).toMatchObject({ serviceId: SVC, issued: 1, serviceMinutes: [12.5] });
    expect(queue.active).toEqual([]);
  });

  it('marks a no-show only after the recalls the mall asks for, freeing the counter', async () => {
    const c = catalog();
    c.mall.settings.minRecallsBeforeNoShow = 2;
    const w = world(c);
    const t = await ticketIn(w, 'CALLED');
    await expect(act(w, t.id, 'NO_SHOW')).rejects.toThrow(
      new InvalidTransitionError(
        'Ticket A-001 must be recalled at least 2 times before it is marked no-show.',
      ),
    );
    await act(w, t.id, 'RECALL');
    await expect(act(w, t.id, 'NO_SHOW')).rejects.toBeInstanceOf(InvalidTransitionError);
    await act(w, t.id, 'RECALL');
    const gone = await act(w, t.id, 'NO_SHOW');
    expect(gone).toMatchObject({ status: 'NO_SHOW', counterId: counter(1), recallCount: 2 });
    expect((await w.tickets.getCounterState(counter(1))).currentTicketId).toBeNull();
  });

  it('reactivates a no-show of today into the queue afresh, but not one of yesterday', async () => {
    const w = world();
    const t = await ticketIn(w, 'NO_SHOW');
    const back = await act(w, t.id, 'REACTIVATE');
    expect(back).toMatchObject({ status: 'WAITING', counterId: null, calledAt: null, recallCount: 0 });
    expect(back.history.at(-1)).toMatchObject({ action: 'REACTIVATED', counterId: counter(1) });
    expect((await w.queue().callNext(ADMIN, counter(2), w.clock.now()))?.id).toBe(t.id);

    const old = await ticketIn(w, 'NO_SHOW', counter(3));
    w.clock.set(new Date('2026-12-02T02:00:00Z'));
    await expect(act(w, old.id, 'REACTIVATE')).rejects.toThrow(
      new InvalidTransitionError("Ticket A-002 is from 2026-12-01; only today's tickets can be reactivated."),
    );
  });

  it('lets the holder cancel a waiting ticket with its holder code, however typed', async () => {
    const w = world();
    const t = await ticketIn(w, 'WAITING');
    const typed = (t.holderCode ?? '').toLowerCase().replace(/-/g, ' ');
    const cancelled = await cancel(w, t.id, PUBLIC_VIEWER, typed);
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.history.at(-1)).toMatchObject({
      action: 'CANCELLED',
      counterId: null,
      actor: PUBLIC_VIEWER,
    });
  });

  it('refuses the holder a wrong code, no code, or a ticket no longer waiting', async () => {
    const w = world();
    const t = await ticketIn(w, 'WAITING');
    const other = await ticketIn(w, 'WAITING');
    await expect(cancel(w, t.id, PUBLIC_VIEWER, other.holderCode)).rejects.toThrow(
      new ForbiddenError('The holder code does not match this ticket.'),
    );
    await expect(cancel(w, t.id, PUBLIC_VIEWER, null)).rejects.toThrow(
      new UnauthenticatedError('Give the ticket’s holder code (printed on the ticket) to cancel it.'),
    );
    await expect(cancel(w, t.id, PUBLIC_VIEWER, '')).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(cancel(w, t.id, officerOf(`${MALL}:other`), null)).rejects.toThrow(
      new ForbiddenError('You may not cancel this agency’s tickets.'),
    );
    await w.queue().callTicket(ADMIN, t.id, counter(1), w.clock.now());
    await expect(cancel(w, t.id, PUBLIC_VIEWER, t.holderCode)).rejects.toThrow(
      new InvalidTransitionError('A ticket can be cancelled with its holder code only while it is waiting.'),
    );
    expect(w.tickets.peek(t.id)?.status).toBe('CALLED');
    await expect(cancel(w, 'tnosuch', PUBLIC_VIEWER, t.holderCode)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets staff of the agency cancel without the code, a called ticket too, freeing the counter', async () => {
    const w = world();
    const called = await ticketIn(w, 'CALLED', counter(2));
    const cancelled = await cancel(w, called.id, officerOf(AGENCY));
    expect(cancelled.history.at(-1)).toMatchObject({ action: 'CANCELLED', counterId: counter(2) });
    expect((await w.tickets.getCounterState(counter(2))).currentTicketId).toBeNull();
  });

  it('lets only staff of the ticket’s agency make the other moves', async () => {
    const w = world();
    const t = await ticketIn(w, 'CALLED');
    await expect(act(w, t.id, 'START', PUBLIC_VIEWER)).rejects.toBeInstanceOf(UnauthenticatedError);
    for (const viewer of [officerOf(`${MALL}:other`), adminOf('far-mall')]) {
      await expect(act(w, t.id, 'START', viewer)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(cancel(w, t.id, viewer)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(w.tickets.peek(t.id)).toEqual(stored(t));
  });

  it('refuses every move the state table does not allow, and writes nothing', async () => {
    const allowed: Record<TicketStatus, string[]> = {
      WAITING: ['CALL', 'CANCEL'],
      CALLED: ['RECALL', 'START', 'NO_SHOW', 'CANCEL', 'TRANSFER'],
      SERVING: ['FINISH', 'TRANSFER'],
      DONE: [],
      NO_SHOW: ['REACTIVATE'],
      CANCELLED: [],
    };
    const kinds = [
      'CALL',
      'RECALL',
      'START',
      'FINISH',
      'NO_SHOW',
      'REACTIVATE',
      'CANCEL',
      'TRANSFER',
    ] as const;
    for (const status of Object.keys(allowed) as TicketStatus[]) {
      const w = world();
      const t = await ticketIn(w, status);
      const writes = w.tickets.writes;
      for (const kind of kinds.filter((k) => !allowed[status].includes(k))) {
        const move =
          kind === 'CALL'
            ? w.queue().callTicket(ADMIN, t.id, counter(8), w.clock.now())
            : kind === 'TRANSFER'
              ? w.queue().transfer(ADMIN, t.id, SVC2, w.clock.now())
              : kind === 'CANCEL'
                ? cancel(w, t.id)
                : act(w, t.id, kind);
        await expect(move, `${kind} on ${status}`).rejects.toBeInstanceOf(InvalidTransitionError);
      }
      expect(w.tickets.writes, status).toBe(writes);
      expect(w.tickets.peek(t.id), status).toEqual(stored(t));
    }
  });

  it('refuses an unknown ticket, and a malformed id without reading', async () => {
    const w = world();
    await expect(act(w, 'tnosuchticket', 'START')).rejects.toThrow(new NotFoundError('No such ticket.'));
    const reads = w.tickets.calls.getTicket;
    await expect(act(w, 'x'.repeat(201), 'START')).rejects.toBeInstanceOf(NotFoundError);
    await expect(cancel(w, '', PUBLIC_VIEWER, 'AAAA-AAAA-AAAA-AAAA')).rejects.toBeInstanceOf(NotFoundError);
    expect(w.tickets.calls.getTicket).toBe(reads);
    expect(await w.queue().ticket('')).toBeNull();
  });

  it('lets only one of two officers move the same ticket at once', async () => {
    const w = world();
    const t = await ticketIn(w, 'CALLED');
    const results = await Promise.allSettled([
      act(w, t.id, 'START'),
      act(w, t.id, 'START', officerOf(AGENCY)),
      cancel(w, t.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected')
        expect([InvalidTransitionError, ConflictError]).toContain(r.reason.constructor);
    }
    expect(w.tickets.peek(t.id)?.history).toHaveLength(3);
  });

  it('says CONFLICT when the move still makes sense after someone else’s, INVALID_TRANSITION when not', async () => {
    const w = world();
    const t = await ticketIn(w, 'CALLED');
    const [a, b] = await Promise.allSettled([act(w, t.id, 'RECALL'), act(w, t.id, 'RECALL')]);
    expect(a.status).toBe('fulfilled');
    expect(b.status === 'rejected' && b.reason).toBeInstanceOf(ConflictError);
    expect(w.tickets.peek(t.id)?.recallCount).toBe(1);

    w.tickets.beforeSaveMove = async (before) => {
      w.tickets.beforeSaveMove = null;
      await act(w, before.id, 'START', officerOf(AGENCY));
    };
    await expect(act(w, t.id, 'NO_SHOW')).rejects.toThrow(
      new InvalidTransitionError('Ticket A-001 is SERVING; it cannot be marked no-show.'),
    );
  });

  it('says CONFLICT when the counter no longer holds the ticket it lets go, writing nothing', async () => {
    const w = world();
    const t = await ticketIn(w, 'SERVING');
    w.tickets.counters.set(counter(1), { currentTicketId: 'tsomeoneelse', priorityStreak: 0 });
    await expect(act(w, t.id, 'FINISH')).rejects.toBeInstanceOf(ConflictError);
    expect(w.tickets.peek(t.id)?.status).toBe('SERVING');
  });
});

describe('QueueService.transfer', () => {
  it('moves a called ticket to another service’s queue with its number and issue time, freeing the counter', async () => {
    const w = world();
    const t = await ticketIn(w, 'CALLED');
    const moved = await w.queue().transfer(officerOf(AGENCY), t.id, SVC2, w.clock.now());
    expect(moved).toMatchObject({
      status: 'WAITING',
      serviceId: SVC2,
      agencyId: AGENCY,
      number: 'A-001',
      sequence: 1,
      issuedAt: t.issuedAt,
      counterId: null,
      calledAt: null,
      recallCount: 0,
    });
    expect(moved.history.at(-1)).toMatchObject({
      action: 'TRANSFERRED',
      counterId: counter(1),
      serviceId: SVC2,
    });
    expect((await w.tickets.getCounterState(counter(1))).currentTicketId).toBeNull();
    expect(await w.queue().waitInfo(moved)).toEqual({ position: 0, estimatedWaitMinutes: 0 });
    const svc2 = await w.catalogReader.service(SVC2);
    if (!svc2) throw new Error('no such service');
    const summary = await w.queue().serviceQueue(svc2, null, w.clock.now());
    expect([summary.waiting, summary.issued]).toEqual([1, 0]);
  });

  it('moves a ticket being served to another agency of the mall, whose counters then call it', async () => {
    const w = world();
    const t = await ticketIn(w, 'SERVING');
    const moved = await w.queue().transfer(ADMIN, t.id, OTHER_SVC, w.clock.now());
    expect(moved).toMatchObject({
      status: 'WAITING',
      agencyId: `${MALL}:other`,
      serviceId: OTHER_SVC,
      startedAt: null,
    });
    expect((await w.queue().callNext(ADMIN, `${MALL}:other:loket-1`, w.clock.now()))?.id).toBe(t.id);
    expect(await w.queue().callNext(ADMIN, counter(2), w.clock.now())).toBeNull();
  });

  it('refuses the ticket’s own service, an unknown, inactive or other mall’s service, and a waiting ticket', async () => {
    const w = world();
    const t = await ticketIn(w, 'CALLED');
    await expect(w.queue().transfer(ADMIN, t.id, SVC, w.clock.now())).rejects.toThrow(
      new BadInputError("Ticket A-001 is already in that service's queue.", 'toServiceId'),
    );
    for (const target of [`${AGENCY}:svc3`, `${AGENCY}:nope`, 'far-mall:agency:svc1', 'nocolon']) {
      await expect(w.queue().transfer(ADMIN, t.id, target, w.clock.now()), target).rejects.toThrow(
        new NotFoundError('No such service in this mall.'),
      );
    }
    const waiting = await ticketIn(w, 'WAITING');
    await expect(w.queue().transfer(ADMIN, waiting.id, SVC2, w.clock.now())).rejects.toThrow(
      new InvalidTransitionError('Ticket A-002 is WAITING; it cannot be transferred.'),
    );
    await expect(w.queue().transfer(ADMIN, 'tnosuch', SVC2, w.clock.now())).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(w.tickets.peek(t.id)).toEqual(stored(t));
  });

  it('lets only staff of the ticket’s agency transfer it', async () => {
    const w = world();
    const t = await ticketIn(w, 'CALLED');
    await expect(w.queue().transfer(PUBLIC_VIEWER, t.id, SVC2, w.clock.now())).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    await expect(
      w.queue().transfer(officerOf(`${MALL}:other`), t.id, OTHER_SVC, w.clock.now()),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
