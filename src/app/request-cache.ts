/**
 * Per-request batching and caching of ticket reads (DataLoader): the counters
 * and tickets that many resolvers of one request ask for are fetched in one
 * batch, and an agency's live queue is read once per request. Every write
 * clears the cache, so a mutation's answer reads what it just wrote.
 */
import DataLoader from 'dataloader';
import type { Ticket } from '../domain/queue/ticket.js';
import type {
  CounterState,
  LiveQueue,
  MoveEffects,
  TicketRepository,
} from '../domain/queue/ticket-repository.js';

/** A TicketRepository that batches and caches the reads of one request. */
export class RequestCachedTickets implements TicketRepository {
  private readonly tickets: DataLoader<string, Ticket | null>;
  private readonly counters: DataLoader<string, CounterState>;
  private readonly queues: DataLoader<string, LiveQueue>;

  constructor(private readonly inner: TicketRepository) {
    this.tickets = new DataLoader(async (ids) => {
      const found = await inner.getTickets(ids);
      return ids.map((id) => found.get(id) ?? null);
    });
    this.counters = new DataLoader(async (ids) => {
      const found = await inner.getCounterStates(ids);
      return ids.map((id) => found.get(id) ?? { counterId: id, currentTicketId: null, priorityStreak: 0 });
    });
    this.queues = new DataLoader(
      async (keys) =>
        Promise.all(
          keys.map((key) => {
            const [agencyId, date] = JSON.parse(key) as [string, string];
            return inner.liveQueue(agencyId, date);
          }),
        ),
      { batch: false },
    );
  }

  private clear(): void {
    this.tickets.clearAll();
    this.counters.clearAll();
    this.queues.clearAll();
  }

  private async writing<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } finally {
      this.clear();
    }
  }

  nextSequence(serviceId: string, agencyId: string, date: string, quota: number | null): Promise<number> {
    return this.writing(this.inner.nextSequence(serviceId, agencyId, date, quota));
  }

  createTicket(ticket: Ticket, idempotencyKey: string | null): Promise<void> {
    return this.writing(this.inner.createTicket(ticket, idempotencyKey));
  }

  saveMove(before: Ticket, after: Ticket, effects: MoveEffects): Promise<void> {
    return this.writing(this.inner.saveMove(before, after, effects));
  }

  getTicket(id: string): Promise<Ticket | null> {
    return this.tickets.load(id);
  }

  async getTickets(ids: readonly string[]): Promise<Map<string, Ticket>> {
    const found = await this.tickets.loadMany(ids);
    const result = new Map<string, Ticket>();
    for (const t of found) if (t && !(t instanceof Error)) result.set(t.id, t);
    return result;
  }

  liveQueue(agencyId: string, date: string): Promise<LiveQueue> {
    return this.queues.load(JSON.stringify([agencyId, date]));
  }

  getCounterState(counterId: string): Promise<CounterState> {
    return this.counters.load(counterId);
  }

  async getCounterStates(counterIds: readonly string[]): Promise<Map<string, CounterState>> {
    const found = await this.counters.loadMany(counterIds);
    const result = new Map<string, CounterState>();
    for (const s of found) if (!(s instanceof Error)) result.set(s.counterId, s);
    return result;
  }

  board(mallId: string, date: string, limit: number): Promise<Ticket[]> {
    return this.inner.board(mallId, date, limit);
  }

  noShows(serviceId: string, date: string, limit: number): Promise<Ticket[]> {
    return this.inner.noShows(serviceId, date, limit);
  }
}
