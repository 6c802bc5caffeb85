/**
 * What one ticket contributes to the daily figures of each service it passed through, from the
 * ticket alone (docs/domain-rules.md, 'Figures and IKM'). The rollup keeps one such fact per ticket
 * and service, replaced whole by the fact of a newer version of the ticket, so counting a ticket
 * twice is impossible however often its changes are delivered.
 */
import type { Ticket } from '../queue/ticket.js';

/** How a ticket ended in the service it was last in; null while it is still live there or moved on. */
export type TicketOutcome = 'DONE' | 'NO_SHOW' | 'CANCELLED';

/** One ticket's contribution to one service-day. */
export interface TicketFact {
  ticketId: string;
  serviceId: string;
  agencyId: string;
  /** The ticket's mall-local date. */
  date: string;
  /** The ticket's version this fact was computed from; a fact is never replaced by an older one. */
  version: number;
  /** 1 in the service the ticket was issued for. */
  issued: number;
  /** Transfers out of this service. */
  transferredOut: number;
  outcome: TicketOutcome | null;
  /** From issue (a booking's slot start) to the ticket's first call, never negative; only in the service that made that call. */
  waitMs: number | null;
  /** From the last start to the finish of a DONE ticket; only in the service that finished it. */
  serviceMs: number | null;
}

/** A service a ticket can be in, with its agency. */
export interface ServiceRef {
  serviceId: string;
  agencyId: string;
}

/** Whether the ticket was ever transferred (then its first service is not in the ticket itself). */
export function wasTransferred(ticket: Ticket): boolean {
  return ticket.history.some((e) => e.action === 'TRANSFERRED');
}

/** The ticket-number prefix of the service a ticket was issued for (`A` of `A-007`). */
export function issuePrefixOf(ticket: Ticket): string {
  const dash = ticket.number.lastIndexOf('-');
  return dash > 0 ? ticket.number.slice(0, dash) : ticket.number;
}

/**
 * The facts of a ticket, one per service it was in.
 * @param origin the service it was issued for, when it was transferred (the ticket keeps only its
 *   current service); null when unknown, and then the first service gets no fact.
 * @param agencyOf the agency of a service a transfer named.
 */
export function ticketFacts(
  ticket: Ticket,
  origin: ServiceRef | null,
  agencyOf: (serviceId: string) => string,
): TicketFact[] {
  const first: ServiceRef | null = wasTransferred(ticket)
    ? origin
    : { serviceId: ticket.serviceId, agencyId: ticket.agencyId };
  const facts = new Map<string, TicketFact>();
  const factOf = (ref: ServiceRef): TicketFact => {
    let fact = facts.get(ref.serviceId);
    if (!fact) {
      fact = {
        ticketId: ticket.id,
        serviceId: ref.serviceId,
        agencyId: ref.agencyId,
        date: ticket.date,
        version: ticket.version,
        issued: 0,
        transferredOut: 0,
        outcome: null,
        waitMs: null,
        serviceMs: null,
      };
      facts.set(ref.serviceId, fact);
    }
    return fact;
  };

  // Walk the history in service segments: each transfer closes one and opens the next.
  let current: ServiceRef | null = first;
  if (current) factOf(current).issued = 1;
  let called = false;
  const waitFrom = Date.parse(ticket.appointmentId ? (ticket.queuedAt ?? ticket.issuedAt) : ticket.issuedAt);
  for (const event of ticket.history) {
    if (event.action === 'CALLED' && !called) {
      called = true;
      if (current) factOf(current).waitMs = Math.max(0, Date.parse(event.at) - waitFrom);
    } else if (event.action === 'TRANSFERRED' && event.serviceId) {
      if (current) factOf(current).transferredOut += 1;
      current = { serviceId: event.serviceId, agencyId: agencyOf(event.serviceId) };
    }
  }
  // The segment still open is the ticket's current service: its outcome and service time are there.
  const last = factOf({ serviceId: ticket.serviceId, agencyId: ticket.agencyId });
  if (ticket.status === 'DONE' || ticket.status === 'NO_SHOW' || ticket.status === 'CANCELLED') {
    last.outcome = ticket.status;
  }
  if (ticket.status === 'DONE' && ticket.startedAt && ticket.finishedAt) {
    last.serviceMs = Math.max(0, Date.parse(ticket.finishedAt) - Date.parse(ticket.startedAt));
  }
  return [...facts.values()];
}
