/**
 * The ticket state machine of docs/domain-rules.md, 'Queue tickets'; pure: a move and
 * a ticket in, a new ticket out, or a refusal a front end can show.
 *
 *   WAITING ─CALL→ CALLED ─START→ SERVING ─FINISH→ DONE
 *   CALLED ─RECALL→ CALLED;  CALLED ─NO_SHOW→ NO_SHOW ─REACTIVATE→ WAITING
 *   WAITING | CALLED ─CANCEL→ CANCELLED;  CALLED | SERVING ─TRANSFER→ WAITING
 *
 * Two officers moving the same ticket at once is not decided here: every move
 * bumps `version` and the store writes only if the version it read is still there.
 */

import type { Viewer } from '../access/viewer.js';
import { BadInputError, InvalidTransitionError, UnreachableCaseError } from '../shared/errors.js';
import type { Ticket, TicketAction, TicketEvent, TicketStatus } from './ticket.js';

/** A move an officer (or, for CANCEL, the citizen) asks for. */
export type TicketMove =
  | { kind: 'CALL'; counterId: string }
  | { kind: 'RECALL' }
  | { kind: 'START' }
  | { kind: 'FINISH' }
  | { kind: 'NO_SHOW' }
  | { kind: 'CANCEL' }
  | { kind: 'REACTIVATE' }
  | { kind: 'TRANSFER'; toServiceId: string; toAgencyId: string };

/** Every kind of move, in the order `allowedMoves` lists them. */
export const TICKET_MOVE_KINDS = [
  'CALL',
  'RECALL',
  'START',
  'FINISH',
  'NO_SHOW',
  'CANCEL',
  'REACTIVATE',
  'TRANSFER',
] as const satisfies readonly TicketMove['kind'][];
export type TicketMoveKind = (typeof TICKET_MOVE_KINDS)[number];

/** What a move needs to know about the world besides the ticket. */
export interface MoveContext {
  /** The instant of the move; stamped on the event and the ticket's timestamps. */
  now: Date;
  /** The mall-local date of `now` (`YYYY-MM-DD`); only today's tickets can be reactivated. */
  today: string;
  /** Recalls a CALLED ticket needs before it may be marked NO_SHOW (the mall's setting, default 1). */
  minRecallsBeforeNoShow: number;
  /** Who asks for the move; kept on its event (docs/domain-rules.md, 'Queue tickets': every move says who, when, which counter). */
  actor?: Viewer;
}

/**
 * The status each allowed (status, move) pair leads to; a missing pair is
 * refused. Guards that depend on more than the status (recalls before a
 * no-show, same-day reactivation, transfer to another service) sit on top, in `applyMove`.
 */
export const TRANSITIONS: Readonly<
  Record<TicketStatus, Readonly<Partial<Record<TicketMoveKind, TicketStatus>>>>
> = {
  WAITING: { CALL: 'CALLED', CANCEL: 'CANCELLED' },
  CALLED: {
    RECALL: 'CALLED',
    START: 'SERVING',
    NO_SHOW: 'NO_SHOW',
    CANCEL: 'CANCELLED',
    TRANSFER: 'WAITING',
  },
  SERVING: { FINISH: 'DONE', TRANSFER: 'WAITING' },
  DONE: {},
  NO_SHOW: { REACTIVATE: 'WAITING' },
  CANCELLED: {},
};

/** The action recorded in the history for each kind of move. */
export const MOVE_ACTIONS: Readonly<Record<TicketMoveKind, TicketAction>> = {
  CALL: 'CALLED',
  RECALL: 'RECALLED',
  START: 'STARTED',
  FINISH: 'FINISHED',
  NO_SHOW: 'NO_SHOW',
  CANCEL: 'CANCELLED',
  REACTIVATE: 'REACTIVATED',
  TRANSFER: 'TRANSFERRED',
};

/** Ends "it cannot be …" in the refusal message. */
const MOVE_VERBS: Readonly<Record<TicketMoveKind, string>> = {
  CALL: 'called',
  RECALL: 'recalled',
  START: 'served',
  FINISH: 'finished',
  NO_SHOW: 'marked no-show',
  CANCEL: 'cancelled',
  REACTIVATE: 'reactivated',
  TRANSFER: 'transferred',
};

/**
 * The kinds of move the status allows, in `TICKET_MOVE_KINDS` order. By status
 * only: `applyMove` may still refuse one of them on a guard (e.g. NO_SHOW before the recalls).
 */
export function allowedMoves(status: TicketStatus): TicketMoveKind[] {
  return TICKET_MOVE_KINDS.filter((kind) => TRANSITIONS[status][kind] !== undefined);
}

/**
 * The ticket after `move`: a new object (the input is never mutated) with its
 * status, timestamps, counter and recall count updated, one event appended to
 * `history` and `version` + 1.
 *
 * The event's counter is the calling counter for CALL and otherwise the counter
 * that held the ticket when it moved (null for a WAITING ticket).
 * A ticket that goes back to WAITING (REACTIVATE, TRANSFER) loses its counter,
 * `calledAt` (and `startedAt` on a transfer) and its recall count, so it queues
 * like any waiting ticket and must be recalled afresh before a new no-show; the
 * earlier calls stay in `history`.
 *
 * @throws InvalidTransitionError when the status does not allow the move, a
 *   CALLED ticket has had fewer than `ctx.minRecallsBeforeNoShow` recalls, or a
 *   NO_SHOW ticket is not from `ctx.today`.
 * @throws BadInputError when a transfer names the ticket's own service.
 */
export function applyMove(ticket: Ticket, move: TicketMove, ctx: MoveContext): Ticket {
  const after = transition(ticket, move, ctx);
  if (!ctx.actor) return after;
  const event = after.history[after.history.length - 1];
  return event ? { ...after, history: [...ticket.history, { ...event, actor: ctx.actor }] } : after;
}

function transition(ticket: Ticket, move: TicketMove, ctx: MoveContext): Ticket {
  const to = TRANSITIONS[ticket.status][move.kind];
  if (to === undefined) {
    throw new InvalidTransitionError(
      `Ticket ${ticket.number} is ${ticket.status}; it cannot be ${MOVE_VERBS[move.kind]}.`,
    );
  }
  const at = ctx.now.toISOString();
  const action = MOVE_ACTIONS[move.kind];

  switch (move.kind) {
    case 'CALL':
      return moved(
        ticket,
        to,
        action,
        at,
        { calledAt: at, counterId: move.counterId },
        { counterId: move.counterId },
      );
    case 'RECALL':
      return moved(ticket, to, action, at, { calledAt: at, recallCount: ticket.recallCount + 1 });
    case 'START':
      return moved(ticket, to, action, at, { startedAt: at });
    case 'FINISH':
      return moved(ticket, to, action, at, { finishedAt: at });
    case 'NO_SHOW':
      if (ticket.recallCount < ctx.minRecallsBeforeNoShow) {
        const times = ctx.minRecallsBeforeNoShow === 1 ? 'once' : `${ctx.minRecallsBeforeNoShow} times`;
        throw new InvalidTransitionError(
          `Ticket ${ticket.number} must be recalled at least ${times} before it is marked no-show.`,
        );
      }
      return moved(ticket, to, action, at);
    case 'CANCEL':
      return moved(ticket, to, action, at);
    case 'REACTIVATE':
      if (ticket.date !== ctx.today) {
        throw new InvalidTransitionError(
          `Ticket ${ticket.number} is from ${ticket.date}; only today's tickets can be reactivated.`,
        );
      }
      return moved(ticket, to, action, at, { counterId: null, calledAt: null, recallCount: 0 });
    case 'TRANSFER':
      if (move.toServiceId === ticket.serviceId) {
        throw new BadInputError(`Ticket ${ticket.number} is already in that service's queue.`, 'toServiceId');
      }
      return moved(
        ticket,
        to,
        action,
        at,
        {
          serviceId: move.toServiceId,
          agencyId: move.toAgencyId,
          counterId: null,
          calledAt: null,
          startedAt: null,
          recallCount: 0,
        },
        { serviceId: move.toServiceId },
      );
    default:
      throw new UnreachableCaseError(move);
  }
}

/** The fields a move may change besides status, history and version. */
type TicketChanges = Partial<Omit<Ticket, 'status' | 'history' | 'version'>>;

function moved(
  ticket: Ticket,
  status: TicketStatus,
  action: TicketAction,
  at: string,
  changes: TicketChanges = {},
  event: Partial<Pick<TicketEvent, 'counterId' | 'serviceId'>> = {},
): Ticket {
  const entry: TicketEvent = { at, status, action, counterId: ticket.counterId, ...event };
  return { ...ticket, ...changes, status, history: [...ticket.history, entry], version: ticket.version + 1 };
}
