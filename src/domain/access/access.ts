/**
 * Who may do what: the one place the operation table of docs/domain-rules.md, 'Roles',
 * is checked, before any side effect, from the verified Viewer.
 *
 * - PUBLIC: the catalog, schedules, the board, a ticket by its id, a complaint
 *   by its tracking code; cancel own tickets with their holder code; submit, reply to and rate complaints.
 * - KIOSK (a device of one mall): issue walk-in tickets and check in bookings of that mall.
 * - OFFICER (one mall, one agency): queue moves on that agency's counters;
 *   read and answer that agency's complaints.
 * - ADMIN (one mall): everything within that mall.
 * - PARTNER (one mall, one agency): that agency's figures; set and remove that agency's schedule exceptions.
 *
 * Public reads stay public whatever the token; nothing else crosses a mall or
 * an agency boundary the token does not name. What of a complaint a caller
 * sees is decided in `complaint-visibility.ts`.
 */
import { mallIdOf } from '../catalog/catalog.js';
import { ForbiddenError, UnauthenticatedError } from '../shared/errors.js';
import type { Viewer } from './viewer.js';

function signInRequired(what: string): never {
  throw new UnauthenticatedError(`Sign in to ${what}.`);
}

/** Whether the viewer is an ADMIN of the mall or an OFFICER of the agency. */
function reachesAgency(viewer: Viewer, agencyId: string): boolean {
  if (viewer.role === 'ADMIN') return viewer.mallId !== null && viewer.mallId === mallIdOf(agencyId);
  return viewer.role === 'OFFICER' && viewer.agencyId === agencyId;
}

/** A queue move at a counter of `agencyId` (call, recall, serve, finish, no-show, transfer, reactivate). */
export function assertCanOperateQueue(viewer: Viewer, agencyId: string): void {
  if (viewer.role === 'PUBLIC') signInRequired('operate a counter');
  if (!reachesAgency(viewer, agencyId)) throw new ForbiddenError('You may not operate this agency’s queue.');
}

/**
 * Issuing a walk-in ticket: a kiosk of the mall, or staff of the mall issuing for a citizen (assisted).
 * A ticket needs a device or a person the mall trusts, so a script cannot drain a day's quota.
 */
export function assertCanIssueTicket(viewer: Viewer, mallId: string): void {
  if (viewer.role === 'PUBLIC') signInRequired('take a ticket (use a kiosk of the mall)');
  const staffOrKiosk = viewer.role === 'KIOSK' || viewer.role === 'OFFICER' || viewer.role === 'ADMIN';
  if (!staffOrKiosk || viewer.mallId !== mallId) {
    throw new ForbiddenError('Only the mall’s kiosks and staff may issue its tickets.');
  }
}

/** Whether the viewer is staff (ADMIN of the mall or OFFICER of the agency) who may cancel without the holder code. */
export function isStaffOfAgency(viewer: Viewer, agencyId: string): boolean {
  return reachesAgency(viewer, agencyId);
}

/** Verifying, assigning and rejecting complaints: ADMIN of the complaint's mall. */
export function assertCanManageComplaints(viewer: Viewer, mallId: string): void {
  if (viewer.role === 'PUBLIC') signInRequired('manage complaints');
  if (viewer.role !== 'ADMIN' || viewer.mallId !== mallId) {
    throw new ForbiddenError('Only the mall’s admins may verify, assign or reject complaints.');
  }
}

/** Answering a complaint: OFFICER of the agency it was assigned to, or ADMIN of its mall. */
export function assertCanAnswerComplaint(
  viewer: Viewer,
  mallId: string,
  assignedAgencyId: string | null,
): void {
  if (viewer.role === 'PUBLIC') signInRequired('answer complaints');
  if (viewer.role === 'ADMIN' && viewer.mallId === mallId) return;
  if (viewer.role === 'OFFICER' && assignedAgencyId !== null && viewer.agencyId === assignedAgencyId) return;
  throw new ForbiddenError('Only the agency the complaint was assigned to may answer it.');
}

/**
 * Handing a complaint back to the mall (bukan wewenang): OFFICER of the agency it is assigned to now.
 * The mall itself moves a complaint with a reassignment instead.
 */
export function assertCanReturnComplaint(
  viewer: Viewer,
  mallId: string,
  assignedAgencyId: string | null,
): void {
  if (viewer.role === 'PUBLIC') signInRequired('return complaints');
  if (
    viewer.role === 'OFFICER' &&
    viewer.mallId === mallId &&
    assignedAgencyId !== null &&
    viewer.agencyId === assignedAgencyId
  ) {
    return;
  }
  throw new ForbiddenError('Only the agency the complaint is assigned to may return it.');
}

/** Any listing of complaints needs a token; which one is `authorizeComplaintListing`'s to say. */
export function assertSignedInToListComplaints(viewer: Viewer): void {
  if (viewer.role === 'PUBLIC') signInRequired('list complaints');
}

/**
 * Listing complaints: ADMIN of the mall (any of its agencies), OFFICER of the agency.
 * @returns the agency the listing is narrowed to (an officer's own when none is named).
 */
export function authorizeComplaintListing(
  viewer: Viewer,
  mallId: string,
  agencyId: string | null,
): string | null {
  if (viewer.role === 'PUBLIC') signInRequired('list complaints');
  if (viewer.role === 'ADMIN' && viewer.mallId === mallId) return agencyId;
  if (
    viewer.role === 'OFFICER' &&
    viewer.mallId === mallId &&
    (agencyId === null || agencyId === viewer.agencyId)
  ) {
    return viewer.agencyId;
  }
  throw new ForbiddenError('You may not list these complaints.');
}

/** Changing the catalog or machine clients of a mall, or reading its audit log: the mall's ADMIN. */
export function assertCanAdministerMall(viewer: Viewer, mallId: string | null): void {
  if (viewer.role === 'PUBLIC') signInRequired('administer the mall');
  if (viewer.role !== 'ADMIN' || mallId === null || viewer.mallId !== mallId) {
    throw new ForbiddenError('Only the mall’s admins may administer it.');
  }
}

/**
 * Setting or removing a schedule exception of `scopeId` (a mall or an agency id): the mall's ADMIN, or the
 * PARTNER of that agency for its own agency (an outage of its system, a closed day).
 */
export function assertCanChangeSchedule(viewer: Viewer, scopeId: string): void {
  if (viewer.role === 'PUBLIC') signInRequired('change opening hours');
  const mallId = mallIdOf(scopeId) ?? scopeId;
  if (viewer.role === 'ADMIN' && viewer.mallId === mallId) return;
  if (viewer.role === 'PARTNER' && viewer.agencyId === scopeId) return;
  throw new ForbiddenError(
    'Only the mall’s admins, or a partner for its own agency, may change these hours.',
  );
}
