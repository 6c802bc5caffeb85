/**
 * A queue ticket as a plain domain type: what the state machine moves, what
 * the adapter stores and what resolvers receive as parents. No I/O here.
 */

import type { Viewer } from '../access/viewer.js';

/** The states of a ticket (docs/domain-rules.md, 'Queue tickets'); the same names as the GraphQL enum. */
export const TICKET_STATUSES = ['WAITING', 'CALLED', 'SERVING', 'DONE', 'NO_SHOW', 'CANCELLED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Who is called first (UU 25/2009 Pasal 29); NONE is everybody else. */
export const PRIORITY_GROUPS = ['NONE', 'ELDERLY', 'DISABILITY', 'PREGNANT', 'CHILD'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

/** What happened to a ticket, one per event in its history. */
export const TICKET_ACTIONS = [
  'ISSUED',
  'CALLED',
  'RECALLED',
  'STARTED',
  'FINISHED',
  'NO_SHOW',
  'CANCELLED',
  'REACTIVATED',
  'TRANSFERRED',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** One move of a ticket, kept forever in its history. */
export interface TicketEvent {
  /** ISO 8601 instant of the move. */
  at: string;
  /** The status after the move. */
  status: TicketStatus;
  action: TicketAction;
  /** The counter that held or called the ticket when it moved; null when none did. */
  counterId: string | null;
  /** The service after a transfer; absent on every other action. */
  serviceId?: string;
  /** Who moved it, as their token said (role, mall, agency); PUBLIC for a citizen. */
  actor?: Viewer;
}

/** A queue ticket of one service on one mall-local date. */
export interface Ticket {
  id: string;
  mallId: string;
  agencyId: string;
  serviceId: string;
  /** The mall-local date (`YYYY-MM-DD`) the ticket belongs to; numbering restarts each date. */
  date: string;
  /** The daily sequence of the service the ticket was issued for, from 1; kept across a transfer. */
  sequence: number;
  /** Prefix + zero-padded sequence, e.g. `A-007`. */
  number: string;
  status: TicketStatus;
  priority: PriorityGroup;
  /** ISO instant; kept across a transfer so the ticket keeps its place in time. */
  issuedAt: string;
  /**
   * Where the ticket stands in call order among equals (ISO instant): the issue time of a walk-in, the
   * slot start of a booking checked in on time (docs/domain-rules.md, 'The ticket door').
   */
  queuedAt: string;
  /** The booking the ticket was issued for at check-in; null for a walk-in. */
  appointmentId: string | null;
  /** The keyed hash of the holder code; null for tickets issued before holder codes existed. */
  holderCodeHash: string | null;
  /** The holder code itself: only on the answer of the call that issued the ticket, never stored. */
  holderCode?: string;
  /** ISO instant of the latest call or recall; null while not called. */
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** The counter that called the ticket; null while WAITING. */
  counterId: string | null;
  /** Recalls since the ticket was last called from WAITING. */
  recallCount: number;
  /** Every move, oldest first. */
  history: TicketEvent[];
  /** Bumped on every move, for optimistic concurrency. */
  version: number;
}

/** True for a priority group, i.e. anything but NONE. */
export function isPriority(priority: PriorityGroup): boolean {
  return priority !== 'NONE';
}
