import type { Ticket } from '../../../src/domain/queue/ticket.js';
import type {
  CounterState,
  LiveQueue,
  MoveEffects,
  ServiceDayStats,
  TicketRepository,
} from '../../../src/domain/queue/ticket-repository.js';
import { QuotaExhaustedError } from '../../../src/domain/shared/errors.js';
import { StaleWriteError } from '../../../src/domain/shared/stale-write-error.js';
import { copy, FakeConditionFailed, FakeTransactionCanceled, roundTrip } from './conditions.js';
import type { InMemoryIdempotencyRepository } from './in-memory-idempotency.js';

/** A service's day: its sequence and finished service times, in the agency's live queue of `agencyId`. */
export interface ServiceDay {
  serviceId: string;
  date: string;
  agencyId: string;
  issued?: number;
  /** Places of the quota taken by walk-ins and bookings together. */
  committed?: number;
  /** Bookings held (the booking fake keeps them on the same item, as the stores do). */
  bookings?: number;
  serviceMinutes?: number[];
}

interface StoredCounter {
  currentTicketId?: string;
  priorityStreak?: number;
}

/** Runs before a move's conditions are checked; may change the store (another counter winning). */
export type BeforeSaveMove = (before: Ticket, after: Ticket, effects: MoveEffects) => void | Promise<void>;

/** What the store keeps of a ticket: never the holder code itself (only its hash is stored). */
function storedForm(ticket: Ticket): Ticket {
  const { holderCode: _never, ...rest } = copy(ticket);
  return rest;
}

/** The instant of the latest event of one of `actions`, from the history; null when none. */
function latestAt(ticket: Ticket, actions: readonly string[]): string | null {
  for (let i = ticket.history.length - 1; i >= 0; i--) {
    const event = ticket.history[i];
    if (event && actions.includes(event.action)) return event.at;
  }
  return null;
}

/** Newest first by a sort key, then at most `limit`: a Query with ScanIndexForward false and Limit. */
function newestFirst(tickets: Ticket[], sortKey: (t: Ticket) => string, limit: number): Ticket[] {
  return tickets
    .map((t) => ({ t, key: sortKey(t) }))
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
    .slice(0, limit)
    .map((e) => copy(e.t));
}

/**
 * Tickets in memory, refusing exactly where the DynamoDB store
 * (src/dynamo/queue/ticket-store.ts) refuses:
 * - `nextSequence` adds 1 to `issued` and, for a walk-in, to `committed`, the places of
 *   the quota walk-ins and bookings share, refused once `committed` reached `quota`
 *   (`attribute_not_exists(committed) OR committed < quota`) with QuotaExhaustedError;
 *   a booking checking in (`heldByBooking`) only takes a number;
 * - `createTicket` refuses an id that exists and, with a key, a key that is not
 *   claimed or already has its result, all or nothing;
 * - `saveMove` writes only if the stored ticket is at `before.version` (else
 *   StaleWriteError TICKET), the released counter holds the ticket and the taken
 *   counter holds none (else COUNTER), checked in the store's transaction order,
 *   all or nothing.
 * Like the store it never keeps a ticket's holder code, only its hash.
 * Every read returns copies; every call yields to other requests first.
 *
 * For contention tests: `beforeSaveMove` runs before the conditions are checked
 * (e.g. another counter calls the ticket there), and `collideNextMoves(n)` makes
 * the next n moves fail as two colliding transactions do (StaleWriteError UNKNOWN), writing nothing.
 */
export class InMemoryTicketRepository implements TicketRepository {
  readonly tickets = new Map<string, Ticket>();
  readonly counters = new Map<string, StoredCounter>();
  readonly serviceDays = new Map<string, ServiceDay>();
  /** Calls per method, for "reads nothing" and "writes nothing" assertions. */
  readonly calls: Record<keyof TicketRepository, number> = {
    nextSequence: 0,
    createTicket: 0,
    getTicket: 0,
    getTickets: 0,
    liveQueue: 0,
    getCounterState: 0,
    getCounterStates: 0,
    saveMove: 0,
    board: 0,
    noShows: 0,
  };
  beforeSaveMove: BeforeSaveMove | null = null;
  private collisions = 0;

  constructor(private readonly idempotency: InMemoryIdempotencyRepository) {}

  /** The key of a service's day in `serviceDays`. */
  dayKey(serviceId: string, date: string): string {
    return `${serviceId}#${date}`;
  }

  async nextSequence(
    serviceId: string,
    agencyId: string,
    date: string,
    quota: number | null,
    heldByBooking = false,
  ): Promise<number> {
    this.calls.nextSequence++;
    await roundTrip();
    const key = this.dayKey(serviceId, date);
    const day = this.serviceDays.get(key);
    const limited = quota !== null && !heldByBooking;
    if (limited && day?.committed !== undefined && !(day.committed < quota)) {
      throw new QuotaExhaustedError('Today’s quota for this service is used up. Please come back tomorrow.');
    }
    const issued = (day?.issued ?? 0) + 1;
    const committed = heldByBooking ? day?.committed : (day?.committed ?? 0) + 1;
    this.serviceDays.set(key, {
      ...day,
      serviceId,
      date,
      agencyId,
      issued,
      ...(committed === undefined ? {} : { committed }),
    });
    return issued;
  }

  async createTicket(ticket: Ticket, idempotencyKey: string | null): Promise<void> {
    this.calls.createTicket++;
    await roundTrip();
    const exists = this.tickets.has(ticket.id);
    if (idempotencyKey === null) {
      if (exists) throw new FakeConditionFailed(`ticket ${ticket.id} exists`);
    } else {
      const completable = this.idempotency.completable('takeTicket', idempotencyKey);
      if (exists || !completable) {
        throw new FakeTransactionCanceled([
          exists ? 'ConditionalCheckFailed' : 'None',
          completable ? 'None' : 'ConditionalCheckFailed',
        ]);
      }
      this.idempotency.complete('takeTicket', idempotencyKey, ticket.id);
    }
    this.tickets.set(ticket.id, storedForm(ticket));
  }

  async getTicket(id: string): Promise<Ticket | null> {
    this.calls.getTicket++;
    await roundTrip();
    const ticket = this.tickets.get(id);
    return ticket ? copy(ticket) : null;
  }

  async getTickets(ids: readonly string[]): Promise<Map<string, Ticket>> {
    this.calls.getTickets++;
    await roundTrip();
    const found = new Map<string, Ticket>();
    for (const id of new Set(ids)) {
      const ticket = this.tickets.get(id);
      if (ticket) found.set(id, copy(ticket));
    }
    return found;
  }

  async liveQueue(agencyId: string, date: string): Promise<LiveQueue> {
    this.calls.liveQueue++;
    await roundTrip();
    const queue: LiveQueue = { waiting: [], active: [], stats: new Map() };
    for (const day of this.serviceDays.values()) {
      if (day.agencyId !== agencyId || day.date !== date) continue;
      const stats: ServiceDayStats = {
        serviceId: day.serviceId,
        issued: day.issued ?? 0,
        ...(day.committed === undefined ? {} : { committed: day.committed }),
        serviceMinutes: [...(day.serviceMinutes ?? [])],
      };
      queue.stats.set(day.serviceId, stats);
    }
    for (const ticket of this.tickets.values()) {
      if (ticket.agencyId !== agencyId || ticket.date !== date) continue;
      if (ticket.status === 'WAITING') queue.waiting.push(copy(ticket));
      else if (ticket.status === 'CALLED' || ticket.status === 'SERVING') queue.active.push(copy(ticket));
    }
    return queue;
  }

  private counterState(counterId: string): CounterState {
    const stored = this.counters.get(counterId);
    return {
      counterId,
      currentTicketId: stored?.currentTicketId ?? null,
      priorityStreak: stored?.priorityStreak ?? 0,
    };
  }

  async getCounterState(counterId: string): Promise<CounterState> {
    this.calls.getCounterState++;
    await roundTrip();
    return this.counterState(counterId);
  }

  async getCounterStates(counterIds: readonly string[]): Promise<Map<string, CounterState>> {
    this.calls.getCounterStates++;
    await roundTrip();
    return new Map([...new Set(counterIds)].map((id) => [id, this.counterState(id)]));
  }

  /** The next `n` moves fail as colliding transactions (both cancelled, nothing written). */
  collideNextMoves(n = 1): void {
    this.collisions += n;
  }

  async saveMove(before: Ticket, after: Ticket, effects: MoveEffects): Promise<void> {
    this.calls.saveMove++;
    await roundTrip();
    await this.beforeSaveMove?.(before, after, effects);
    if (this.collisions > 0) {
      this.collisions--;
      throw new StaleWriteError('UNKNOWN', { cause: new FakeTransactionCanceled(['None', 'None']) });
    }
    if (
      effects.releaseCounter &&
      effects.takeCounter &&
      effects.releaseCounter.counterId === effects.takeCounter.counterId
    ) {
      // DynamoDB refuses two operations on one item in a transaction.
      throw new Error(
        'ValidationException: Transaction request cannot include multiple operations on one item',
      );
    }
    // The store's order: the ticket, the released counter, the taken counter; the first failure names the reason.
    const stored = this.tickets.get(before.id);
    if (!stored || stored.version !== before.version) throw new StaleWriteError('TICKET');
    if (effects.releaseCounter) {
      const counter = this.counters.get(effects.releaseCounter.counterId);
      if (counter?.currentTicketId !== before.id) throw new StaleWriteError('COUNTER');
    }
    if (
      effects.takeCounter &&
      this.counters.get(effects.takeCounter.counterId)?.currentTicketId !== undefined
    ) {
      throw new StaleWriteError('COUNTER');
    }

    this.tickets.set(after.id, storedForm(after));
    if (effects.releaseCounter) {
      const counter = this.counters.get(effects.releaseCounter.counterId);
      if (counter) delete counter.currentTicketId;
    }
    if (effects.takeCounter) {
      this.counters.set(effects.takeCounter.counterId, {
        currentTicketId: after.id,
        priorityStreak: effects.takeCounter.priorityStreak,
      });
    }
    if (effects.finishedMinutes !== undefined) {
      const key = this.dayKey(after.serviceId, after.date);
      const day = this.serviceDays.get(key);
      this.serviceDays.set(key, {
        ...day,
        serviceId: after.serviceId,
        date: after.date,
        agencyId: after.agencyId,
        serviceMinutes: [...(day?.serviceMinutes ?? []), Math.round(effects.finishedMinutes * 100) / 100],
      });
    }
  }

  /** What is at a counter now (CALLED or SERVING), latest call or recall first. */
  async board(mallId: string, date: string, limit: number): Promise<Ticket[]> {
    this.calls.board++;
    await roundTrip();
    const live = [...this.tickets.values()].filter(
      (t) => t.mallId === mallId && t.date === date && (t.status === 'CALLED' || t.status === 'SERVING'),
    );
    return newestFirst(live, (t) => `${latestAt(t, ['CALLED', 'RECALLED']) ?? t.issuedAt}#${t.id}`, limit);
  }

  /** A service's NO_SHOW tickets of a date, latest marked first. */
  async noShows(serviceId: string, date: string, limit: number): Promise<Ticket[]> {
    this.calls.noShows++;
    await roundTrip();
    const gone = [...this.tickets.values()].filter(
      (t) => t.serviceId === serviceId && t.date === date && t.status === 'NO_SHOW',
    );
    return newestFirst(gone, (t) => `${latestAt(t, ['NO_SHOW']) ?? t.issuedAt}#${t.id}`, limit);
  }

  /**
   * Stores a new ticket for another fake's transaction (a booking's check-in), as its conditional put
   * would: false, writing nothing, when the id exists.
   */
  insert(ticket: Ticket): boolean {
    if (this.tickets.has(ticket.id)) return false;
    this.tickets.set(ticket.id, storedForm(ticket));
    return true;
  }

  /** A stored ticket without a round trip, for other fakes and assertions. */
  peek(id: string): Ticket | undefined {
    const ticket = this.tickets.get(id);
    return ticket && copy(ticket);
  }

  /** Total writes so far (sequences, tickets, moves). */
  get writes(): number {
    return this.calls.nextSequence + this.calls.createTicket + this.calls.saveMove;
  }
}
