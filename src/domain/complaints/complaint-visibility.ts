/**
 * Who sees what of a complaint: the one place the personal-data rules
 * (docs/domain-rules.md, 'Personal data' and 'Complaint desk'; UU PDP 27/2022) live. The caller's
 * identity comes in as a Viewer; everything shown leaves through `viewOf`.
 *
 * - Mall admins see everything but the tracking code.
 * - Officers of the assigned agency see the content, and the reporter unless anonymous.
 * - Everyone else sees the reporter masked (hidden when anonymous) and,
 *   when the complaint is confidential, no content.
 * - The tracking code is shown only to whoever gave it (or just received it); staff never see any of it.
 * - A timeline entry's author is shown to all; its staff subject (`by`) only to the mall's admins and
 *   the assigned agency.
 */

import type { Viewer } from '../access/viewer.js';
import type { Complaint, ComplaintEvent, Reporter } from './complaint.js';
import { HIDDEN_TRACKING_CODE } from './tracking-code.js';

/** What of a complaint needs no visibility decision; the rest is in the view's own fields. */
export type ComplaintFacts = Omit<Complaint, 'reporter' | 'subject' | 'description' | 'codeKey'>;

/** A complaint as one caller may see it: nothing in it is more than the caller may see. */
export interface ComplaintView {
  /** The facts, with the timeline's `by` removed for callers who may not see it. */
  complaint: ComplaintFacts;
  trackingCode: string;
  subject: string | null;
  description: string | null;
  reporter: Reporter | null;
}

/** What the caller brings beyond the stored complaint. */
export interface ViewContext {
  /** The tracking code, when the caller gave it or was just given it; null otherwise. */
  trackingCode: string | null;
  /** The reporter opened from its sealed form, when `seesReporterInFull`; null otherwise. */
  fullReporter: Reporter | null;
}

/** Whether the viewer is an admin of the complaint's mall. */
export function isMallAdmin(viewer: Viewer, complaint: Pick<Complaint, 'mallId'>): boolean {
  return viewer.role === 'ADMIN' && viewer.mallId === complaint.mallId;
}

/** Whether the viewer is an officer of the agency the complaint is assigned to now. */
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

/**
 * Whether the viewer may see the reporter unmasked: the mall's admins, and the assigned agency's
 * officers unless the report is anonymous. Only then is the sealed reporter opened.
 */
export function seesReporterInFull(
  viewer: Viewer,
  complaint: Pick<Complaint, 'mallId' | 'assignedAgencyId' | 'anonymous' | 'reporter'>,
): boolean {
  if (complaint.reporter === null) return false;
  return isMallAdmin(viewer, complaint) || (isAssignedOfficer(viewer, complaint) && !complaint.anonymous);
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
    .map((word) => `${[...word][0] ?? ''}***`)
    .join(' ');
}

/** The reporter as everyone but the mall's admins and the assigned agency sees it. */
export function maskedReporter(reporter: Reporter): Reporter {
  return {
    name: reporter.name === null ? null : maskName(reporter.name),
    phone: reporter.phone === null ? null : maskTail(reporter.phone),
    nik: reporter.nik === null ? null : maskTail(reporter.nik),
  };
}

/** The complaint as `viewer` may see it. */
export function viewOf(complaint: Complaint, viewer: Viewer, context: ViewContext): ComplaintView {
  const admin = isMallAdmin(viewer, complaint);
  const officer = isAssignedOfficer(viewer, complaint);
  const staff = admin || officer;
  const showContent = staff || !complaint.confidential;
  let reporter: Reporter | null = null;
  if (complaint.reporter) {
    if (seesReporterInFull(viewer, complaint) && context.fullReporter) reporter = context.fullReporter;
    else if (complaint.anonymous && !admin) reporter = null;
    else reporter = complaint.reporter.masked;
  }
  const {
    reporter: _reporter,
    subject: _subject,
    description: _description,
    codeKey: _key,
    ...facts
  } = complaint;
  const timeline: ComplaintEvent[] = staff ? facts.timeline : facts.timeline.map((e) => ({ ...e, by: null }));
  return {
    complaint: { ...facts, timeline },
    trackingCode: context.trackingCode ?? HIDDEN_TRACKING_CODE,
    subject: showContent ? complaint.subject : null,
    description: showContent ? complaint.description : null,
    reporter,
  };
}
