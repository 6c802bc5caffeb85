/**
 * The complaint use cases: submit, track, list, and move a complaint through
 * its stages on the mall's working-day clock. Receives its ports.
 */

import {
  assertCanAnswerComplaint,
  assertCanManageComplaints,
  authorizeComplaintListing,
} from '../access/access.js';
import type { Viewer } from '../access/viewer.js';
import { isPlausibleId, mallIdOf } from '../catalog/catalog.js';
import type { CatalogLookups, IndexedCatalog } from '../catalog/catalog-reader.js';
import { BadInputError, ConflictError, NotFoundError } from '../shared/errors.js';
import { assertIdempotencyKey, claimOrAwait, type IdempotencyRepository } from '../shared/idempotency.js';
import type { RandomSource } from '../shared/random.js';
import { StaleWriteError } from '../shared/stale-write-error.js';
import type { Sleeper } from '../time/clock.js';
import { workingDayDeadline } from '../time/working-days.js';
import {
  applyComplaintMove,
  type Complaint,
  type ComplaintMove,
  type ComplaintStatus,
  isAwaitingAction,
  type Reporter,
  STAGE_WORKING_DAYS,
} from './complaint.js';
import type { ComplaintRepository } from './complaint-repository.js';
import { type ComplaintAccess, type ComplaintView, viewOf } from './complaint-visibility.js';
import { complaintIdOf, normalizeTrackingCode, trackingCodeFrom } from './tracking-code.js';

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

/** The largest page of a staff listing. */
export const MAX_PAGE_SIZE = 100;

const PHONE = /^(?:\+62|62|0)[2-9]\d{6,12}$/;
/** An Indonesian phone number without separators, as reporters and bookings give it. */
export const PHONE_PATTERN = PHONE;
const NIK = /^\d{16}$/;

function trimmed(value: string, field: string, min: number, max: number, what: string): string {
  const t = value.trim();
  if (t.length < min || t.length > max)
    throw new BadInputError(`${what} must be ${min} to ${max} characters.`, field);
  return t;
}

/** Validates and normalizes a reporter; null when nothing was given. */
export function normalizeReporter(input: SubmitComplaintInput['reporter']): Reporter | null {
  if (!input) return null;
  const name = input.name?.trim() ? trimmed(input.name, 'input.reporter.name', 2, 100, 'The name') : null;
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

export class ComplaintService {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly catalog: CatalogLookups,
    private readonly random: RandomSource,
    private readonly sleeper: Sleeper,
  ) {}

  private async mallCatalog(mallId: string): Promise<IndexedCatalog> {
    const catalog = await this.catalog.mallCatalog(mallId);
    if (!catalog) throw new NotFoundError('No such mall.');
    return catalog;
  }

  /** The deadline of the stage a complaint is in, by the mall's working days. */
  private dueAtOf(catalog: IndexedCatalog, c: Complaint): string | null {
    const days = STAGE_WORKING_DAYS[c.status];
    if (days === undefined) return null;
    const { chain, timeZone } = catalog.mallSchedule();
    return workingDayDeadline(chain, timeZone, new Date(c.stageStartedAt), days).toISOString();
  }

  /**
   * A RESOLVED complaint whose 10 working days have passed is CLOSED. This is
   * computed on read rather than by a scheduled job: there is no job to
   * deploy, watch or miss, every reader agrees on the same instant, and the
   * close is persisted by the next write to the complaint (the listing filter
   * applies the same rule in its query).
   */
  private effective(c: Complaint, now: Date): Complaint {
    if (c.status === 'RESOLVED' && c.dueAt !== null && now.toISOString() > c.dueAt) {
      return {
        ...applyComplaintMove(c, { kind: 'CLOSE' }, new Date(c.dueAt)),
        dueAt: null,
        version: c.version,
      };
    }
    return c;
  }

  private show(c: Complaint, viewer: Viewer, access: ComplaintAccess, now: Date): VisibleComplaint {
    const current = this.effective(c, now);
    return {
      ...viewOf(current, viewer, access),
      dueAt: current.dueAt,
      overdue:
        isAwaitingAction(current.status) && current.dueAt !== null && now.toISOString() > current.dueAt,
    };
  }

  /**
   * Submits a complaint; the same idempotency key gives the same complaint.
   * @throws BadInputError, NotFoundError, ConflictError
   */
  async submit(viewer: Viewer, input: SubmitComplaintInput, now: Date): Promise<VisibleComplaint> {
    const key = input.idempotencyKey;
    if (key !== null) assertIdempotencyKey(key, 'input.idempotencyKey');
    const subject = trimmed(input.subject, 'input.subject', 5, 150, 'The subject');
    const description = trimmed(input.description, 'input.description', 10, 5000, 'The description');
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
    if (key !== null) {
      const load = async (id: string) => {
        const c = await this.complaints.get(id);
        return c ? this.show(c, viewer, 'TRACKING_CODE', now) : null;
      };
      const existing = await claimOrAwait(
        this.sleeper,
        this.idempotency,
        'submitComplaint',
        key,
        input.mallId,
        now,
        load,
        'input.idempotencyKey',
      );
      if (existing) return existing;
    }

    const trackingCode = trackingCodeFrom(this.random.bytes(9));
    const at = now.toISOString();
    const draft: Complaint = {
      id: complaintIdOf(trackingCode),
      trackingCode,
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
      reporter,
      submittedAt: at,
      stageStartedAt: at,
      dueAt: null,
      assignedAgencyId: null,
      timeline: [{ at, status: 'RECEIVED', message: 'Pengaduan diterima.' }],
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
    return this.show(complaint, viewer, 'TRACKING_CODE', now);
  }

  /** A complaint by its tracking code, as the public sees it; null for an unknown or malformed code. */
  async byTrackingCode(viewer: Viewer, code: string, now: Date): Promise<VisibleComplaint | null> {
    const normalized = normalizeTrackingCode(code);
    if (!normalized) return null;
    const complaint = await this.complaints.get(complaintIdOf(normalized));
    return complaint ? this.show(complaint, viewer, 'TRACKING_CODE', now) : null;
  }

  /**
   * A page of the staff listing, newest first.
   * @throws BadInputError, NotFoundError
   */
  async list(viewer: Viewer, input: ComplaintListInput, now: Date): Promise<VisibleComplaintPage> {
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
      now,
      limit: input.first,
      cursor: input.after,
    });
    return {
      edges: page.edges.map((e) => ({
        node: this.show(e.complaint, viewer, 'STAFF', now),
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

  private async requireByCode(code: string): Promise<Complaint> {
    const normalized = normalizeTrackingCode(code);
    const c = normalized ? await this.complaints.get(complaintIdOf(normalized)) : null;
    if (!c) throw new NotFoundError('No complaint has this tracking code.');
    return c;
  }

  private async move(
    viewer: Viewer,
    stored: Complaint,
    move: ComplaintMove,
    now: Date,
    access: ComplaintAccess,
  ): Promise<VisibleComplaint> {
    const catalog = await this.mallCatalog(stored.mallId);
    const current = this.effective(stored, now);
    const moved = applyComplaintMove(current, move, now);
    const after: Complaint = { ...moved, version: stored.version + 1, dueAt: this.dueAtOf(catalog, moved) };
    try {
      await this.complaints.save(stored, after);
    } catch (error) {
      if (!(error instanceof StaleWriteError)) throw error;
      const latest = await this.complaints.get(stored.id);
      if (latest) applyComplaintMove(this.effective(latest, now), move, now); // refused now? say so
      throw new ConflictError('The complaint was changed by someone else just now. Try again.', {
        cause: error,
      });
    }
    return this.show(after, viewer, access, now);
  }

  async verify(viewer: Viewer, id: string, message: string | null, now: Date): Promise<VisibleComplaint> {
    const c = await this.requireById(id);
    assertCanManageComplaints(viewer, c.mallId);
    return this.move(viewer, c, { kind: 'VERIFY', message }, now, 'STAFF');
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
    const agency = await this.catalog.agency(agencyId);
    if (!agency || agency.mallId !== c.mallId) throw new NotFoundError('No such agency in this mall.');
    return this.move(viewer, c, { kind: 'ASSIGN', agencyId, message }, now, 'STAFF');
  }

  async reject(viewer: Viewer, id: string, reason: string, now: Date): Promise<VisibleComplaint> {
    const c = await this.requireById(id);
    assertCanManageComplaints(viewer, c.mallId);
    return this.move(viewer, c, { kind: 'REJECT', reason }, now, 'STAFF');
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
    return this.move(viewer, c, { kind: 'RESPOND', status, message }, now, 'STAFF');
  }

  async reply(viewer: Viewer, trackingCode: string, message: string, now: Date): Promise<VisibleComplaint> {
    return this.move(
      viewer,
      await this.requireByCode(trackingCode),
      { kind: 'REPLY', message },
      now,
      'TRACKING_CODE',
    );
  }

  async rate(viewer: Viewer, trackingCode: string, rating: number, now: Date): Promise<VisibleComplaint> {
    return this.move(
      viewer,
      await this.requireByCode(trackingCode),
      { kind: 'RATE', rating },
      now,
      'TRACKING_CODE',
    );
  }
}
