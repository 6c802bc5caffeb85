import type { Complaint } from '../../../src/domain/complaints/complaint.js';
import type {
  ComplaintPage,
  ComplaintQuery,
  ComplaintRepository,
} from '../../../src/domain/complaints/complaint-repository.js';
import { BadInputError, NotFoundError } from '../../../src/domain/shared/errors.js';
import { StaleWriteError } from '../../../src/domain/shared/stale-write-error.js';
import { copy, FakeConditionFailed, FakeTransactionCanceled, roundTrip } from './conditions.js';
import type { InMemoryIdempotencyRepository } from './in-memory-idempotency.js';
import type { InMemoryTicketRepository } from './in-memory-tickets.js';

/** The listing's sort key: submission instant, then id (unique). */
function sortKey(c: Pick<Complaint, 'submittedAt' | 'id'>): string {
  return `${c.submittedAt}#${c.id}`;
}

/** Cursors as the store makes them: the sort key of a complaint, base64url'd. */
function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#c[0-9a-f]{32}$/.test(raw)) {
    throw new BadInputError('The cursor is not valid.', 'after');
  }
  return raw;
}

/**
 * Complaints in memory, refusing where the DynamoDB store
 * (src/dynamo/complaints/complaint-store.ts) refuses:
 * - `create` refuses an id that exists, a named ticket that is not in the
 *   complaint's mall (NotFoundError) and, with a key, a key that is not claimed
 *   or already has its result; all or nothing, completing the key in the same write;
 * - `save` writes only if the stored complaint is at `before.version`, else StaleWriteError UNKNOWN;
 * - `list` reads the mall's listing, or the agency's (complaints whose `agencyId`
 *   is that agency), newest first; like a DynamoDB Query with Limit and a filter,
 *   it evaluates `limit` complaints after the cursor and then filters them by
 *   effective status (RESOLVED past `dueAt` is CLOSED), so a page may hold fewer
 *   and a cursor comes back whenever `limit` were evaluated, even if none follow.
 */
export class InMemoryComplaintRepository implements ComplaintRepository {
  readonly complaints = new Map<string, Complaint>();
  readonly calls: Record<keyof ComplaintRepository, number> = { create: 0, get: 0, save: 0, list: 0 };
  /** Runs before `save` checks its condition; may change the store (another writer winning). */
  beforeSave: ((before: Complaint, after: Complaint) => void | Promise<void>) | null = null;

  constructor(
    private readonly idempotency: InMemoryIdempotencyRepository,
    private readonly tickets: InMemoryTicketRepository,
  ) {}

  async create(complaint: Complaint, idempotencyKey: string | null): Promise<void> {
    this.calls.create++;
    await roundTrip();
    const exists = this.complaints.has(complaint.id);
    if (complaint.ticketId === null && !idempotencyKey) {
      if (exists) throw new FakeConditionFailed(`complaint ${complaint.id} exists`);
    } else {
      const ticket = complaint.ticketId === null ? undefined : this.tickets.peek(complaint.ticketId);
      const ticketOk = complaint.ticketId === null || ticket?.mallId === complaint.mallId;
      const keyOk = !idempotencyKey || this.idempotency.completable('submitComplaint', idempotencyKey);
      if (!ticketOk) throw new NotFoundError('No such ticket in this mall.');
      if (exists || !keyOk) {
        throw new FakeTransactionCanceled([
          exists ? 'ConditionalCheckFailed' : 'None',
          ...(complaint.ticketId === null ? [] : ['None' as const]),
          ...(idempotencyKey ? [keyOk ? ('None' as const) : ('ConditionalCheckFailed' as const)] : []),
        ]);
      }
      if (idempotencyKey) this.idempotency.complete('submitComplaint', idempotencyKey, complaint.id);
    }
    this.complaints.set(complaint.id, copy(complaint));
  }

  async get(id: string): Promise<Complaint | null> {
    this.calls.get++;
    await roundTrip();
    const complaint = this.complaints.get(id);
    return complaint ? copy(complaint) : null;
  }

  async save(before: Complaint, after: Complaint): Promise<void> {
    this.calls.save++;
    await roundTrip();
    await this.beforeSave?.(before, after);
    const stored = this.complaints.get(before.id);
    if (!stored || stored.version !== before.version) throw new StaleWriteError('UNKNOWN');
    this.complaints.set(after.id, copy(after));
  }

  async list(query: ComplaintQuery): Promise<ComplaintPage> {
    this.calls.list++;
    const start = query.cursor === null ? null : decodeCursor(query.cursor);
    await roundTrip();
    const partition = [...this.complaints.values()]
      .filter((c) => (query.agencyId ? c.agencyId === query.agencyId : c.mallId === query.mallId))
      .sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : sortKey(a) > sortKey(b) ? -1 : 0));
    const after = start === null ? partition : partition.filter((c) => sortKey(c) < start);
    const evaluated = after.slice(0, query.limit);
    const now = query.now.toISOString();
    const wanted = (c: Complaint): boolean => {
      switch (query.status) {
        case null:
          return true;
        case 'CLOSED':
          return c.status === 'CLOSED' || (c.status === 'RESOLVED' && c.dueAt !== null && c.dueAt < now);
        case 'RESOLVED':
          return c.status === 'RESOLVED' && c.dueAt !== null && c.dueAt >= now;
        default:
          return c.status === query.status;
      }
    };
    const last = evaluated.length === query.limit ? evaluated[evaluated.length - 1] : undefined;
    return {
      edges: evaluated.filter(wanted).map((c) => ({ complaint: copy(c), cursor: encodeCursor(sortKey(c)) })),
      nextCursor: last ? encodeCursor(sortKey(last)) : null,
    };
  }

  /** A stored complaint without a round trip, for assertions. */
  peek(id: string): Complaint | undefined {
    const complaint = this.complaints.get(id);
    return complaint && copy(complaint);
  }
}
