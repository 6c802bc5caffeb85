import type { Complaint, Reporter } from '../../../src/domain/complaints/complaint.js';
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

/** The complaint item: every fact, the reporter only masked; nothing sealed. */
type ComplaintItem = Omit<Complaint, 'reporter'> & { reporterMasked: Reporter | null };

/** The reporter item: the sealed personal data, in no index, deleted by TTL at the retention instant. */
interface ReporterItem {
  sealed: string;
  /** Epoch seconds of the TTL; absent while the complaint is open. */
  expiresAt?: number;
}

/** The listing's sort key: submission instant, then id (unique). */
function sortKey(c: Pick<Complaint, 'submittedAt' | 'id'>): string {
  return `${c.submittedAt}#${c.id}`;
}

/** Cursors as the store makes them: the sort key and the partition (code key), base64url'd. */
function encodeCursor(c: Pick<Complaint, 'submittedAt' | 'id' | 'codeKey'>): string {
  return Buffer.from(`${sortKey(c)}#${c.codeKey}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z#c[0-9a-f]{32})#[0-9a-f]{64}$/.exec(raw);
  if (!match?.[1]) throw new BadInputError('The cursor is not valid.', 'after');
  return match[1];
}

function itemOf(c: Complaint): ComplaintItem {
  const { reporter, ...facts } = copy(c);
  return { ...facts, reporterMasked: reporter?.masked ?? null };
}

/**
 * The complaint of its items, as the store reads it. `reporter` undefined: not read (listings), so
 * the masked reporter comes without its sealed form; null: read and absent (erased, or gone by TTL).
 */
function complaintOf(item: ComplaintItem, reporter: ReporterItem | null | undefined): Complaint {
  const { reporterMasked, ...facts } = copy(item);
  let stored: Complaint['reporter'] = null;
  if (reporterMasked !== null && reporter === undefined) stored = { masked: reporterMasked, sealed: null };
  else if (reporterMasked !== null && reporter) stored = { masked: reporterMasked, sealed: reporter.sealed };
  return { ...facts, reporter: stored };
}

/**
 * Complaints in memory, kept and refused as the DynamoDB store
 * (src/dynamo/complaints/complaint-store.ts) keeps and refuses them:
 * - a complaint is found by its code key (the keyed hash of its tracking code), and by its id
 *   through a pointer; its sealed reporter is a separate item with a TTL at the retention instant;
 * - `create` is one transaction: it refuses a code key or id that exists, a named ticket that is not
 *   in the complaint's mall (NotFoundError) and, with a key, a key that is not claimed or already
 *   has its result; all or nothing, completing the key in the same write;
 * - `save` writes only if the stored complaint is at `before.version` (else StaleWriteError
 *   UNKNOWN), deleting the reporter item when `after` has none, and moving its TTL with `after`;
 * - `list` reads the mall's listing, or what is assigned to the agency now, newest first; like a
 *   DynamoDB Query with Limit and filters, it evaluates `limit` complaints after the cursor and then
 *   filters them (effective status: RESOLVED past `dueAt` is CLOSED; overdue), so a page may hold
 *   fewer, and a cursor comes back whenever `limit` were evaluated, even if none follow. Listed
 *   complaints carry their reporter masked only, never sealed.
 * TTL is lazy, as on AWS: `sweepExpired` deletes the reporter items whose instant has passed.
 */
export class InMemoryComplaintRepository implements ComplaintRepository {
  /** Complaint items by code key. */
  readonly complaints = new Map<string, ComplaintItem>();
  /** Reporter items by code key. */
  readonly reporters = new Map<string, ReporterItem>();
  /** Id pointers: id to code key. */
  readonly ids = new Map<string, string>();
  readonly calls: Record<keyof ComplaintRepository, number> = {
    create: 0,
    get: 0,
    getByCodeKey: 0,
    save: 0,
    list: 0,
  };
  /** Runs before `save` checks its condition; may change the store (another writer winning). */
  beforeSave: ((before: Complaint, after: Complaint) => void | Promise<void>) | null = null;

  constructor(
    private readonly idempotency: InMemoryIdempotencyRepository,
    private readonly tickets: InMemoryTicketRepository,
  ) {}

  async create(complaint: Complaint, idempotencyKey: string | null): Promise<void> {
    this.calls.create++;
    await roundTrip();
    const codeTaken = this.complaints.has(complaint.codeKey);
    const idTaken = this.ids.has(complaint.id);
    const ticketOk =
      complaint.ticketId === null || this.tickets.peek(complaint.ticketId)?.mallId === complaint.mallId;
    const keyOk = !idempotencyKey || this.idempotency.completable('submitComplaint', idempotencyKey);
    if (!ticketOk) throw new NotFoundError('No such ticket in this mall.');
    if (codeTaken || idTaken || !keyOk) {
      const fail = (failed: boolean) => (failed ? ('ConditionalCheckFailed' as const) : ('None' as const));
      throw new FakeTransactionCanceled([
        fail(codeTaken),
        fail(idTaken),
        ...(complaint.reporter?.sealed ? [fail(false)] : []),
        ...(complaint.ticketId ? [fail(false)] : []),
        ...(idempotencyKey ? [fail(!keyOk)] : []),
      ]);
    }
    if (idempotencyKey) this.idempotency.complete('submitComplaint', idempotencyKey, complaint.id);
    this.complaints.set(complaint.codeKey, itemOf(complaint));
    this.ids.set(complaint.id, complaint.codeKey);
    if (complaint.reporter?.sealed) this.reporters.set(complaint.codeKey, this.reporterItem(complaint));
  }

  private reporterItem(c: Complaint): ReporterItem {
    if (!c.reporter?.sealed) throw new FakeConditionFailed('no sealed reporter to store');
    return {
      sealed: c.reporter.sealed,
      ...(c.personalDataExpiresAt
        ? { expiresAt: Math.floor(new Date(c.personalDataExpiresAt).getTime() / 1000) }
        : {}),
    };
  }

  async get(id: string): Promise<Complaint | null> {
    this.calls.get++;
    await roundTrip();
    const codeKey = this.ids.get(id);
    return codeKey === undefined ? null : this.read(codeKey);
  }

  async getByCodeKey(codeKey: string): Promise<Complaint | null> {
    this.calls.getByCodeKey++;
    await roundTrip();
    return this.read(codeKey);
  }

  private read(codeKey: string): Complaint | null {
    const item = this.complaints.get(codeKey);
    return item ? complaintOf(item, this.reporters.get(codeKey) ?? null) : null;
  }

  async save(before: Complaint, after: Complaint): Promise<void> {
    this.calls.save++;
    await roundTrip();
    await this.beforeSave?.(before, after);
    const stored = this.complaints.get(after.codeKey);
    if (!stored || stored.version !== before.version) throw new StaleWriteError('UNKNOWN');
    this.complaints.set(after.codeKey, itemOf(after));
    if (before.reporter !== null && after.reporter === null) {
      this.reporters.delete(before.codeKey);
    } else if (after.reporter?.sealed && after.personalDataExpiresAt !== before.personalDataExpiresAt) {
      this.reporters.set(after.codeKey, this.reporterItem(after));
    }
  }

  async list(query: ComplaintQuery): Promise<ComplaintPage> {
    this.calls.list++;
    const start = query.cursor === null ? null : decodeCursor(query.cursor);
    await roundTrip();
    const partition = [...this.complaints.values()]
      .filter((c) => (query.agencyId ? c.assignedAgencyId === query.agencyId : c.mallId === query.mallId))
      .sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : sortKey(a) > sortKey(b) ? -1 : 0));
    const after = start === null ? partition : partition.filter((c) => sortKey(c) < start);
    const evaluated = after.slice(0, query.limit);
    const now = query.now.toISOString();
    const wantedStatus = (c: ComplaintItem): boolean => {
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
    const awaiting = ['RECEIVED', 'VERIFIED', 'ASSIGNED', 'IN_PROGRESS'];
    const overdue = (c: ComplaintItem) => awaiting.includes(c.status) && c.dueAt !== null && c.dueAt < now;
    const wantedOverdue = (c: ComplaintItem) => query.overdue === null || overdue(c) === query.overdue;
    const last = evaluated.length === query.limit ? evaluated[evaluated.length - 1] : undefined;
    return {
      edges: evaluated
        .filter((c) => wantedStatus(c) && wantedOverdue(c))
        .map((item) => {
          const complaint = complaintOf(item, undefined);
          return { complaint, cursor: encodeCursor(complaint) };
        }),
      nextCursor: last ? encodeCursor(last) : null,
    };
  }

  /** What TTL does, late: deletes the reporter items whose retention instant has passed. */
  sweepExpired(now: Date): number {
    let swept = 0;
    for (const [codeKey, item] of this.reporters) {
      if (item.expiresAt !== undefined && item.expiresAt * 1000 < now.getTime()) {
        this.reporters.delete(codeKey);
        swept++;
      }
    }
    return swept;
  }

  /** A stored complaint, with its sealed reporter, without a round trip; by id. For assertions. */
  peek(id: string): Complaint | undefined {
    const codeKey = this.ids.get(id);
    return (codeKey !== undefined && this.read(codeKey)) || undefined;
  }
}
