/**
 * Who may read which figures and rate a ticket without its holder code (docs/domain-rules.md,
 * 'Roles' and 'Figures and IKM'), checked before any read:
 * - ADMIN: every agency's figures and the mall's, in its own mall;
 * - OFFICER and PARTNER: their own agency's figures;
 * - everyone: the mall's satisfaction index (no check here);
 * - a survey without the holder code: a KIOSK of the ticket's mall or an OFFICER of its agency.
 */
import type { Viewer } from '../access/viewer.js';
import type { Agency, Mall } from '../catalog/catalog.js';
import type { Ticket } from '../queue/ticket.js';
import { ForbiddenError, UnauthenticatedError } from '../shared/errors.js';

/** An agency's figures: ADMIN of its mall, OFFICER or PARTNER of the agency. */
export function assertCanReadAgencyFigures(viewer: Viewer, agency: Agency): void {
  if (viewer.role === 'PUBLIC') throw new UnauthenticatedError('Sign in to read an agency’s figures.');
  if (viewer.role === 'ADMIN' && viewer.mallId === agency.mallId) return;
  if ((viewer.role === 'OFFICER' || viewer.role === 'PARTNER') && viewer.agencyId === agency.id) return;
  throw new ForbiddenError('You may not read this agency’s figures.');
}

/** A mall's figures: ADMIN of the mall. */
export function assertCanReadMallFigures(viewer: Viewer, mall: Mall): void {
  if (viewer.role === 'PUBLIC') throw new UnauthenticatedError('Sign in to read the mall’s figures.');
  if (viewer.role !== 'ADMIN' || viewer.mallId !== mall.id) {
    throw new ForbiddenError('Only the mall’s admins may read its figures.');
  }
}

/** A survey sent without the holder code: the counter tablet of the ticket's agency. */
export function assertCanSurveyWithoutCode(viewer: Viewer, ticket: Ticket): void {
  if (viewer.role === 'PUBLIC') {
    throw new UnauthenticatedError('Give the ticket’s holder code, or rate at the counter’s tablet.');
  }
  if (viewer.role === 'KIOSK' && viewer.mallId === ticket.mallId) return;
  if (viewer.role === 'OFFICER' && viewer.agencyId === ticket.agencyId) return;
  throw new ForbiddenError('Only the ticket’s holder or its agency’s counter tablet may rate it.');
}
