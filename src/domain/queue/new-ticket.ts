/**
 * A new WAITING ticket, as walk-in issue and booking check-in both make it: one shape, so the two kinds
 * of ticket differ only where the rules say (queue key, appointment).
 */
import type { Viewer } from '../access/viewer.js';
import type { Service } from '../catalog/catalog.js';
import type { PriorityGroup, Ticket } from './ticket.js';
import { formatTicketNumber } from './ticket-number.js';

/** What decides a new ticket. */
export interface NewTicketFacts {
  id: string;
  service: Service;
  /** Mall-local date the ticket belongs to. */
  date: string;
  /** The service's daily sequence handed out for it. */
  sequence: number;
  priority: PriorityGroup;
  /** ISO instant of issue. */
  issuedAt: string;
  /** ISO instant that orders it in the queue: the issue time, or the slot start of a booking on time. */
  queuedAt: string;
  appointmentId: string | null;
  holderCodeHash: string;
  /** Who issued it. */
  actor: Viewer;
}

/** A WAITING ticket with its ISSUED event. */
export function newWaitingTicket(facts: NewTicketFacts): Ticket {
  const { service } = facts;
  return {
    id: facts.id,
    mallId: service.mallId,
    agencyId: service.agencyId,
    serviceId: service.id,
    date: facts.date,
    sequence: facts.sequence,
    number: formatTicketNumber(service.ticketPrefix, facts.sequence),
    status: 'WAITING',
    priority: facts.priority,
    issuedAt: facts.issuedAt,
    queuedAt: facts.queuedAt,
    appointmentId: facts.appointmentId,
    holderCodeHash: facts.holderCodeHash,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    counterId: null,
    recallCount: 0,
    history: [
      { at: facts.issuedAt, status: 'WAITING', action: 'ISSUED', counterId: null, actor: facts.actor },
    ],
    version: 1,
  };
}
