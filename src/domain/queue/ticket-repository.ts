import type { Ticket } from './ticket.js';

/** The state of a counter for the queue: the ticket it holds and its priority streak. */
export interface CounterState {
  counterId: string;
  /** The CALLED or SERVING ticket at the counter, if any. */
  currentTicketId: string | null;
  /** Priority tickets this counter called in a row; 0 after a normal call. */
  priorityStreak: number;
}

/** Today's figures of one service's queue, kept next to its tickets. */
export interface ServiceDayStats {
  serviceId: string;
  /** Tickets issued (the last sequence handed out). */
  issued: number;
  /** Places of the daily quota taken by walk-ins and bookings together; absent on days before bookings. */
  committed?: number;
  /** Minutes from start to finish of each ticket finished that day. */
  serviceMinutes: number[];
}

/** Everything live in one agency's queue on one date, as one read returns it. */
export interface LiveQueue {
  /** WAITING tickets, any order. */
  waiting: Ticket[];
  /** CALLED and SERVING tickets, any order. */
  active: Ticket[];
  stats: Map<string, ServiceDayStats>;
}

/** What else a ticket move changes, written in the same transaction. */
export interface MoveEffects {
  /** The counter that takes the ticket (CALL): free before, holds it after. */
  takeCounter?: { counterId: string; priorityStreak: number };
  /** The counter that lets the ticket go (finish, no-show, cancel, transfer). */
  releaseCounter?: { counterId: string };
  /** A finished service's duration, for the learned average. */
  finishedMinutes?: number;
}

/** Where tickets are kept (the DynamoDB adapter implements it). */
export interface TicketRepository {
  /**
   * The next number of a service on a date, atomically. A walk-in also takes a place of the day's
   * quota (`committed`, which bookings share); a booking checking in (`heldByBooking`) took its place
   * when it was booked and only takes a number.
   * @throws QuotaExhaustedError when walk-ins and bookings together hold `quota` places.
   */
  nextSequence(
    serviceId: string,
    agencyId: string,
    date: string,
    quota: number | null,
    heldByBooking?: boolean,
  ): Promise<number>;
  /** Stores a new ticket, and points the idempotency key at it when one was claimed. */
  createTicket(ticket: Ticket, idempotencyKey: string | null): Promise<void>;
  getTicket(id: string): Promise<Ticket | null>;
  getTickets(ids: readonly string[]): Promise<Map<string, Ticket>>;
  liveQueue(agencyId: string, date: string): Promise<LiveQueue>;
  getCounterState(counterId: string): Promise<CounterState>;
  getCounterStates(counterIds: readonly string[]): Promise<Map<string, CounterState>>;
  /**
   * Writes `after` if the stored ticket is still at `before.version`, with
   * its effects, all or nothing.
   * @throws StaleWriteError when the ticket or a counter changed since it was read.
   */
  saveMove(before: Ticket, after: Ticket, effects: MoveEffects): Promise<void>;
  /** The tickets of a mall now CALLED or SERVING on a date, latest call first. */
  board(mallId: string, date: string, limit: number): Promise<Ticket[]>;
  /** A service's NO_SHOW tickets of a date, latest marked first. */
  noShows(serviceId: string, date: string, limit: number): Promise<Ticket[]>;
}
