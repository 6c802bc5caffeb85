/**
 * The complaint use cases: submit, track, list, and move a complaint through
 * its stages on the mall's working-day clock (docs/domain-rules.md, 'Complaints'
 * and 'Complaint desk'). Receives its ports.
 */

import {
  assertCanAnswerComplaint,
  assertCanManageComplaints,
  assertCanReturnComplaint,
  assertSignedInToListComplaints,
  authorizeComplaintListing,
} from '../access/access.js';
import type { Role, Viewer } from '../access/viewer.js';
import { isPlausibleId, mallIdOf } from '../catalog/catalog.js';
import type { CatalogLookups, IndexedCatalog } from '../catalog/catalog-reader.js';
import { BadInputError, ConflictError, NotFoundError } from '../shared/errors.js';
import { assertIdempotencyKey, claimOrAwait, type IdempotencyRepository } from '../shared/idempotency.js';
import type { RandomSource } from '../shared/random.js';
import type { KeyedHasher, Secrets } from '../shared/secrets.js';
import { StaleWriteError } from '../shared/stale-write-error.js';
import { cleanText } from '../shared/text.js';
import type { Sleeper } from '../time/clock.js';
import { workingDayDeadline } from '../time/working-days.js';
import {
  applyComplaintMove,
  CITIZEN_ACTOR,
  type Complaint,
  type ComplaintActor,
  type ComplaintMove,
  type ComplaintStatus,
  isOverdue,
  personalDataExpiryOf,
  type Reporter,
  STAGE_WORKING_DAYS,
} from './complaint.js';
import type { ComplaintRepository } from './complaint-repository.js';
import { type ComplaintView, maskedReporter, seesReporterInFull, viewOf } from './complaint-visibility.js';
import { complaintIdFrom, normalizeTrackingCode, trackingCodeFrom } from './tracking-code.js';

/** What a citizen sends: the complaint's own fields as stored, a reporter as typed, and a retry key. */
export interface SubmitComplaintInput
  extends Pick<
    Complaint,
    | 'mallId'
    | 'category'
    | 'agencyId'
    | 'serviceId'
    | 'ticketId'
    | 'subject'
    | 'description'
    | 'anonymous'
    | 'confidential'
  > {
  reporter: { name?: string | null; phone?: string | null; nik?: string | null } | null;
  idempotencyKey: string | null;
}

/** A complaint as shown, with its deadline. */
export interface VisibleComplaint extends ComplaintView {
  dueAt: string | null;
  overdue: boolean;
}

export interface ComplaintListInput {
  mallId: string | null;
  agencyId: string | null;
  status: ComplaintStatus | null;
  /** true: the escalation list (past the deadline of a stage awaiting action); false: the others. */
  overdue?: boolean | null;
  first: number;
  after: string | null;
}

/** A complaint of a listing with its cursor. */
export interface VisibleComplaintEdge {
  node: VisibleComplaint;
  cursor: string;
}

export interface VisibleComplaintPage {
  edges: VisibleComplaintEdge[];
  nextCursor: string | null;
}

/**
 * A staff member saw a reporter unmasked: what the audit log records. It names the reader and the
 * complaint, never the data read.
 */
export interface ReporterRead {
  complaintId: string;
  mallId: string;
  role: Role;
  /** The reader's token subject. */
  subject: string | null;
}

/** Told of every unmasked read of a reporter (the app logs it; the domain does no I/O). */
export type ReporterReadListener = (read: ReporterRead) => void;

/** The largest page of a staff listing. */
export const MAX_PAGE_SIZE = 100;

const PHONE = /^(?:\+62|62|0)[2-9]\d{6,12}$/;
/** An Indonesian phone number without separators, as reporters and bookings give it. */
export const PHONE_PATTERN = PHONE;
const NIK = /^\d{16}$/;

/** Validates and normalizes a reporter; null when nothing was given. */
export function normalizeReporter(input: SubmitComplaintInput['reporter']): Reporter | null {
  if (!input) return null;
  const name = input.name?.trim()
    ? cleanText(input.name, { field: 'input.reporter.name', what: 'The name', min: 2, max: 100 })
    : null;
  let phone: string | null = null;
  if (input.phone?.trim()) {
    phone = input.phone.replace(/[\s\-.()]/g, '');
    if (!PHONE.test(phone)) {
      throw new BadInputError(
        'The phone number must be an Indonesian number, e.g. 0812 3456 7890.',
        'input.reporter.phone',
      );
    }
  }
  let nik: string | null = null;
  if (input.nik?.trim()) {
    nik = input.nik.trim();
    if (!NIK.test(nik)) throw new BadInputError('The NIK must be exactly 16 digits.', 'input.reporter.nik');
  }
  return name === null && phone === null && nik === null ? null : { name, phone, nik };
}

/** Who a caller is for idempotency: the token's subject, or its scope; every anonymous caller is one. */
function callerOf(viewer: Viewer): string {
  return viewer.subject ?? `${viewer.role}:${viewer.mallId ?? ''}:${viewer.agencyId ?? ''}`;
}

/** Who writes the timeline entry of a staff move. */
function staffActor(viewer: Viewer): ComplaintActor {
  return { author: viewer.role === 'OFFICER' ? 'AGENCY' : 'MALL', by: viewer.subject ?? null };
}

/**
 * The tracking code of a keyed submission, derived (not drawn) from the caller, the input and the
 * key under the instance's secret: a replay re-derives it, so no record needs to keep it. Without
 * the secret it is as unguessable as a random one.
 */
function derivedTrackingCode(hasher: KeyedHasher, request: string, key: string): string {
  const hex = hasher.hash('idempotency', `tracking-code\u0000${request}\u0000${key}`);
  const bytes = new Uint8Array(16);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return trackingCodeFrom(bytes);
}

export class ComplaintService {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly catalog: CatalogLookups,
    private readonly random: RandomSource,
    private readonly sleeper: Sleeper,
    private readonly secrets: Secrets,
    private readonly onReporterRead: ReporterReadListener = () => {},
  ) {}

  private async mallCatalog(mallId: string): Promise<IndexedCatalog> {
    const catalog = await this.catalog.mallCatalog(mallId);
    if (!catalog) throw new NotFoundError('No such mall.');
    return catalog;
  }

  private codeKeyOf(normalizedCode: string): string {
    return this.secrets.hasher.hash('tracking-code', normalizedCode);
  }

  /** The deadline of the stage a complaint is in, by the mall's working days. */
  private dueAtOf(catalog: IndexedCatalog, c: Complaint): string | null {
    const days = STAGE_WORKING_DAYS[c.status];
    if (days === undefined) return null;
    const { chain, timeZone } = catalog.mallSchedule();
    return workingDayDeadline(chain, timeZone, new Date(c.stageStartedAt), days).toISOString();
  }

  /**
   * The complaint as of `now`. A RESOLVED complaint whose 10 working days have passed is CLOSED,
   * and a reporter past retention is gone. Both are computed on read rather than by a scheduled
   * job: there is no job to deploy, watch or miss, every reader agrees on the same instant, and
   * the next write persists them (the listing filter applies the same close in its query; the
   * retention's deletion is DynamoDB's TTL, which is lazy, hence the check here).
   */
  private effective(c: Complaint, now: Date): Complaint {
    let current = c;
    if (current.status === 'RESOLVED' && current.dueAt !== null && now.toISOString() > current.dueAt) {
      current = {
        ...applyComplaintMove(current, { kind: 'CLOSE' }, new Date(current.dueAt)),
        dueAt: null,
        version: c.version,
      };
    }
    if (current.personalDataExpiresAt !== null && now.toISOString() >= current.personalDataExpiresAt) {
      current = { ...current, reporter: null };
    }
    return current;
  }

  /**
   * The complaint as `viewer` may see it. `trackingCode` is the code when the caller gave it;
   * `openReporter` says whether a caller allowed to see the reporter in full gets it unmasked
   * here (single complaints) or masked (listings: each unmasked read is one audit line).
   */
  private show(
    c: Complaint,
    viewer: Viewer,
    now: Date,
    trackingCode: string | null,
    openReporter = true,
  ): VisibleComplaint {
    const current = this.effective(c, now);
    let fullReporter: Reporter | null = null;
    if (openReporter && current.reporter?.sealed && seesReporterInFull(viewer, current)) {
      fullReporter = JSON.parse(this.secrets.sealer.open(current.reporter.sealed)) as Reporter;
      this.onReporterRead({
        complaintId: current.id,
        mallId: current.mallId,
        role: viewer.role,
        subject: viewer.subject ?? null,
      });
    }
    return {
      ...viewOf(current, viewer, { trackingCode, fullReporter }),
      dueAt: current.dueAt,
      overdue: isOverdue(current, now),
    };
  }

  /**
   * Submits a complaint. The same idempotency key from the same caller with the same input gives
   * the same complaint; anything else with that key is a CONFLICT that tells nothing of the first.
   * @throws BadInputError, NotFoundError, ConflictError
   */
  async submit(viewer: Viewer, input: SubmitComplaintInput, now: Date): Promise<VisibleComplaint> {
    const key = input.idempotencyKey;
    if (key !== null) assertIdempotencyKey(key, 'input.idempotencyKey');
    const subject = cleanText(input.subject, {
      field: 'input.subject',
      what: 'The subject',
      min: 5,
      max: 150,
    });
    const description = cleanText(input.description, {
      field: 'input.description',
      what: 'The description',
      min: 10,
      max: 5000,
      multiline: true,
    });
    const reporter = normalizeReporter(input.reporter);
    const catalog = await this.mallCatalog(input.mallId);

    let agencyId = input.agencyId;
    if (agencyId !== null && !catalog.agencies.has(agencyId))
      throw new NotFoundError('No such agency in this mall.');
    if (input.serviceId !== null) {
      const service = catalog.services.get(input.serviceId);
      if (!service) throw new NotFoundError('No such service in this mall.');
      if (agencyId !== null && service.agencyId !== agencyId) {
        throw new BadInputError('The service does not belong to the agency named.', 'input.serviceId');
      }
      agencyId = service.agencyId;
    }
    if (input.ticketId !== null && !isPlausibleId(input.ticketId))
      throw new NotFoundError('No such ticket in this mall.');

    const { hasher, sealer } = this.secrets;
    let trackingCode: string;
    if (key === null) {
      trackingCode = trackingCodeFrom(this.random.bytes(9));
    } else {
      // What a replay must repeat: who asks, and the whole input as it will be stored.
      const request = JSON.stringify([
        callerOf(viewer),
        input.mallId,
        input.category,
        input.agencyId,
        input.serviceId,
        input.ticketId,
        subject,
        description,
        input.anonymous,
        input.confidential,
        reporter,
      ]);
      const code = derivedTrackingCode(hasher, request, key);
      trackingCode = code;
      const load = async () => {
        const c = await this.complaints.getByCodeKey(this.codeKeyOf(code));
        return c ? this.show(c, viewer, now, code) : null;
      };
      const existing = await claimOrAwait(
        this.sleeper,
        this.idempotency,
        'submitComplaint',
        key,
        hasher.hash('idempotency', request),
        now,
        load,
        'input.idempotencyKey',
      );
      if (existing) return existing;
    }

    const at = now.toISOString();
    const draft: Complaint = {
      id: complaintIdFrom(this.random.bytes(16)),
      codeKey: this.codeKeyOf(trackingCode),
      mallId: input.mallId,
      category: input.category,
      agencyId,
      serviceId: input.serviceId,
      ticketId: input.ticketId,
      subject,
      description,
      status: 'RECEIVED',
      anonymous: input.anonymous,
      confidential: input.confidential,
      reporter: reporter && {
        masked: maskedReporter(reporter),
        sealed: sealer.seal(JSON.stringify(reporter)),
      },
      reporterErasedAt: null,
      personalDataExpiresAt: null,
      submittedAt: at,
      stageStartedAt: at,
      dueAt: null,
      assignedAgencyId: null,
      timeline: [{ at, status: 'RECEIVED', message: 'Pengaduan diterima.', ...CITIZEN_ACTOR }],
      rating: null,
      version: 1,
    };
    const complaint = { ...draft, dueAt: this.dueAtOf(catalog, draft) };
    try {
      await this.complaints.create(complaint, key);
    } catch (error) {
      if (key !== null) await this.idempotency.release('submitComplaint', key);
      throw error;
    }
    return this.show(complaint, viewer, now, trackingCode);
  }

  /** A complaint by its tracking code; null for an unknown or malformed code. */
  async byTrackingCode(viewer: Viewer, code: string, now: Date): Promise<VisibleComplaint | null> {
    const normalized = normalizeTrackingCode(code);
    if (!normalized) return null;
    const complaint = await this.complaints.getByCodeKey(this.codeKeyOf(normalized));
    return complaint ? this.show(complaint, viewer, now, normalized) : null;
  }

  /**
   * A page of the staff listing, newest first: the mall's for its admins, and only what is
   * assigned to their agency now for officers. Reporters are shown masked here.
   * @throws UnauthenticatedError, ForbiddenError, BadInputError, NotFoundError
   */
  async list(viewer: Viewer, input: ComplaintListInput, now: Date): Promise<VisibleComplaintPage> {
    assertSignedInToListComplaints(viewer);
    if (!Number.isInteger(input.first) || input.first < 1 || input.first > MAX_PAGE_SIZE) {
      throw new BadInputError(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
    }
    const mallId =
      (input.agencyId === null ? null : mallIdOf(input.agencyId)) ?? input.mallId ?? viewer.mallId;
    if (!mallId)
      throw new BadInputError('Name the mall (mallId) or the agency (agencyId) to list.', 'mallId');
    if (input.mallId !== null && mallId !== input.mallId) {
      throw new BadInputError('The agency is not in that mall.', 'agencyId');
    }
    // Who may list comes first; whether the agency exists is only told to those who may.
    const agencyId = authorizeComplaintListing(viewer, mallId, input.agencyId);
    if (input.agencyId !== null && !(await this.catalog.agency(input.agencyId))) {
      throw new NotFoundError('No such agency.');
    }
    await this.mallCatalog(mallId);
    const page = await this.complaints.list({
      mallId,
      agencyId,
      status: input.status,
      overdue: input.overdue ?? null,
      now,
      limit: input.first,
      cursor: input.after,
    });
    return {
      edges: page.edges.map((e) => ({
        node: this.show(e.complaint, viewer, now, null, false),
        cursor: e.cursor,
      })),
      nextCursor: page.nextCursor,
    };
  }

  private async requireById(id: string): Promise<Complaint> {
    const c = isPlausibleId(id) ? await this.complaints.get(id) : null;
    if (!c) throw new NotFoundError('No such complaint.');
    return c;
  }

  private async requireByCode(code: string): Promise<{ complaint: Complaint; code: string }> {
    const normalized = normalizeTrackingCode(code);
    const c = normalized ? await this.complaints.getByCodeKey(this.codeKeyOf(normalized)) : null;
    if (!c || !normalized) throw new NotFoundError('No complaint has this tracking code.');
    return { complaint: c, code: normalized };
  }

  private async move(
    viewer: Viewer,
    stored: Complaint,
    move: ComplaintMove,
    now: Date,
    actor: ComplaintActor,
    trackingCode: string | null,
  ): Promise<VisibleComplaint> {
    const catalog = await this.mallCatalog(stored.mallId);
    const current = this.effective(stored, now);
    const moved = applyComplaintMove(current, move, now, actor);
    const dated: Complaint = { ...moved, version: stored.version + 1, dueAt: this.dueAtOf(catalog, moved) };
    const after: Complaint = {
      ...dated,
      personalDataExpiresAt: dated.reporter === null ? null : personalDataExpiryOf(dated),
    };
    try {
      await this.complaints.save(stored, after);
    } catch (error) {
      if (!(error instanceof StaleWriteError)) throw error;
      const latest = await this.complaints.get(stored.id);
      if (latest) applyComplaintMove(this.effective(latest, now), move, now, actor); // refused now? say so
      throw new ConflictError('The complaint was changed by someone else just now. Try again.', {
        cause: error,
      });
    }
    return this.show(after, viewer, now, trackingCode);
  }

  async verify(viewer: Viewer, id: string, message: string | null, now: Date): Promise<VisibleComplaint> {
    const c = await this.requireById(id);
    assertCanManageComplaints(viewer, c.mallId);
    return this.move(viewer, c, { kind: 'VERIFY', message }, now, staffActor(viewer), null);
  }

  private async agencyOfMall(agencyId: string, mallId: string): Promise<void> {
    const agency = await this.catalog.agency(agencyId);
    if (!agency || agency.mallId !== mallId) throw new NotFoundError('No such agency in this mall.');
  }

  async assign(
    viewer: Viewer,
    id: string,
    agencyId: string,
    message: string | null,
    now: Date,
  ): Promise<VisibleComplaint> {
    const c = await this.requireById(id);
    assertCanManageComplaints(viewer, c.mallId);
    await this.agencyOfMall(agencyId, c.mallId);
    return this.move(viewer, c, { kind: 'ASSIGN', agencyId, message }, now, staffActor(viewer), null);
  }

  /**
   * The mall sends an assigned complaint to another agency of the mall, with a reason; the new
   * agency's 5 working days start now, and the old agency no longer sees it.
   * @throws UnauthenticatedError, ForbiddenError, NotFoundError, InvalidTransitionError, BadInputError, ConflictError
   */
  async reassign(
    viewer: Viewer,
    id: string,
    agencyId: string,
    reason: string,
    now: Date,
  ): Promise<VisibleComplaint> {
    const c = await this.requireById(id);
    assertCanManageComplaints(viewer, c.mallId);
    await this.agencyOfMall(agencyId, c.mallId);
    return this.move(viewer, c, { kind: 'REASSIGN', agencyId, reason }, now, staffActor(viewer), null);
  }

  /**
   * The assigned agency hands a complaint back to the mall (bukan wewenang), with a reason: it is
   * VERIFIED again, the mall's 3 working days start now, and the agency no longer sees it.
   * @throws UnauthenticatedError, ForbiddenError, NotFoundError, InvalidTransitionError, BadInputError, ConflictError
   */
  async returnToMall(viewer: Viewer, id: string, reason: string, now: Date): Promise<VisibleComplaint> {
    const c = await this.requireById(id);
    assertCanReturnComplaint(viewer, c.mallId, c.assignedAgencyId);
    return this.move(viewer, c, { kind: 'RETURN', reason }, now, staffActor(viewer), null);
  }

  /**
   * Erases the reporter's name, phone and NIK (UU PDP), sealed and masked alike; the complaint and
   * its timeline stay, with an entry saying so. Erasing what is already gone changes nothing.
   * @throws UnauthenticatedError, ForbiddenError, NotFoundError, ConflictError
   */
  async eraseReporter(viewer: Viewer, id: string, now: Date): Promise<VisibleComplaint> {
    const c = await this.requireById(id);
    assertCanManageComplaints(viewer, c.mallId);
    if (c.reporter === null) return this.show(c, viewer, now, null);
    return this.move(viewer, c, { kind: 'ERASE' }, now, staffActor(viewer), null);
  }

  async reject(viewer: Viewer, id: string, reason: string, now: Date): Promise<VisibleComplaint> {
    const c = await this.requireById(id);
    assertCanManageComplaints(viewer, c.mallId);
    return this.move(viewer, c, { kind: 'REJECT', reason }, now, staffActor(viewer), null);
  }

  async respond(
    viewer: Viewer,
    id: string,
    status: ComplaintStatus,
    message: string,
    now: Date,
  ): Promise<VisibleComplaint> {
    const c = await this.requireById(id);
    assertCanAnswerComplaint(viewer, c.mallId, c.assignedAgencyId);
    return this.move(viewer, c, { kind: 'RESPOND', status, message }, now, staffActor(viewer), null);
  }

  async reply(viewer: Viewer, trackingCode: string, message: string, now: Date): Promise<VisibleComplaint> {
    const { complaint, code } = await this.requireByCode(trackingCode);
    return this.move(viewer, complaint, { kind: 'REPLY', message }, now, CITIZEN_ACTOR, code);
  }

  async rate(viewer: Viewer, trackingCode: string, rating: number, now: Date): Promise<VisibleComplaint> {
    const { complaint, code } = await this.requireByCode(trackingCode);
    return this.move(viewer, complaint, { kind: 'RATE', rating }, now, CITIZEN_ACTOR, code);
  }
}
