/**
 * Complaints (pengaduan, aspirasi, permintaan informasi) and their state
 * machine (docs/domain-rules.md, 'Complaints'), pure.
 *
 *   RECEIVED ─VERIFY→ VERIFIED ─ASSIGN→ ASSIGNED ─RESPOND→ IN_PROGRESS ─RESPOND→ RESOLVED ─(10 working days)→ CLOSED
 *   ASSIGNED ─RESPOND(RESOLVED)→ RESOLVED;  RESOLVED ─REPLY→ IN_PROGRESS
 *   RECEIVED | VERIFIED ─REJECT→ REJECTED;  RESOLVED | CLOSED ─RATE→ (same, rated once)
 */
import { BadInputError, InvalidTransitionError, UnreachableCaseError } from '../shared/errors.js';

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

/** Personal data of a reporter (UU PDP 27/2022): never logged, masked for most callers. */
export interface Reporter {
  name: string | null;
  phone: string | null;
  /** Nomor Induk Kependudukan, 16 digits. */
  nik: string | null;
}

/** One step of a complaint's timeline. */
export interface ComplaintEvent {
  at: string;
  status: ComplaintStatus;
  message: string | null;
}

export interface Complaint {
  id: string;
  trackingCode: string;
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
  reporter: Reporter | null;
  submittedAt: string;
  /** When the current stage began; its deadline counts from this instant's local date. */
  stageStartedAt: string;
  /**
   * Deadline of the current stage, fixed when the stage begins (a later
   * calendar edit does not move a promise already made); null once CLOSED or REJECTED.
   */
  dueAt: string | null;
  /** The agency it was assigned to; null before assignment. */
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
  | { kind: 'REJECT'; reason: string }
  | { kind: 'RESPOND'; status: ComplaintStatus; message: string }
  | { kind: 'REPLY'; message: string }
  | { kind: 'RATE'; rating: number }
  | { kind: 'CLOSE' };

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

const MAX_MESSAGE = 2000;

function text(value: string, field: string, min: number, max: number, what: string): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw new BadInputError(`${what} must be ${min} to ${max} characters.`, field);
  }
  return trimmed;
}

function refuse(c: Complaint, what: string): never {
  throw new InvalidTransitionError(`This complaint is ${c.status}; it cannot be ${what}.`);
}

/**
 * Applies a move: a new complaint with its status, timeline entry and
 * stage start, or a refusal that changes nothing.
 * @throws InvalidTransitionError for a move its status does not allow; BadInputError for a bad message or rating.
 */
export function applyComplaintMove(c: Complaint, move: ComplaintMove, now: Date): Complaint {
  const at = now.toISOString();
  const next = (
    status: ComplaintStatus,
    message: string | null,
    changes: Partial<Complaint> = {},
  ): Complaint => ({
    ...c,
    ...changes,
    status,
    timeline: [...c.timeline, { at, status, message }],
    version: c.version + 1,
  });
  switch (move.kind) {
    case 'VERIFY': {
      if (c.status !== 'RECEIVED') refuse(c, 'verified');
      const message =
        move.message === null ? null : text(move.message, 'message', 1, MAX_MESSAGE, 'The message');
      return next('VERIFIED', message ?? 'Pengaduan diverifikasi.');
    }
    case 'ASSIGN': {
      if (c.status !== 'VERIFIED') refuse(c, 'assigned');
      const message =
        move.message === null ? null : text(move.message, 'message', 1, MAX_MESSAGE, 'The message');
      return next('ASSIGNED', message ?? 'Pengaduan diteruskan ke instansi terkait.', {
        agencyId: move.agencyId,
        assignedAgencyId: move.agencyId,
        stageStartedAt: at,
      });
    }
    case 'REJECT': {
      if (c.status !== 'RECEIVED' && c.status !== 'VERIFIED') refuse(c, 'rejected');
      return next('REJECTED', text(move.reason, 'reason', 5, 500, 'The reason'));
    }
    case 'RESPOND': {
      if (move.status !== 'IN_PROGRESS' && move.status !== 'RESOLVED') {
        throw new BadInputError('An answer sets the status IN_PROGRESS or RESOLVED.', 'status');
      }
      if (c.status !== 'ASSIGNED' && c.status !== 'IN_PROGRESS') refuse(c, 'answered');
      const message = text(move.message, 'message', 1, MAX_MESSAGE, 'The message');
      // Resolving starts the 10 working days to auto-close; an update keeps the answer stage's clock.
      return next(move.status, message, move.status === 'RESOLVED' ? { stageStartedAt: at } : {});
    }
    case 'REPLY': {
      if (c.status !== 'RESOLVED') refuse(c, 'reopened');
      // The reporter's reply reopens the answer stage: the agency has 5 working days again.
      return next('IN_PROGRESS', text(move.message, 'message', 1, MAX_MESSAGE, 'The message'), {
        stageStartedAt: at,
      });
    }
    case 'RATE': {
      if (c.status !== 'RESOLVED' && c.status !== 'CLOSED') refuse(c, 'rated yet');
      if (c.rating !== null) throw new InvalidTransitionError('This complaint has already been rated.');
      if (!Number.isInteger(move.rating) || move.rating < 1 || move.rating > 5) {
        throw new BadInputError('The rating must be a whole number from 1 to 5.', 'rating');
      }
      return { ...c, rating: move.rating, version: c.version + 1 };
    }
    case 'CLOSE': {
      if (c.status !== 'RESOLVED') refuse(c, 'closed');
      return next('CLOSED', 'Ditutup otomatis: tidak ada tanggapan pelapor dalam 10 hari kerja.');
    }
    default:
      throw new UnreachableCaseError(move);
  }
}
