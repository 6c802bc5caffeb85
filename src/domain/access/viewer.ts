/** The roles of docs/domain-rules.md, 'Roles'. */
export const ROLES = ['PUBLIC', 'OFFICER', 'ADMIN', 'PARTNER'] as const;
export type Role = (typeof ROLES)[number];

/** Who the caller is, as a verified token says; PUBLIC without one. */
export interface Viewer {
  role: Role;
  mallId: string | null;
  agencyId: string | null;
}

/** The caller without a token. */
export const PUBLIC_VIEWER: Viewer = Object.freeze({ role: 'PUBLIC', mallId: null, agencyId: null });
