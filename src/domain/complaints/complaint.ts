/**
 * Complaints (pengaduan, aspirasi, permintaan informasi) and their state
 * machine (docs/domain-rules.md, 'Complaints' and 'Complaint desk'), pure.
 *
 *   RECEIVED ─VERIFY→ VERIFIED ─ASSIGN→ ASSIGNED ─RESPOND→ IN_PROGRESS ─RESPOND→ RESOLVED ─(10 working days)→ CLOSED
 *   ASSIGNED ─RESPOND(RESOLVED)→ RESOLVED;  RESOLVED ─REPLY→ IN_PROGRESS
 *   ASSIGNED | IN_PROGRESS ─REASSIGN→ ASSIGNED (another agency);  ASSIGNED | IN_PROGRESS ─RETURN→ VERIFIED
 *   RECEIVED | VERIFIED ─REJECT→ REJECTED;  RESOLVED | CLOSED ─RATE→ (same, rated once);  any ─ERASE→ (same)
 */
import { BadInputError, InvalidTransitionError, UnreachableCaseError } from '../shared/errors.js';
import { cleanText } from '../shared/text.js';

export const COMPLAINT_CATEGORIES = ['COMPLAINT', 'ASPIRATION', 'INFORMATION_REQUEST'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_STATUSES = [
  'RECEIVED',
  'VERIFIED',
  'ASSIGNED',
  'IN_PROGRESS',
  'RESOLVED',
  'CLOSED',
  'REJECTED',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Who wrote a timeline entry: the reporter, the mall's desk, the assigned agency, or Loket itself. */
export const COMPLAINT_AUTHORS = ['CITIZEN', 'MALL', 'AGENCY', 'SYSTEM'] as const;
export type ComplaintAuthor = (typeof COMPLAINT_AUTHORS)[number];

/** Who makes a move: the author of its timeline entry and, for staff, their token subject. */
export interface ComplaintActor {
  author: ComplaintAuthor;
  /** The staff member's subject; null for CITIZEN and SYSTEM. */
  by: string | null;
}

/** Loket itself (the auto-close). */
export const SYSTEM_ACTOR: ComplaintActor = Object.freeze({ author: 'SYSTEM', by: null });
/** The reporter, by tracking code. */
export const CITIZEN_ACTOR: ComplaintActor = Object.freeze({ author: 'CITIZEN', by: null });

/** Personal data of a reporter (UU PDP 27/2022): never logged, masked for most callers. */
export interface Reporter {
  name: string | null;
  phone: string | null;
  /** Nomor Induk Kependudukan, 16 digits. */
  nik: string | null;
}

/**
 * A reporter as kept: the masked forms everyone else sees (initials, the last 4 digits), and the
 * full values sealed (encrypted) with the instance's key, so the table never holds them in clear.
 */
export interface StoredReporter {
  masked: Reporter;
  /** The sealed JSON of the full `Reporter`; null when it was not read (listings never read it). */
  sealed: string | null;
}

/** One step of a complaint's timeline. */
export interface ComplaintEvent {
  at: string;
  status: ComplaintStatus;
  message: string | null;
  author: ComplaintAuthor;
  /** The staff subject who wrote it; null for CITIZEN and SYSTEM entries. */
  by: string | null;
}

export interface Complaint {
  /** Random; tells nothing about the tracking code. */
  id: string;
  /**
   * The keyed hash of the tracking code (HMAC, key outside the table): how a code finds its
   * complaint. The code itself is kept nowhere.
   */
  codeKey: string;
  mallId: string;
  category: ComplaintCategory;
  /** The agency it names, and once assigned, the agency that answers it. */
  agencyId: string | null;
  serviceId: string | null;
  ticketId: string | null;
  subject: string;
  description: string;
  /** As stored; read through `effectiveStatus`, which closes a RESOLVED complaint past its deadline. */
  status: ComplaintStatus;
  anonymous: boolean;
  confidential: boolean;
  /** Null when none was given, once erased, or past retention. */
  reporter: StoredReporter | null;
  /** When the reporter's data was erased on request; null otherwise. */
  reporterErasedAt: string | null;
  /**
   * When the reporter's data is deleted by retention (2 years after the complaint closes or is
   * rejected); null while it is open.
   */
  personalDataExpiresAt: string | null;
  submittedAt: string;
  /** When the current stage began; its deadline counts from this instant's local date. */
  stageStartedAt: string;
  /**
   * Deadline of the current stage, fixed when the stage begins (a later
   * calendar edit does not move a promise already made); null once CLOSED or REJECTED.
   */
  dueAt: string | null;
  /** The agency it is assigned to now; null before assignment and after a return. */
  assignedAgencyId: string | null;
  timeline: ComplaintEvent[];
  rating: number | null;
  /** Bumped on every move, for optimistic concurrency. */
  version: number;
}

/** A move staff or the reporter ask for. */
export type ComplaintMove =
  | { kind: 'VERIFY'; message: string | null }
  | { kind: 'ASSIGN'; agencyId: string; message: string | null }
  | { kind: 'REASSIGN'; agencyId: string; reason: string }
  | { kind: 'RETURN'; reason: string }
  | { kind: 'REJECT'; reason: string }
  | { kind: 'RESPOND'; status: ComplaintStatus; message: string }
  | { kind: 'REPLY'; message: string }
  | { kind: 'RATE'; rating: number }
  | { kind: 'CLOSE' }
  | { kind: 'ERASE' };

/**
 * The transition table: the statuses each move may leave from, and the word its refusal uses.
 * Anything not listed is INVALID_TRANSITION.
 */
export const COMPLAINT_TRANSITIONS: Readonly<
  Record<ComplaintMove['kind'], { from: readonly ComplaintStatus[]; refused: string }>
> = {
  VERIFY: { from: ['RECEIVED'], refused: 'verified' },
  ASSIGN: { from: ['VERIFIED'], refused: 'assigned' },
  REASSIGN: { from: ['ASSIGNED', 'IN_PROGRESS'], refused: 'reassigned' },
  RETURN: { from: ['ASSIGNED', 'IN_PROGRESS'], refused: 'returned to the mall' },
  REJECT: { from: ['RECEIVED', 'VERIFIED'], refused: 'rejected' },
  RESPOND: { from: ['ASSIGNED', 'IN_PROGRESS'], refused: 'answered' },
  REPLY: { from: ['RESOLVED'], refused: 'reopened' },
  RATE: { from: ['RESOLVED', 'CLOSED'], refused: 'rated yet' },
  CLOSE: { from: ['RESOLVED'], refused: 'closed' },
  ERASE: { from: COMPLAINT_STATUSES, refused: 'erased' },
};

/** Working days per stage (docs/domain-rules.md, 'Deadlines and working days'): intake 3, the agency's answer 5, auto-close after resolution 10. */
export const STAGE_WORKING_DAYS: Readonly<Partial<Record<ComplaintStatus, number>>> = {
  RECEIVED: 3,
  VERIFIED: 3,
  ASSIGNED: 5,
  IN_PROGRESS: 5,
  RESOLVED: 10,
};

/** The stages whose deadline, once passed, makes the complaint overdue. */
export function isAwaitingAction(status: ComplaintStatus): boolean {
  return status === 'RECEIVED' || status === 'VERIFIED' || status === 'ASSIGNED' || status === 'IN_PROGRESS';
}

/** Whether a complaint is past the deadline of a stage the mall or the agency must act on. */
export function isOverdue(c: Pick<Complaint, 'status' | 'dueAt'>, now: Date): boolean {
  return isAwaitingAction(c.status) && c.dueAt !== null && now.toISOString() > c.dueAt;
}

/** How long a closed or rejected complaint keeps its reporter's personal data. */
export const RETENTION_YEARS = 2;

/**
 * When the reporter's personal data must be gone (docs/domain-rules.md, 'Complaint desk'): 2 years
 * after the complaint closes (a RESOLVED one closes itself at its `dueAt`) or is rejected; null
 * while it is still being handled.
 */
export function personalDataExpiryOf(c: Pick<Complaint, 'status' | 'dueAt' | 'timeline'>): string | null {
  let closedAt: string | null = null;
  if (c.status === 'RESOLVED') closedAt = c.dueAt;
  else if (c.status === 'CLOSED' || c.status === 'REJECTED')
    closedAt = c.timeline.findLast((e) => e.status === c.status)?.at ?? null;
  if (closedAt === null) return null;
  const expiry = new Date(closedAt);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + RETENTION_YEARS);
  return expiry.toISOString();
}

/**
 * The author of an entry written before entries named one: the mall screens (VERIFIED, ASSIGNED,
 * REJECTED), Loket closes, the reporter submits; an IN_PROGRESS or RESOLVED entry was the answer of
 * the agency (a reporter's reply cannot be told from an update, and is far rarer).
 */
export function legacyEventAuthor(status: ComplaintStatus): ComplaintAuthor {
  switch (status) {
    case 'RECEIVED':
      return 'CITIZEN';
    case 'VERIFIED':
    case 'ASSIGNED':
    case 'REJECTED':
      return 'MALL';
    case 'IN_PROGRESS':
    case 'RESOLVED':
      return 'AGENCY';
    case 'CLOSED':
      return 'SYSTEM';
    default:
      throw new UnreachableCaseError(status);
  }
}

const MAX_MESSAGE = 2000;

/** A staff or reporter message: 1 to 2,000 characters, several lines allowed. */
export function messageText(value: string, field = 'message'): string {
  return cleanText(value, { field, what: 'The message', min: 1, max: MAX_MESSAGE, multiline: true });
}

/** A reason (rejection, reassignment, return): 5 to 500 characters. */
export function reasonText(value: string, field = 'reason'): string {
  return cleanText(value, { field, what: 'The reason', min: 5, max: 500, multiline: true });
}

/**
 * Applies a move: a new complaint with its status, timeline entry (written by `actor`) and stage
 * start, or a refusal that changes nothing.
 * @throws InvalidTransitionError for a move its status does not allow; BadInputError for a bad message, reason or rating.
 */
export function applyComplaintMove(
  c: Complaint,
  move: ComplaintMove,
  now: Date,
  actor: ComplaintActor = SYSTEM_ACTOR,
): Complaint {
  if (!COMPLAINT_TRANSITIONS[move.kind].from.includes(c.status)) {
    throw new InvalidTransitionError(
      `This complaint is ${c.status}; it cannot be ${COMPLAINT_TRANSITIONS[move.kind].refused}.`,
    );
  }
  const at = now.toISOString();
  const next = (
    status: ComplaintStatus,
    message: string | null,
    changes: Partial<Complaint> = {},
  ): Complaint => ({
    ...c,
    ...changes,
    status,
    timeline: [...c.timeline, { at, status, message, author: actor.author, by: actor.by }],
    version: c.version + 1,
  });
  switch (move.kind) {
    case 'VERIFY': {
      const message = move.message === null ? null : messageText(move.message);
      return next('VERIFIED', message ?? 'Pengaduan diverifikasi.');
    }
    case 'ASSIGN': {
      const message = move.message === null ? null : messageText(move.message);
      return next('ASSIGNED', message ?? 'Pengaduan diteruskan ke instansi terkait.', {
        agencyId: move.agencyId,
        assignedAgencyId: move.agencyId,
        stageStartedAt: at,
      });
    }
    case 'REASSIGN': {
      const reason = reasonText(move.reason);
      if (move.agencyId === c.assignedAgencyId) {
        throw new BadInputError('The complaint is already assigned to this agency.', 'agencyId');
      }
      // The new agency gets the whole answer stage (5 working days) from now.
      return next('ASSIGNED', reason, {
        agencyId: move.agencyId,
        assignedAgencyId: move.agencyId,
        stageStartedAt: at,
      });
    }
    case 'RETURN': {
      // Back to the mall's desk: the agency no longer sees it, and intake (3 working days) starts again.
      return next('VERIFIED', reasonText(move.reason), { assignedAgencyId: null, stageStartedAt: at });
    }
    case 'REJECT':
      return next('REJECTED', reasonText(move.reason));
    case 'RESPOND': {
      if (move.status !== 'IN_PROGRESS' && move.status !== 'RESOLVED') {
        throw new BadInputError('An answer sets the status IN_PROGRESS or RESOLVED.', 'status');
      }
      const message = messageText(move.message);
      // Resolving starts the 10 working days to auto-close; an update keeps the answer stage's clock.
      return next(move.status, message, move.status === 'RESOLVED' ? { stageStartedAt: at } : {});
    }
    case 'REPLY':
      // The reporter's reply reopens the answer stage: the agency has 5 working days again.
      return next('IN_PROGRESS', messageText(move.message), { stageStartedAt: at });
    case 'RATE': {
      if (c.rating !== null) throw new InvalidTransitionError('This complaint has already been rated.');
      if (!Number.isInteger(move.rating) || move.rating < 1 || move.rating > 5) {
        throw new BadInputError('The rating must be a whole number from 1 to 5.', 'rating');
      }
      return { ...c, rating: move.rating, version: c.version + 1 };
    }
    case 'CLOSE':
      return next('CLOSED', 'Ditutup otomatis: tidak ada tanggapan pelapor dalam 10 hari kerja.');
    case 'ERASE':
      // The complaint stays, with a trace that the data was erased and by whom; the status does not move.
      return next(c.status, 'Data pribadi pelapor dihapus.', { reporter: null, reporterErasedAt: at });
    default:
      throw new UnreachableCaseError(move);
  }
}
