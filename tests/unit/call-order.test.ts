import { describe, expect, it } from 'vitest';
import {
  type CallOrderOptions,
  callOrder,
  contendedPick,
  nextStreak,
  nextToCall,
  positionOf,
  type QueuedTicket,
} from '../../src/domain/queue/call-order.js';
import type { PriorityGroup } from '../../src/domain/queue/ticket.js';

/** A ticket issued `minute` minutes after 08:00 WIB. */
function queued(id: string, priority: PriorityGroup, minute: number, sequence?: number): QueuedTicket {
  const issuedAt = new Date(Date.parse('2026-12-01T08:00:00+07:00') + minute * 60_000).toISOString();
  return sequence === undefined ? { id, priority, issuedAt } : { id, priority, issuedAt, sequence };
}

// Five of each, issued alternately: N1 08:00, P1 08:01, N2 08:02, P2 08:03, ...
const N1 = queued('N1', 'NONE', 0);
const P1 = queued('P1', 'ELDERLY', 1);
const N2 = queued('N2', 'NONE', 2);
const P2 = queued('P2', 'DISABILITY', 3);
const N3 = queued('N3', 'NONE', 4);
const P3 = queued('P3', 'PREGNANT', 5);
const N4 = queued('N4', 'NONE', 6);
const P4 = queued('P4', 'CHILD', 7);
const N5 = queued('N5', 'NONE', 8);
const P5 = queued('P5', 'ELDERLY', 9);
const HALL = [N1, P1, N2, P2, N3, P3, N4, P4, N5, P5];

const ids = (tickets: QueuedTicket[]): string[] => tickets.map((t) => t.id);
const kinds = (tickets: QueuedTicket[]): string =>
  tickets.map((t) => (t.priority === 'NONE' ? 'N' : 'P')).join('');

describe('callOrder', () => {
  it('calls 5 priority and 5 normal tickets P P N P P N P N N N with limit 2', () => {
    const order = callOrder(HALL, { priorityStreak: 0, limit: 2 });
    expect(kinds(order)).toBe('PPNPPNPNNN');
    expect(ids(order)).toEqual(['P1', 'P2', 'N1', 'P3', 'P4', 'N2', 'P5', 'N3', 'N4', 'N5']);
  });

  it('does not depend on the order tickets are handed in', () => {
    const expected = ids(callOrder(HALL, { priorityStreak: 0, limit: 2 }));
    expect(ids(callOrder([...HALL].reverse(), { priorityStreak: 0, limit: 2 }))).toEqual(expected);
    const shuffled = [P4, N3, P1, N5, P5, N1, P3, N4, P2, N2];
    expect(ids(callOrder(shuffled, { priorityStreak: 0, limit: 2 }))).toEqual(expected);
  });

  it('defaults the limit to 2', () => {
    expect(kinds(callOrder(HALL, { priorityStreak: 0 }))).toBe('PPNPPNPNNN');
  });

  it('carries the streak over: after 2 priority calls a normal ticket goes first', () => {
    const order = callOrder(HALL, { priorityStreak: 2, limit: 2 });
    expect(ids(order)).toEqual(['N1', 'P1', 'P2', 'N2', 'P3', 'P4', 'N3', 'P5', 'N4', 'N5']);
  });

  it('carries a streak of 1 over: one more priority, then a normal ticket', () => {
    expect(kinds(callOrder(HALL, { priorityStreak: 1, limit: 2 }))).toBe('PNPPNPPNNN');
  });

  it('alternates with limit 1', () => {
    const order = callOrder(HALL, { priorityStreak: 0, limit: 1 });
    expect(ids(order)).toEqual(['P1', 'N1', 'P2', 'N2', 'P3', 'N3', 'P4', 'N4', 'P5', 'N5']);
  });

  it('lets priority go first all the way when the limit exceeds their number', () => {
    expect(kinds(callOrder(HALL, { priorityStreak: 0, limit: 5 }))).toBe('PPPPPNNNNN');
  });

  it('calls priority tickets without limit when no normal ticket waits', () => {
    const onlyPriority = [P3, P1, P5, P2, P4];
    const order = callOrder(onlyPriority, { priorityStreak: 7, limit: 2 });
    expect(ids(order)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
  });

  it('treats every priority group alike: earliest issued first, whatever the group', () => {
    const child = queued('child', 'CHILD', 0);
    const elderly = queued('elderly', 'ELDERLY', 1);
    expect(ids(callOrder([elderly, child], { priorityStreak: 0, limit: 2 }))).toEqual(['child', 'elderly']);
  });

  it('calls normal tickets by issue time when no priority ticket waits', () => {
    const order = callOrder([N4, N2, N5, N1, N3], { priorityStreak: 2, limit: 2 });
    expect(ids(order)).toEqual(['N1', 'N2', 'N3', 'N4', 'N5']);
  });

  it('returns nothing for an empty queue', () => {
    expect(callOrder([], { priorityStreak: 0, limit: 2 })).toEqual([]);
  });

  it('compares issue times as instants, whatever their offset', () => {
    const wib = { id: 'wib', priority: 'NONE', issuedAt: '2026-12-01T08:00:00+07:00' } as const;
    const utc = { id: 'utc', priority: 'NONE', issuedAt: '2026-12-01T00:30:00Z' } as const; // 07:30 WIB
    expect(ids(callOrder([wib, utc], { priorityStreak: 0, limit: 2 }))).toEqual(['utc', 'wib']);
  });

  it('breaks a tie of issue time by sequence, then by id, stably', () => {
    const b2 = queued('b', 'NONE', 0, 2);
    const a3 = queued('a', 'NONE', 0, 3);
    const c = queued('c', 'NONE', 0);
    const d = queued('d', 'NONE', 0);
    const expected = ['b', 'a', 'c', 'd'];
    expect(ids(callOrder([d, c, a3, b2], { priorityStreak: 0, limit: 2 }))).toEqual(expected);
    expect(ids(callOrder([c, b2, d, a3], { priorityStreak: 0, limit: 2 }))).toEqual(expected);
    expect(ids(callOrder([a3, d, b2, c], { priorityStreak: 0, limit: 2 }))).toEqual(expected);
  });

  it('breaks a tie by id when there are no sequences', () => {
    const x = queued('x', 'PREGNANT', 3);
    const y = queued('y', 'ELDERLY', 3);
    expect(ids(callOrder([y, x], { priorityStreak: 0, limit: 2 }))).toEqual(['x', 'y']);
  });

  it('does not reorder its input and returns the same objects', () => {
    const input = [...HALL];
    const order = callOrder(input, { priorityStreak: 0, limit: 2 });
    expect(input).toEqual(HALL);
    expect(order[0]).toBe(P1);
  });

  it('keeps the caller’s own ticket type', () => {
    const rich = [{ ...N1, number: 'A-001' }];
    const [first] = callOrder(rich, { priorityStreak: 0, limit: 2 });
    expect(first?.number).toBe('A-001');
  });

  it('never calls more than the limit of priority tickets in a row while normal ones wait', () => {
    // A deterministic mixed hall of 60 tickets, checked against the rule itself.
    const hall: QueuedTicket[] = [];
    let seed = 20261201;
    for (let i = 0; i < 60; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const priority: PriorityGroup = seed % 3 === 0 ? 'NONE' : 'ELDERLY';
      hall.push(queued(`t${String(i).padStart(2, '0')}`, priority, seed % 45));
    }
    for (const limit of [1, 2, 3]) {
      for (let start = 0; start <= limit; start++) {
        const order = callOrder(hall, { priorityStreak: start, limit });
        expect(new Set(ids(order))).toEqual(new Set(ids(hall)));
        let streak = start;
        order.forEach((t, i) => {
          const normalsLeft = order.slice(i).some((u) => u.priority === 'NONE');
          const prioritiesLeft = order.slice(i).some((u) => u.priority !== 'NONE');
          if (t.priority === 'NONE') {
            // A normal ticket goes only when the streak is used up or no priority ticket waits.
            expect(streak >= limit || !prioritiesLeft).toBe(true);
            streak = 0;
          } else {
            expect(streak < limit || !normalsLeft).toBe(true);
            streak += 1;
          }
        });
      }
    }
  });

  it('refuses a limit below 1 or a negative streak', () => {
    expect(() => callOrder(HALL, { priorityStreak: 0, limit: 0 })).toThrow(RangeError);
    expect(() => callOrder(HALL, { priorityStreak: -1, limit: 2 })).toThrow(RangeError);
  });
});

describe('nextToCall', () => {
  it('is the head of the call order', () => {
    expect(nextToCall(HALL, { priorityStreak: 0, limit: 2 })).toBe(P1);
    expect(nextToCall(HALL, { priorityStreak: 2, limit: 2 })).toBe(N1);
  });

  it('is null when nobody waits', () => {
    expect(nextToCall([], { priorityStreak: 0, limit: 2 })).toBeNull();
  });

  it('calling one at a time with nextStreak reproduces callOrder', () => {
    const opts: CallOrderOptions = { priorityStreak: 1, limit: 2 };
    let waiting = [...HALL];
    let streak = opts.priorityStreak;
    const called: QueuedTicket[] = [];
    for (
      let next = nextToCall(waiting, opts);
      next;
      next = nextToCall(waiting, { ...opts, priorityStreak: streak })
    ) {
      called.push(next);
      streak = nextStreak(streak, next.priority !== 'NONE');
      waiting = waiting.filter((t) => t !== next);
    }
    expect(ids(called)).toEqual(ids(callOrder(HALL, opts)));
  });
});

describe('nextStreak', () => {
  it('grows on a priority call and resets on a normal one', () => {
    expect(nextStreak(0, true)).toBe(1);
    expect(nextStreak(1, true)).toBe(2);
    expect(nextStreak(2, false)).toBe(0);
    expect(nextStreak(0, false)).toBe(0);
  });
});

describe('positionOf', () => {
  const opts = { priorityStreak: 0, limit: 2 };

  it('counts the tickets ahead in call order', () => {
    expect(positionOf('P1', HALL, opts)).toBe(0);
    expect(positionOf('P2', HALL, opts)).toBe(1);
    expect(positionOf('N1', HALL, opts)).toBe(2);
    expect(positionOf('P5', HALL, opts)).toBe(6);
    expect(positionOf('N5', HALL, opts)).toBe(9);
  });

  it('follows the streak', () => {
    expect(positionOf('N1', HALL, { priorityStreak: 2, limit: 2 })).toBe(0);
    expect(positionOf('P1', HALL, { priorityStreak: 2, limit: 2 })).toBe(1);
  });

  it('is null for a ticket that is not waiting', () => {
    expect(positionOf('nobody', HALL, opts)).toBeNull();
    expect(positionOf('P1', [], opts)).toBeNull();
  });
});

describe('contendedPick', () => {
  // PPNPPNPNNN with limit 2: P1 P2 N1 P3 P4 N2 P5 N3 N4 N5.
  const order = callOrder(HALL, { priorityStreak: 0, limit: 2 });
  const picks = (from: readonly QueuedTicket[], spread: number, draws: number[]) =>
    draws.map((d) => from[contendedPick(from, spread, () => d)]?.id);

  it('draws among the first tickets of the head kind, as many as the spread', () => {
    expect(picks(order, 3, [0, 0.34, 0.67, 0.999])).toEqual(['P1', 'P2', 'P3', 'P3']);
    expect(picks(order, 5, [0, 0.999])).toEqual(['P1', 'P5']);
  });

  it('keeps a normal ticket due after a priority streak a normal one', () => {
    const due = callOrder(HALL, { priorityStreak: 2, limit: 2 });
    expect(due[0]?.id).toBe('N1');
    expect(picks(due, 4, [0, 0.3, 0.6, 0.999])).toEqual(['N1', 'N2', 'N3', 'N4']);
  });

  it('spreads counters over distinct tickets rather than onto one', () => {
    const seen = new Set(Array.from({ length: 200 }, (_, i) => picks(order, 4, [(i % 4) / 4])[0]));
    expect(seen).toEqual(new Set(['P1', 'P2', 'P3', 'P4']));
  });

  it('takes the head when one counter calls, and the whole window when fewer tickets wait', () => {
    expect(picks(order, 1, [0.999])).toEqual(['P1']);
    expect(picks(order, 0, [0.999])).toEqual(['P1']);
    expect(picks([N1, N2], 10, [0, 0.999])).toEqual(['N1', 'N2']);
  });

  it('is -1 when nobody waits', () => {
    expect(contendedPick([], 5, () => 0.5)).toBe(-1);
  });
});
