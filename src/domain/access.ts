/**
 * Who may do what: the one place the operation table of PRODUCT.md ("Roles")
 * is checked, before any side effect. Until tokens are verified (the auth
 * issue), every caller is PUBLIC and staff operations are open; the checks
 * are already called at every entry point so that issue only fills them in.
 */
import type { Viewer } from './viewer.js';

/** A queue move at a counter of `agencyId` (call, recall, serve, finish, no-show, transfer, reactivate). */
export function assertCanOperateQueue(_viewer: Viewer, _agencyId: string): void {
  // Open until the auth issue: OFFICER of the agency or ADMIN of its mall.
}

/** Cancelling a ticket: the citizen holding its id, or staff of its agency. */
export function assertCanCancelTicket(_viewer: Viewer, _agencyId: string): void {
  // Anyone with the ticket's unguessable id may cancel it.
}

/** Verifying, assigning and rejecting complaints: ADMIN of the complaint's mall. */
export function assertCanManageComplaints(_viewer: Viewer, _mallId: string): void {
  // Open until the auth issue: ADMIN of the mall.
}

/** Answering a complaint: OFFICER of the agency it was assigned to (or ADMIN of its mall). */
export function assertCanAnswerComplaint(
  _viewer: Viewer,
  _mallId: string,
  _assignedAgencyId: string | null,
): void {
  // Open until the auth issue.
}

/** Listing complaints: ADMIN of the mall, or OFFICER of the agency. */
export function assertCanListComplaints(_viewer: Viewer, _mallId: string, _agencyId: string | null): void {
  // Open until the auth issue.
}
