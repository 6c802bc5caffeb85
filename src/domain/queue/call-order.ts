/**
 * Priority fairness (docs/domain-rules.md, 'Call order and priority'; UU 25/2009 Pasal 29):
 * priority groups are called before others, but never more than the mall's
 * limit in a row while normal tickets wait. Among equals the earliest queued goes first:
 * a walk-in by its issue time, a booking checked in on time by its slot start.
 */
import { isPriority, type PriorityGroup } from './ticket.js';

/** What ordering needs of a waiting ticket; a full `Ticket` fits. */
export interface QueuedTicket {
  id: string;
  priority: PriorityGroup;
  /** ISO instant; compared as an instant, so any offset is fine. */
  issuedAt: string;
  /** Where it stands among equals when not its issue time: a booking's slot start (ISO instant). */
  queuedAt?: string;
  /** The daily sequence; breaks a tie between tickets issued in the same millisecond. */
  sequence?: number;
}

/** The priority tickets called in a row at most while normal tickets wait, unless the mall says otherwise. */
export const DEFAULT_PRIORITY_STREAK_LIMIT = 2;

export interface CallOrderOptions {
  /** Priority tickets called in a row so far (at the counter or queue being ordered); 0 after a normal call. */
  priorityStreak: number;
  /** The mall's limit, a whole number from 1. @default DEFAULT_PRIORITY_STREAK_LIMIT */
  limit?: number;
}

/**
 * Every waiting ticket in the order it would be called, the first being the
 * next. Priority tickets (any group but NONE) go first, but after `limit` of
 * them in a row (counting `priorityStreak` already called) a normal ticket
 * goes, which resets the streak; once no normal ticket waits, priority tickets
 * go on without limit. Within each kind: earliest `queuedAt` (else `issuedAt`), then lowest
 * `sequence` (tickets without one after those with one), then `id`, so the
 * order is total and does not depend on the input order.
 *
 * Returns a new array of the same objects; the input is not reordered.
 * @throws RangeError on a negative or fractional streak or a limit below 1 (a bug, not a caller's input).
 */
export function callOrder<T extends QueuedTicket>(waiting: readonly T[], opts: CallOrderOptions): T[] {
  const limit = opts.limit ?? DEFAULT_PRIORITY_STREAK_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new RangeError(`Priority limit must be 1 or more, got ${limit}`);
  if (!Number.isSafeInteger(opts.priorityStreak) || opts.priorityStreak < 0) {
    throw new RangeError(`Priority streak must be 0 or more, got ${opts.priorityStreak}`);
  }
  const priority = waiting.filter((t) => isPriority(t.priority)).sort(byIssue);
  const normal = waiting.filter((t) => !isPriority(t.priority)).sort(byIssue);

  const order: T[] = [];
  let streak = opts.priorityStreak;
  let p = 0;
  let n = 0;
  while (p < priority.length || n < normal.length) {
    const takePriority = p < priority.length && (n >= normal.length || streak < limit);
    const next = takePriority ? priority[p++] : normal[n++];
    if (next === undefined) break; // unreachable: the loop condition guarantees one remains
    order.push(next);
    streak = nextStreak(streak, takePriority);
  }
  return order;
}

/** The first ticket of `callOrder`, or null when nobody waits. */
export function nextToCall<T extends QueuedTicket>(waiting: readonly T[], opts: CallOrderOptions): T | null {
  return callOrder(waiting, opts)[0] ?? null;
}

/**
 * Which ticket a counter tries next once it has lost one to another counter
 * calling at the same moment: an index into `order` (a `callOrder` result).
 *
 * Without contention the head is always next. With it, every counter that lost
 * the head would chase the same next ticket and most would lose again, so the
 * try is drawn from the first `spread` tickets of the head's kind. The caller
 * makes `spread` no more than the calls it has seen other counters make
 * meanwhile, plus one: the tickets passed over are those that concurrent calls
 * are taking, as if they had come first. Drawing within one kind keeps the
 * priority rule (a normal ticket due after a streak stays a normal one).
 *
 * @param random a draw in [0, 1), as `Math.random`
 * @returns an index into `order`, or -1 when it is empty
 */
export function contendedPick(order: readonly QueuedTicket[], spread: number, random: () => number): number {
  const head = order[0];
  if (head === undefined) return -1;
  const kind = isPriority(head.priority);
  const window: number[] = [];
  for (let i = 0; i < order.length && window.length < Math.max(1, spread); i++) {
    const ticket = order[i];
    if (ticket && isPriority(ticket.priority) === kind) window.push(i);
  }
  return window[Math.min(window.length - 1, Math.floor(random() * window.length))] ?? 0;
}

/** The streak after one more call: one longer after a priority ticket, 0 after a normal one. */
export function nextStreak(streak: number, calledPriority: boolean): number {
  return calledPriority ? streak + 1 : 0;
}

/** Tickets ahead of `ticketId` in `callOrder` (0 = called next), or null when it is not among `waiting`. */
export function positionOf(
  ticketId: string,
  waiting: readonly QueuedTicket[],
  opts: CallOrderOptions,
): number | null {
  const index = callOrder(waiting, opts).findIndex((t) => t.id === ticketId);
  return index < 0 ? null : index;
}

function byIssue(a: QueuedTicket, b: QueuedTicket): number {
  const time = Date.parse(a.queuedAt ?? a.issuedAt) - Date.parse(b.queuedAt ?? b.issuedAt);
  if (time !== 0) return time;
  const sequence = (a.sequence ?? Number.POSITIVE_INFINITY) - (b.sequence ?? Number.POSITIVE_INFINITY);
  if (sequence !== 0 && !Number.isNaN(sequence)) return sequence;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
