/**
 * The claims that say who a caller is, and the rules that turn them into a Viewer.
 *
 * Three kinds of token reach Loket, and two of them carry these claims:
 *
 * - in AWS, the Cognito user pool of the auth stack, for people only (ADMIN, OFFICER). They sign in to a
 *   console and send their ACCESS token. Their role is their group, in `cognito:groups`. Access tokens do
 *   not carry custom attributes, so the pre-token-generation trigger (`pre-token-generation.ts`) copies the
 *   user's `custom:mallId` and `custom:agencyId` into the claims `loket:mall` and `loket:agency`.
 * - locally, the `LocalIssuer` of `npm run token`, which signs exactly these claims, for any role: it
 *   stands in for Cognito and, for tests and demos, for kiosks and partners too.
 * - machines (KIOSK, PARTNER) are registered machine clients that sign their own tokens; those carry no
 *   role claims at all: who they are is their registration (`machine-token.ts`).
 */
import type { Viewer } from '../../domain/access/viewer.js';

/** Names of the claims Loket reads. */
export const CLAIM = {
  /** Cognito's list of the user's groups; holds the role. */
  groups: 'cognito:groups',
  /** The mall of a person, from the user attribute `custom:mallId`. */
  mall: 'loket:mall',
  /** The agency of an OFFICER (or a local PARTNER), from the user attribute `custom:agencyId`. */
  agency: 'loket:agency',
} as const;

/** The roles a token can carry (PUBLIC is the absence of a token). */
export const TOKEN_ROLES = ['OFFICER', 'ADMIN', 'PARTNER', 'KIOSK'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** The roles of people: the Cognito groups of the user pool, the only roles a Cognito token may carry. */
export const PEOPLE_ROLES = ['ADMIN', 'OFFICER'] as const satisfies readonly TokenRole[];

/**
 * The roles read from `cognito:groups`: the people's, and the machines' that only the local issuer signs
 * this way (in AWS a KIOSK or PARTNER is a registered machine client; see the authenticator).
 */
export const ROLE_GROUPS = TOKEN_ROLES;

/** Names of the Cognito user attributes (without the `custom:` prefix) that hold a person's mall and agency. */
export const USER_ATTRIBUTE = { mall: 'mallId', agency: 'agencyId' } as const;

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
 * {@link checkIdentity}. Pure; throws InvalidClaimsError for a token that is not exactly one role group
 * with its mall (and agency).
 */
export function viewerFromClaims(claims: Readonly<Record<string, unknown>>): Viewer {
  const subject = typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : null;
  const groups = claims[CLAIM.groups];
  if (groups !== undefined && !(Array.isArray(groups) && groups.every((g) => typeof g === 'string'))) {
    throw new InvalidClaimsError('The groups claim is not a list of names.');
  }
  // Other groups (e.g. the ones Cognito adds for federated users) say nothing about Loket.
  const roles = ROLE_GROUPS.filter((role) => (groups as string[] | undefined)?.includes(role));
  const [role, ...otherRoles] = roles;
  if (role === undefined || otherRoles.length > 0) {
    throw new InvalidClaimsError(
      'A token is in exactly one of the groups ADMIN, OFFICER, PARTNER and KIOSK.',
    );
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
