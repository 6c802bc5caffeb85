import { describe, expect, it } from 'vitest';
import {
  TICKET_STATUSES,
  type Ticket,
  type TicketAction,
  type TicketEvent,
  type TicketStatus,
} from '../../src/domain/queue/ticket.js';
import {
  allowedMoves,
  applyMove,
  type MoveContext,
  TICKET_MOVE_KINDS,
  type TicketMove,
  type TicketMoveKind,
  TRANSITIONS,
} from '../../src/domain/queue/ticket-state.js';
import { BadInputError, InvalidTransitionError } from '../../src/domain/shared/errors.js';

const MALL = 'lampung-tengah';
const POLRES = `${MALL}:polres`;
const SKCK = `${POLRES}:skck`;
const LOKET_1 = `${POLRES}:loket-1`;
const LOKET_2 = `${POLRES}:loket-2`;
const DUKCAPIL = `${MALL}:disdukcapil`;
const KTP = `${DUKCAPIL}:ktp-el`;

const TODAY = '2026-12-01';
const NOW = new Date('2026-12-01T03:30:00.000Z'); // 10:30 WIB
const NOW_ISO = NOW.toISOString();
const CTX: MoveContext = { now: NOW, today: TODAY, minRecallsBeforeNoShow: 1 };

const ISSUED_AT = '2026-12-01T01:00:00.000Z';
const CALLED_AT = '2026-12-01T02:00:00.000Z';
const RECALLED_AT = '2026-12-01T02:05:00.000Z';
const STARTED_AT = '2026-12-01T02:10:00.000Z';
const FINISHED_AT = '2026-12-01T02:25:00.000Z';

function event(
  at: string,
  status: TicketStatus,
  action: TicketAction,
  counterId: string | null,
): TicketEvent {
  return { at, status, action, counterId };
}

const ISSUED = event(ISSUED_AT, 'WAITING', 'ISSUED', null);
const CALLED = event(CALLED_AT, 'CALLED', 'CALLED', LOKET_1);
const RECALLED = event(RECALLED_AT, 'CALLED', 'RECALLED', LOKET_1);

/**
 * A ticket in `status` as the store would hold it, built by hand (not through
 * applyMove) so the fixtures do not depend on the code under test. A CALLED or
 * NO_SHOW ticket has been recalled once, which satisfies the default guard.
 */
function ticketIn(status: TicketStatus, overrides: Partial<Ticket> = {}): Ticket {
  const base: Ticket = {
    id: '01JDTICKET0000000000000007',
    mallId: MALL,
    agencyId: POLRES,
    serviceId: SKCK,
    date: TODAY,
    sequence: 7,
    number: 'A-007',
    status,
    priority: 'NONE',
    issuedAt: ISSUED_AT,
    queuedAt: ISSUED_AT,
    appointmentId: null,
    holderCodeHash: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    counterId: null,
    recallCount: 0,
    history: [ISSUED],
    version: 1,
  };
  const byStatus: Record<TicketStatus, Partial<Ticket>> = {
    WAITING: {},
    CALLED: {
      calledAt: RECALLED_AT,
      counterId: LOKET_1,
      recallCount: 1,
      history: [ISSUED, CALLED, RECALLED],
      version: 3,
    },
    SERVING: {
      calledAt: CALLED_AT,
      startedAt: STARTED_AT,
      counterId: LOKET_1,
      history: [ISSUED, CALLED, event(STARTED_AT, 'SERVING', 'STARTED', LOKET_1)],
      version: 3,
    },
    DONE: {
      calledAt: CALLED_AT,
      startedAt: STARTED_AT,
      finishedAt: FINISHED_AT,
      counterId: LOKET_1,
      history: [
        ISSUED,
        CALLED,
        event(STARTED_AT, 'SERVING', 'STARTED', LOKET_1),
        event(FINISHED_AT, 'DONE', 'FINISHED', LOKET_1),
      ],
      version: 4,
    },
    NO_SHOW: {
      calledAt: RECALLED_AT,
      counterId: LOKET_1,
      recallCount: 1,
      history: [ISSUED, CALLED, RECALLED, event(FINISHED_AT, 'NO_SHOW', 'NO_SHOW', LOKET_1)],
      version: 4,
    },
    CANCELLED: {
      history: [ISSUED, event(CALLED_AT, 'CANCELLED', 'CANCELLED', null)],
      version: 2,
    },
  };
  return { ...base, ...byStatus[status], ...overrides };
}

const MOVES: Record<TicketMoveKind, TicketMove> = {
  CALL: { kind: 'CALL', counterId: LOKET_2 },
  RECALL: { kind: 'RECALL' },
  START: { kind: 'START' },
  FINISH: { kind: 'FINISH' },
  NO_SHOW: { kind: 'NO_SHOW' },
  CANCEL: { kind: 'CANCEL' },
  REACTIVATE: { kind: 'REACTIVATE' },
  TRANSFER: { kind: 'TRANSFER', toServiceId: KTP, toAgencyId: DUKCAPIL },
};

/** What an allowed move must change on the ticket, and the event it must append. */
interface Expected {
  changes: Partial<Ticket>;
  event: TicketEvent;
}

/** A called or serving ticket transferred to KTP-el: back to WAITING in Disdukcapil's queue. */
const TRANSFERRED_FROM_LOKET_1: Expected = {
  changes: {
    status: 'WAITING',
    serviceId: KTP,
    agencyId: DUKCAPIL,
    counterId: null,
    calledAt: null,
    startedAt: null,
    recallCount: 0,
  },
  event: { ...event(NOW_ISO, 'WAITING', 'TRANSFERRED', LOKET_1), serviceId: KTP },
};

/** The product's rules, spelled out independently of TRANSITIONS: every pair not listed is refused. */
const EXPECTED: Record<TicketStatus, Partial<Record<TicketMoveKind, (before: Ticket) => Expected>>> = {
  WAITING: {
    CALL: () => ({
      changes: { status: 'CALLED', calledAt: NOW_ISO, counterId: LOKET_2 },
      event: event(NOW_ISO, 'CALLED', 'CALLED', LOKET_2),
    }),
    CANCEL: () => ({
      changes: { status: 'CANCELLED' },
      event: event(NOW_ISO, 'CANCELLED', 'CANCELLED', null),
    }),
  },
  CALLED: {
    RECALL: (before) => ({
      changes: { calledAt: NOW_ISO, recallCount: before.recallCount + 1 },
      event: event(NOW_ISO, 'CALLED', 'RECALLED', LOKET_1),
    }),
    START: () => ({
      changes: { status: 'SERVING', startedAt: NOW_ISO },
      event: event(NOW_ISO, 'SERVING', 'STARTED', LOKET_1),
    }),
    NO_SHOW: () => ({ changes: { status: 'NO_SHOW' }, event: event(NOW_ISO, 'NO_SHOW', 'NO_SHOW', LOKET_1) }),
    CANCEL: () => ({
      changes: { status: 'CANCELLED' },
      event: event(NOW_ISO, 'CANCELLED', 'CANCELLED', LOKET_1),
    }),
    TRANSFER: () => TRANSFERRED_FROM_LOKET_1,
  },
  SERVING: {
    FINISH: () => ({
      changes: { status: 'DONE', finishedAt: NOW_ISO },
      event: event(NOW_ISO, 'DONE', 'FINISHED', LOKET_1),
    }),
    TRANSFER: () => TRANSFERRED_FROM_LOKET_1,
  },
  DONE: {},
  NO_SHOW: {
    REACTIVATE: () => ({
      changes: { status: 'WAITING', counterId: null, calledAt: null, recallCount: 0 },
      event: event(NOW_ISO, 'WAITING', 'REACTIVATED', LOKET_1),
    }),
  },
  CANCELLED: {},
};

/** Applies the move, asserting along the way that the input ticket is left exactly as it was. */
function applyLeavingInputAlone(ticket: Ticket, move: TicketMove, ctx: MoveContext = CTX): Ticket {
  const copy = structuredClone(ticket);
  try {
    return applyMove(ticket, move, ctx);
  } finally {
    expect(ticket).toEqual(copy);
  }
}

function refusal(ticket: Ticket, move: TicketMove, ctx: MoveContext = CTX): unknown {
  try {
    applyLeavingInputAlone(ticket, move, ctx);
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${move.kind} on a ${ticket.status} ticket to be refused`);
}

describe('applyMove on every status × every move', () => {
  for (const status of TICKET_STATUSES) {
    for (const kind of TICKET_MOVE_KINDS) {
      const expected = EXPECTED[status][kind];
      if (expected) {
        it(`${status} + ${kind} is allowed`, () => {
          const before = ticketIn(status);
          const after = applyLeavingInputAlone(before, MOVES[kind]);
          const { changes, event: appended } = expected(before);
          expect(after).not.toBe(before);
          expect(after.history).not.toBe(before.history);
          // Everything not named in `changes` is carried over untouched.
          expect(after).toEqual({
            ...before,
            ...changes,
            history: [...before.history, appended],
            version: before.version + 1,
          });
        });
      } else {
        it(`${status} + ${kind} is refused with INVALID_TRANSITION`, () => {
          const before = ticketIn(status);
          const error = refusal(before, MOVES[kind]);
          expect(error).toBeInstanceOf(InvalidTransitionError);
          expect((error as InvalidTransitionError).code).toBe('INVALID_TRANSITION');
          expect((error as Error).message).toMatch(
            new RegExp(`^Ticket A-007 is ${status}; it cannot be .+\\.$`),
          );
        });
      }
    }
  }
});

describe('the transition table', () => {
  it('lists exactly the allowed pairs, with the status they lead to', () => {
    for (const status of TICKET_STATUSES) {
      const expectedKinds = TICKET_MOVE_KINDS.filter((kind) => EXPECTED[status][kind] !== undefined);
      expect(allowedMoves(status)).toEqual(expectedKinds);
      for (const kind of expectedKinds) {
        const build = EXPECTED[status][kind];
        expect(TRANSITIONS[status][kind]).toBe(build?.(ticketIn(status)).event.status);
      }
    }
  });

  it('leaves DONE and CANCELLED final', () => {
    expect(allowedMoves('DONE')).toEqual([]);
    expect(allowedMoves('CANCELLED')).toEqual([]);
  });
});

describe('refusal messages', () => {
  it('names the ticket, its status and the move', () => {
    expect(() => applyMove(ticketIn('DONE'), MOVES.CALL, CTX)).toThrow(
      'Ticket A-007 is DONE; it cannot be called.',
    );
    expect(() => applyMove(ticketIn('WAITING'), MOVES.START, CTX)).toThrow(
      'Ticket A-007 is WAITING; it cannot be served.',
    );
    expect(() => applyMove(ticketIn('CANCELLED'), MOVES.REACTIVATE, CTX)).toThrow(
      'Ticket A-007 is CANCELLED; it cannot be reactivated.',
    );
  });
});

describe('NO_SHOW needs the minimum recalls', () => {
  it('refuses a CALLED ticket that was never recalled, saying it must be recalled first', () => {
    const before = ticketIn('CALLED', { recallCount: 0, history: [ISSUED, CALLED], version: 2 });
    const error = refusal(before, MOVES.NO_SHOW);
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect((error as Error).message).toBe(
      'Ticket A-007 must be recalled at least once before it is marked no-show.',
    );
  });

  it('counts against the mall setting', () => {
    const ctx = { ...CTX, minRecallsBeforeNoShow: 2 };
    const once = ticketIn('CALLED', { recallCount: 1 });
    expect(refusal(once, MOVES.NO_SHOW, ctx)).toBeInstanceOf(InvalidTransitionError);
    expect((refusal(once, MOVES.NO_SHOW, ctx) as Error).message).toContain('at least 2 times');
    const twice = ticketIn('CALLED', { recallCount: 2 });
    expect(applyMove(twice, MOVES.NO_SHOW, ctx).status).toBe('NO_SHOW');
  });

  it('allows it at once when the mall asks for no recall', () => {
    const before = ticketIn('CALLED', { recallCount: 0 });
    expect(applyMove(before, MOVES.NO_SHOW, { ...CTX, minRecallsBeforeNoShow: 0 }).status).toBe('NO_SHOW');
  });

  it('is satisfied by recalling', () => {
    const called = ticketIn('CALLED', { recallCount: 0 });
    const recalled = applyMove(called, MOVES.RECALL, CTX);
    expect(recalled.recallCount).toBe(1);
    expect(applyMove(recalled, MOVES.NO_SHOW, CTX).status).toBe('NO_SHOW');
  });
});

describe('REACTIVATE is same day only', () => {
  it("refuses yesterday's no-show", () => {
    const before = ticketIn('NO_SHOW', { date: '2026-11-30' });
    const error = refusal(before, MOVES.REACTIVATE);
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect((error as Error).message).toBe(
      "Ticket A-007 is from 2026-11-30; only today's tickets can be reactivated.",
    );
  });

  it('puts the ticket back in its own queue with its number and issue time', () => {
    const after = applyMove(ticketIn('NO_SHOW'), MOVES.REACTIVATE, CTX);
    expect(after).toMatchObject({
      status: 'WAITING',
      serviceId: SKCK,
      number: 'A-007',
      sequence: 7,
      issuedAt: ISSUED_AT,
      counterId: null,
    });
    // The earlier call is still told by the history.
    expect(after.history.map((e) => e.action)).toEqual([
      'ISSUED',
      'CALLED',
      'RECALLED',
      'NO_SHOW',
      'REACTIVATED',
    ]);
  });
});

describe('TRANSFER', () => {
  it('keeps number, sequence, date and issue time, and records the target service', () => {
    const after = applyMove(ticketIn('SERVING'), MOVES.TRANSFER, CTX);
    expect(after).toMatchObject({
      number: 'A-007',
      sequence: 7,
      date: TODAY,
      issuedAt: ISSUED_AT,
      serviceId: KTP,
      agencyId: DUKCAPIL,
      status: 'WAITING',
    });
    expect(after.history.at(-1)).toEqual({
      at: NOW_ISO,
      status: 'WAITING',
      action: 'TRANSFERRED',
      counterId: LOKET_1,
      serviceId: KTP,
    });
  });

  it('refuses the same service with BAD_USER_INPUT on toServiceId', () => {
    for (const status of ['CALLED', 'SERVING'] as const) {
      const before = ticketIn(status);
      const error = refusal(before, { kind: 'TRANSFER', toServiceId: SKCK, toAgencyId: POLRES });
      expect(error).toBeInstanceOf(BadInputError);
      expect((error as BadInputError).field).toBe('toServiceId');
    }
  });

  it('checks the status before the target', () => {
    const error = refusal(ticketIn('DONE'), { kind: 'TRANSFER', toServiceId: SKCK, toAgencyId: POLRES });
    expect(error).toBeInstanceOf(InvalidTransitionError);
  });

  it('may stay within the agency', () => {
    const other = `${POLRES}:sidik-jari`;
    const after = applyMove(
      ticketIn('CALLED'),
      { kind: 'TRANSFER', toServiceId: other, toAgencyId: POLRES },
      CTX,
    );
    expect(after).toMatchObject({ serviceId: other, agencyId: POLRES, status: 'WAITING' });
  });
});

describe('a whole day of one ticket', () => {
  it('walks the machine, one event and one version per move', () => {
    const at = (minute: number): MoveContext => ({
      ...CTX,
      now: new Date(Date.parse('2026-12-01T02:00:00.000Z') + minute * 60_000),
    });
    const steps: [TicketMove, TicketStatus][] = [
      [{ kind: 'CALL', counterId: LOKET_1 }, 'CALLED'],
      [{ kind: 'RECALL' }, 'CALLED'],
      [{ kind: 'NO_SHOW' }, 'NO_SHOW'],
      [{ kind: 'REACTIVATE' }, 'WAITING'],
      [{ kind: 'CALL', counterId: LOKET_2 }, 'CALLED'],
      [{ kind: 'START' }, 'SERVING'],
      [{ kind: 'TRANSFER', toServiceId: KTP, toAgencyId: DUKCAPIL }, 'WAITING'],
      [{ kind: 'CALL', counterId: `${DUKCAPIL}:loket-1` }, 'CALLED'],
      [{ kind: 'START' }, 'SERVING'],
      [{ kind: 'FINISH' }, 'DONE'],
    ];
    let ticket = ticketIn('WAITING');
    steps.forEach(([move, status], i) => {
      ticket = applyMove(ticket, move, at(i));
      expect(ticket.status).toBe(status);
      expect(ticket.version).toBe(2 + i);
    });
    expect(ticket.history.map((e) => [e.action, e.status, e.counterId])).toEqual([
      ['ISSUED', 'WAITING', null],
      ['CALLED', 'CALLED', LOKET_1],
      ['RECALLED', 'CALLED', LOKET_1],
      ['NO_SHOW', 'NO_SHOW', LOKET_1],
      ['REACTIVATED', 'WAITING', LOKET_1],
      ['CALLED', 'CALLED', LOKET_2],
      ['STARTED', 'SERVING', LOKET_2],
      ['TRANSFERRED', 'WAITING', LOKET_2],
      ['CALLED', 'CALLED', `${DUKCAPIL}:loket-1`],
      ['STARTED', 'SERVING', `${DUKCAPIL}:loket-1`],
      ['FINISHED', 'DONE', `${DUKCAPIL}:loket-1`],
    ]);
    expect(ticket).toMatchObject({
      serviceId: KTP,
      agencyId: DUKCAPIL,
      counterId: `${DUKCAPIL}:loket-1`,
      issuedAt: ISSUED_AT,
      calledAt: '2026-12-01T02:07:00.000Z',
      startedAt: '2026-12-01T02:08:00.000Z',
      finishedAt: '2026-12-01T02:09:00.000Z',
      recallCount: 0,
    });
  });
});
