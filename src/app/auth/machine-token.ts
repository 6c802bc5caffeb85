/**
 * Tokens of machine clients (kiosks, partner systems): ES256 JWTs they sign themselves, verified with
 * aws-jwt-verify against the public key registered for their id (docs/tokens-and-errors.md).
 *
 * - `iss` = `sub` = the client's id, `aud` = `loket`, `iat` and `exp` present, `exp` at most an hour after
 *   `iat`; a `kid` in the header is optional (when both the token and the key name one, they match).
 * - Times are checked against the real clock (`Date.now()`, as aws-jwt-verify does): LOKET_CLOCK shifts the
 *   mall's business time only, never what a signature is worth.
 * - The key comes from the instance's `MachineClientDirectory` (no request while warm, at most a minute
 *   old), so a revoked client is refused on every instance within a minute.
 */
import type { Jwk } from 'aws-jwt-verify/jwk';
import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import { verifyJwtSync } from 'aws-jwt-verify/jwt-verifier';
import type { Viewer } from '../../domain/access/viewer.js';
import {
  isMachineClientId,
  MACHINE_TOKEN_AUDIENCE,
  MAX_MACHINE_TOKEN_LIFETIME_SECONDS,
  type MachineClient,
  viewerOfMachineClient,
} from '../../domain/admin/machine-client.js';

/** Where the authenticator finds a machine client's key: the instance's cache of them. */
export interface MachineClientKeys {
  get(id: string): Promise<MachineClient | null>;
}

/** Seconds an `iat` may lie ahead of this instance's clock (clocks of kiosks drift). */
const CLOCK_SKEW_SECONDS = 60;

/** Why a machine token was refused; the message never quotes the token. */
export class MachineTokenError extends Error {
  override readonly name = 'MachineTokenError';
}

/** The issuer a token claims, before anything is verified; null when it is not a machine client's. */
export function machineIssuerOf(jwt: string): string | null {
  try {
    const { iss } = decomposeUnverifiedJwt(jwt).payload;
    return typeof iss === 'string' && isMachineClientId(iss) ? iss : null;
  } catch {
    return null;
  }
}

/**
 * The Viewer of a machine client's token, given the client its issuer names (null: none registered).
 * @throws MachineTokenError (unknown or revoked client), or aws-jwt-verify's errors (signature, audience,
 *   expiry, the checks above).
 */
export function verifyMachineToken(jwt: string, client: MachineClient | null): Viewer {
  if (!client) throw new MachineTokenError('No machine client has this id.');
  if (client.revokedAt !== null) throw new MachineTokenError('The machine client is revoked.');
  verifyJwtSync(jwt, client.publicJwk as unknown as Jwk, {
    issuer: client.id,
    audience: MACHINE_TOKEN_AUDIENCE,
    customJwtCheck: ({ header, payload }) => {
      if (header.alg !== 'ES256') throw new MachineTokenError('A machine token is signed with ES256.');
      if (
        header.kid !== undefined &&
        client.publicJwk.kid !== undefined &&
        header.kid !== client.publicJwk.kid
      ) {
        throw new MachineTokenError('The kid is not the registered key’s.');
      }
      if (payload.sub !== client.id) throw new MachineTokenError('The subject must be the client’s id.');
      const { iat, exp } = payload;
      if (typeof iat !== 'number' || typeof exp !== 'number') {
        throw new MachineTokenError('A machine token has iat and exp.');
      }
      if (exp - iat > MAX_MACHINE_TOKEN_LIFETIME_SECONDS || exp <= iat) {
        throw new MachineTokenError('A machine token lives at most an hour.');
      }
      if (iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS)
        throw new MachineTokenError('The token is issued in the future.');
    },
  });
  return viewerOfMachineClient(client);
}
