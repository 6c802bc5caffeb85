import type { Complaint, ComplaintStatus } from './complaint.js';

/** A page of a staff listing. */
export interface ComplaintPage {
  /** Each complaint with its cursor (opaque; made by the repository, which owns the keys). */
  edges: { complaint: Complaint; cursor: string }[];
  /** Opaque; null on the last page. */
  nextCursor: string | null;
}

/** Which complaints a listing reads, newest first. */
export interface ComplaintQuery {
  /** The mall's complaints, or, when `agencyId` is set, those assigned to that agency now. */
  mallId: string;
  agencyId: string | null;
  /** Effective status wanted; RESOLVED past its auto-close instant counts as CLOSED. */
  status: ComplaintStatus | null;
  /** true: only complaints past the deadline of a stage awaiting action; false: only the others. */
  overdue: boolean | null;
  now: Date;
  limit: number;
  cursor: string | null;
}

/** Where complaints are kept (the DynamoDB adapter implements it). */
export interface ComplaintRepository {
  /**
   * Stores a new complaint, findable by its id and by its code key, with its sealed reporter kept
   * apart from anything an index holds; when it names a ticket, the ticket must exist in the same
   * mall; when a key was claimed, the key points at it after. One write.
   * @throws NotFoundError when the named ticket is not in the mall.
   */
  create(complaint: Complaint, idempotencyKey: string | null): Promise<void>;
  /** By its (random) id, for staff. */
  get(id: string): Promise<Complaint | null>;
  /** By the keyed hash of its tracking code, for the reporter: one request. */
  getByCodeKey(codeKey: string): Promise<Complaint | null>;
  /**
   * Writes `after` if the stored complaint is still at `before.version`, in one write with its
   * reporter's data: erased when `after.reporter` is null, its retention instant moved with
   * `after.personalDataExpiresAt`.
   * @throws StaleWriteError otherwise.
   */
  save(before: Complaint, after: Complaint): Promise<void>;
  /**
   * One page, one request. The status filter runs in the query, so a page may
   * hold fewer than `limit` complaints while more follow.
   * @throws BadInputError for a cursor it did not make.
   */
  list(query: ComplaintQuery): Promise<ComplaintPage>;
}
