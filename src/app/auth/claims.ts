/**
 * The claims that say who a caller is, and the rules that turn them into a Viewer.
 *
 * Loket trusts two issuers, and both write the same claims, so that one function reads either token and
 * both give the same Viewer:
 *
 * - in AWS, the Cognito user pool of the auth stack. People (ADMIN, OFFICER) sign in to a console and
 *   send their ACCESS token. Their role is their group, in `cognito:groups`. Access tokens do not carry
 *   custom attributes, so the pre-token-generation trigger (`pre-token-generation.ts`) copies the user's
 *   `custom:mallId` and `custom:agencyId` into the claims `loket:mall` and `loket:agency`.
 *   Machines (PARTNER) use the client-credentials flow, one app client per partner agency. Their token
 *   has no groups; its `scope` holds `loket/partner.read` and `loket/agency:<agencyId>`. The agency scope
 *   is the grant itself: each partner client is allowed the scope of its own agency only (the auth stack
 *   sets that up), so the token names the agency, the agency id names the mall, and neither a trigger nor
 *   a client-id map is needed. (Cognito allows 100 scopes per resource server: past 100 partner
 *   agencies, add a resource server per mall.)
 * - locally, the `LocalIssuer` of `npm run token`, which signs exactly these claims.
 */
import type { Viewer } from '../../domain/access/viewer.js';

/** Names of the claims Loket reads. */
export const CLAIM = {
  /** Cognito's list of the user's groups; holds the role of a person. */
  groups: 'cognito:groups',
  /** The mall of a person, from the user attribute `custom:mallId`. */
  mall: 'loket:mall',
  /** The agency of an OFFICER, from the user attribute `custom:agencyId`. */
  agency: 'loket:agency',
  /** Space-separated OAuth scopes; holds the grant of a PARTNER. */
  scope: 'scope',
} as const;

/** The roles a token can carry (PUBLIC is the absence of a token). */
export const TOKEN_ROLES = ['OFFICER', 'ADMIN', 'PARTNER', 'KIOSK'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/**
 * The roles held through a Cognito group of the same name: people (ADMIN, OFFICER) and, until kiosks
 * are registered machine clients, a kiosk device's user (KIOSK).
 */
export const ROLE_GROUPS = ['ADMIN', 'OFFICER', 'KIOSK'] as const satisfies readonly TokenRole[];

/** Names of the Cognito user attributes (without the `custom:` prefix) that hold a person's mall and agency. */
export const USER_ATTRIBUTE = { mall: 'mallId', agency: 'agencyId' } as const;

/** Identifier of the Cognito resource server whose scopes grant PARTNER access. */
export const RESOURCE_SERVER_ID = 'loket';

/** Name of the scope (within the resource server) that makes a client-credentials token a PARTNER token. */
export const PARTNER_READ_SCOPE_NAME = 'partner.read';

/** Name of the scope (within the resource server) that grants one agency. */
export function agencyScopeName(agencyId: string): string {
  return `${AGENCY_SCOPE_NAME_PREFIX}${agencyId}`;
}

const AGENCY_SCOPE_NAME_PREFIX = 'agency:';
const PARTNER_READ_SCOPE = `${RESOURCE_SERVER_ID}/${PARTNER_READ_SCOPE_NAME}`;
const AGENCY_SCOPE_PREFIX = `${RESOURCE_SERVER_ID}/${AGENCY_SCOPE_NAME_PREFIX}`;

/** A mall id: a lowercase slug, as the data files write them. */
const MALL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 60;
/** An agency id: `<mallId>:<agency slug>`. */
const AGENCY_ID = /^([a-z0-9]+(?:-[a-z0-9]+)*):([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Claims that do not describe a caller. The message names the rule broken; it never quotes a token. */
export class InvalidClaimsError extends Error {
  override readonly name = 'InvalidClaimsError';
}

/** Who a token says the caller is, before the rules are checked. */
export interface TokenIdentity {
  readonly role: string;
  readonly mallId?: string | null;
  readonly agencyId?: string | null;
  /** The token's `sub`. */
  readonly subject?: string | null;
}

/**
 * Checks an identity against the rules of docs/domain-rules.md, 'Roles', and returns its Viewer:
 * OFFICER and PARTNER have one mall and one agency of that mall; ADMIN has one mall and no agency; any
 * other role is refused. Pure; throws InvalidClaimsError.
 */
export function checkIdentity(identity: TokenIdentity): Viewer {
  const { role } = identity;
  const mallId = identity.mallId ?? null;
  const agencyId = identity.agencyId ?? null;
  // Present only when the token has one, so a Viewer never carries an empty subject.
  const subject = identity.subject ? { subject: identity.subject } : {};
  if (!isTokenRole(role)) throw new InvalidClaimsError('The role must be OFFICER, ADMIN, PARTNER or KIOSK.');
  if (mallId === null) throw new InvalidClaimsError(`An ${role} token needs a mall.`);
  if (!MALL_ID.test(mallId) || mallId.length > MAX_SLUG_LENGTH) {
    throw new InvalidClaimsError('The mall id is not a valid id.');
  }
  if (role === 'ADMIN' || role === 'KIOSK') {
    if (agencyId !== null) throw new InvalidClaimsError(`An ${role} token names a mall, not an agency.`);
    return { role, mallId, agencyId: null, ...subject };
  }
  if (agencyId === null) throw new InvalidClaimsError(`An ${role} token needs an agency.`);
  const agencyMall = mallOfAgency(agencyId);
  if (agencyMall === null) {
    throw new InvalidClaimsError('The agency id is not a valid id, e.g. lampung-tengah:polres.');
  }
  if (agencyMall !== mallId) throw new InvalidClaimsError('The agency does not belong to the mall.');
  return { role, mallId, agencyId, ...subject };
}

/**
 * Reads the identity claims of a verified token (see the module comment) and checks them with
 * {@link checkIdentity}. Pure; throws InvalidClaimsError for a token that is not exactly one of a person
 * with one staff group, or a partner with one agency scope.
 */
export function viewerFromClaims(claims: Readonly<Record<string, unknown>>): Viewer {
  const subject = typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : null;
  const groups = claims[CLAIM.groups];
  if (groups !== undefined && !(Array.isArray(groups) && groups.every((g) => typeof g === 'string'))) {
    throw new InvalidClaimsError('The groups claim is not a list of names.');
  }
  // Other groups (e.g. the ones Cognito adds for federated users) say nothing about Loket.
  const staffRoles = ROLE_GROUPS.filter((role) => (groups as string[] | undefined)?.includes(role));
  const scopeClaim = claims[CLAIM.scope];
  if (scopeClaim !== undefined && typeof scopeClaim !== 'string') {
    throw new InvalidClaimsError('The scope claim is not a string.');
  }
  const scopes = scopeClaim?.split(' ').filter((scope) => scope !== '') ?? [];
  const agencyScopes = scopes.filter((scope) => scope.startsWith(AGENCY_SCOPE_PREFIX));

  if (scopes.includes(PARTNER_READ_SCOPE)) {
    if (staffRoles.length > 0) throw new InvalidClaimsError('A token is either a person or a partner.');
    if (claims[CLAIM.mall] !== undefined || claims[CLAIM.agency] !== undefined) {
      throw new InvalidClaimsError('A partner token names its agency in its scope only.');
    }
    const [agencyScope, ...others] = agencyScopes;
    if (agencyScope === undefined || others.length > 0) {
      throw new InvalidClaimsError('A partner token grants exactly one agency.');
    }
    const agencyId = agencyScope.slice(AGENCY_SCOPE_PREFIX.length);
    return checkIdentity({ role: 'PARTNER', mallId: mallOfAgency(agencyId), agencyId, subject });
  }

  if (agencyScopes.length > 0) throw new InvalidClaimsError('An agency scope needs the partner scope.');
  const [role, ...otherRoles] = staffRoles;
  if (role === undefined || otherRoles.length > 0) {
    throw new InvalidClaimsError('A person is in exactly one of the groups ADMIN, OFFICER and KIOSK.');
  }
  return checkIdentity({
    role,
    subject,
    mallId: optionalStringClaim(claims, CLAIM.mall),
    agencyId: optionalStringClaim(claims, CLAIM.agency),
  });
}

/**
 * The identity claims that describe `viewer`, as Cognito and its trigger write them: the inverse of
 * {@link viewerFromClaims}. The local issuer signs these. `viewer` must be a checked, non-PUBLIC Viewer.
 */
export function claimsOf(viewer: Viewer): Record<string, string | string[]> {
  const { role, mallId, agencyId } = viewer;
  if (role === 'PUBLIC' || mallId === null) throw new InvalidClaimsError('A PUBLIC caller has no token.');
  if (role === 'PARTNER') {
    if (agencyId === null) throw new InvalidClaimsError('A PARTNER token needs an agency.');
    return { [CLAIM.scope]: `${PARTNER_READ_SCOPE} ${RESOURCE_SERVER_ID}/${agencyScopeName(agencyId)}` };
  }
  return {
    [CLAIM.groups]: [role],
    [CLAIM.mall]: mallId,
    ...(agencyId === null ? {} : { [CLAIM.agency]: agencyId }),
  };
}

/** The mall id of a well-formed agency id; null otherwise. */
export function mallOfAgency(agencyId: string): string | null {
  const match = AGENCY_ID.exec(agencyId);
  if (!match || (match[1] ?? '').length > MAX_SLUG_LENGTH || (match[2] ?? '').length > MAX_SLUG_LENGTH) {
    return null;
  }
  return match[1] ?? null;
}

function isTokenRole(role: string): role is TokenRole {
  return (TOKEN_ROLES as readonly string[]).includes(role);
}

function optionalStringClaim(claims: Readonly<Record<string, unknown>>, name: string): string | null {
  const value = claims[name];
  if (value === undefined) return null;
  if (typeof value !== 'string' || value === '') {
    throw new InvalidClaimsError(`The claim ${name} is not a non-empty string.`);
  }
  return value;
}
