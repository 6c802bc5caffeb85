/** The roles of docs/domain-rules.md, 'Roles'. */
export const ROLES = ['PUBLIC', 'OFFICER', 'ADMIN', 'PARTNER', 'KIOSK'] as const;
export type Role = (typeof ROLES)[number];

/** Who the caller is, as a verified token says; PUBLIC without one. */
export interface Viewer {
  role: Role;
  mallId: string | null;
  agencyId: string | null;
  /** The token's subject (a person or a machine client); null for PUBLIC. */
  subject?: string | null;
}

/** The caller without a token. */
export const PUBLIC_VIEWER: Viewer = Object.freeze({
  role: 'PUBLIC',
  mallId: null,
  agencyId: null,
  subject: null,
});

/**
 * Who moved a ticket, as `viewer` may see it: nobody for a citizen's own move; the subject (a person or
 * a device) only for staff of the mall, as a timeline names its author's subject to staff only.
 */
export function actorAsSeenBy(actor: Viewer | undefined, viewer: Viewer, mallId: string): Viewer | null {
  if (!actor || actor.role === 'PUBLIC') return null;
  const staff = (viewer.role === 'ADMIN' || viewer.role === 'OFFICER') && viewer.mallId === mallId;
  return staff ? { subject: null, ...actor } : { ...actor, subject: null };
}
