import type { ComplaintEvent } from '../../domain/complaints/complaint.js';
import type { TicketEvent } from '../../domain/queue/ticket.js';

/** A ticket event with the mall it belongs to, so its instant renders in the mall's zone. */
export interface TicketEventView extends TicketEvent {
  mallId: string;
}

/** A complaint event with the mall it belongs to, so its instant renders in the mall's zone. */
export interface ComplaintEventView extends ComplaintEvent {
  mallId: string;
}
