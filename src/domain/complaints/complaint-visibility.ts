/**
 * Who sees what of a complaint: the one place the personal-data rules
 * (docs/domain-rules.md, 'Personal data'; UU PDP 27/2022) live. The caller's identity comes in as a
 * Viewer; everything shown leaves through `viewOf`.
 *
 * - Mall admins see everything.
 * - Officers of the assigned agency see the content, and the reporter unless anonymous.
 * - Everyone else sees the reporter masked (hidden when anonymous) and,
 *   when the complaint is confidential, no content.
 */

import type { Viewer } from '../access/viewer.js';
import type { Complaint, Reporter } from './complaint.js';
import { maskTrackingCode } from './tracking-code.js';

/** How the caller reached the complaint. */
export type ComplaintAccess = 'TRACKING_CODE' | 'STAFF';

/** What of a complaint needs no visibility decision; the rest is in the view's own fields. */
export type ComplaintFacts = Omit<Complaint, 'reporter' | 'subject' | 'description' | 'trackingCode'>;

/** A complaint as one caller may see it: nothing in it is more than the caller may see. */
export interface ComplaintView {
  complaint: ComplaintFacts;
  trackingCode: string;
  subject: string | null;
  description: string | null;
  reporter: Reporter | null;
}

/** Whether the viewer is an admin of the complaint's mall. */
export function isMallAdmin(viewer: Viewer, complaint: Pick<Complaint, 'mallId'>): boolean {
  return viewer.role === 'ADMIN' && viewer.mallId === complaint.mallId;
}

/** Whether the viewer is an officer of the agency the complaint was assigned to. */
export function isAssignedOfficer(
  viewer: Viewer,
  complaint: Pick<Complaint, 'mallId' | 'assignedAgencyId'>,
): boolean {
  return (
    viewer.role === 'OFFICER' &&
    viewer.mallId === complaint.mallId &&
    complaint.assignedAgencyId !== null &&
    viewer.agencyId === complaint.assignedAgencyId
  );
}

/** `************1234`: only the last four characters stay. */
export function maskTail(value: string): string {
  return value.length <= 4 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

/** `B*** S***`: the initial of each word. */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${word[0]}***`)
    .join(' ');
}

function masked(reporter: Reporter): Reporter {
  return {
    name: reporter.name === null ? null : maskName(reporter.name),
    phone: reporter.phone === null ? null : maskTail(reporter.phone),
    nik: reporter.nik === null ? null : maskTail(reporter.nik),
  };
}

/** The complaint as `viewer` may see it. */
export function viewOf(complaint: Complaint, viewer: Viewer, access: ComplaintAccess): ComplaintView {
  const admin = isMallAdmin(viewer, complaint);
  const officer = isAssignedOfficer(viewer, complaint);
  const staff = admin || officer;
  const showContent = staff || !complaint.confidential;
  let reporter: Reporter | null = null;
  if (complaint.reporter) {
    if (admin) reporter = complaint.reporter;
    else if (complaint.anonymous) reporter = null;
    else reporter = officer ? complaint.reporter : masked(complaint.reporter);
  }
  const {
    reporter: _reporter,
    subject: _subject,
    description: _description,
    trackingCode: _code,
    ...facts
  } = complaint;
  return {
    complaint: facts,
    // Staff other than admins see only part of the code, so nobody but the reporter can reply or rate.
    trackingCode:
      admin || access === 'TRACKING_CODE' ? complaint.trackingCode : maskTrackingCode(complaint.trackingCode),
    subject: showContent ? complaint.subject : null,
    description: showContent ? complaint.description : null,
    reporter,
  };
}
