/**
 * Complaints as they were stored before the complaint desk (docs/data-model.md, 'Migrating complaints'):
 * the id an unkeyed hash of the tracking code, the code and the reporter in clear, timeline entries
 * without an author. `upgradeLegacyComplaint` makes the current complaint of one: pure, so the
 * migration is tested without a table.
 */
import type { RandomSource } from '../shared/random.js';
import type { Secrets } from '../shared/secrets.js';
import {
  type Complaint,
  type ComplaintCategory,
  type ComplaintStatus,
  legacyEventAuthor,
  personalDataExpiryOf,
  type Reporter,
} from './complaint.js';
import { maskedReporter } from './complaint-visibility.js';
import { complaintIdFrom, normalizeTrackingCode } from './tracking-code.js';

/** A complaint as the store kept it before the desk. */
export interface LegacyComplaint {
  id: string;
  trackingCode: string | null;
  mallId: string;
  category: ComplaintCategory;
  agencyId: string | null;
  serviceId: string | null;
  ticketId: string | null;
  subject: string;
  description: string;
  status: ComplaintStatus;
  anonymous: boolean;
  confidential: boolean;
  reporter: Reporter | null;
  submittedAt: string;
  stageStartedAt: string;
  dueAt: string | null;
  assignedAgencyId: string | null;
  timeline: { at: string; status: ComplaintStatus; message: string | null }[];
  rating: number | null;
  version: number;
}

/**
 * The current complaint of a legacy one: a new random id, keyed by the keyed hash of its code, the
 * reporter masked and sealed, every entry with an author (`legacyEventAuthor`), the retention
 * instant set. Null when the item holds no valid tracking code: without it there is no key to find
 * it by, and it is left for a person to decide.
 */
export function upgradeLegacyComplaint(
  legacy: LegacyComplaint,
  secrets: Secrets,
  random: RandomSource,
): Complaint | null {
  const code = legacy.trackingCode === null ? null : normalizeTrackingCode(legacy.trackingCode);
  if (code === null) return null;
  const { trackingCode: _code, reporter, timeline, ...facts } = legacy;
  const upgraded: Complaint = {
    ...facts,
    id: complaintIdFrom(random.bytes(16)),
    codeKey: secrets.hasher.hash('tracking-code', code),
    // Before the desk an agency was only ever set by naming or assigning; only assignment counts now.
    assignedAgencyId: legacy.assignedAgencyId,
    reporter: reporter && {
      masked: maskedReporter(reporter),
      sealed: secrets.sealer.seal(JSON.stringify(reporter)),
    },
    reporterErasedAt: null,
    personalDataExpiresAt: null,
    timeline: timeline.map((e) => ({ ...e, author: legacyEventAuthor(e.status), by: null })),
    // Same version: the upgrade is not a move, and a concurrent move of the old item is caught by it.
    version: legacy.version,
  };
  return {
    ...upgraded,
    personalDataExpiresAt: upgraded.reporter === null ? null : personalDataExpiryOf(upgraded),
  };
}
