/**
 * The arguments of `npm run token` (scripts/token.ts), parsed and checked without I/O.
 */
import { parseArgs } from 'node:util';
import { checkIdentity, InvalidClaimsError, TOKEN_ROLES, type TokenIdentity } from '../app/auth/claims.js';
import { DEFAULT_TOKEN_LIFETIME_SECONDS, MAX_TOKEN_LIFETIME_SECONDS } from './local-issuer.js';

/** How to call the command, shown with every usage error. */
export const TOKEN_USAGE = [
  'Usage: npm run --silent token -- --role <OFFICER|ADMIN|PARTNER|KIOSK> --mall <mallId> [--agency <agencyId>]',
  '                                 [--expires-in <seconds>]',
  '  --agency is required for OFFICER and PARTNER (not ADMIN or KIOSK), e.g. --agency lampung-tengah:polres',
  `  --expires-in defaults to ${DEFAULT_TOKEN_LIFETIME_SECONDS} (12 hours), at most ${MAX_TOKEN_LIFETIME_SECONDS}`,
  '       npm run --silent token -- --client <file> [--expires-in <seconds>]',
  '  a registered machine client (npm run machine-client) signs its own token: at most 3600 seconds',
].join('\n');

/** The arguments are not a token request; the message says which and why. */
export class TokenUsageError extends Error {
  override readonly name = 'TokenUsageError';
}

/** A checked token request. */
export interface TokenRequest {
  readonly identity: TokenIdentity;
  readonly expiresInSeconds: number;
}

/** Parses `args` (without the node and script paths). Throws TokenUsageError. */
export function parseTokenArgs(args: readonly string[]): TokenRequest {
  let values: { role?: string; mall?: string; agency?: string; 'expires-in'?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        role: { type: 'string' },
        mall: { type: 'string' },
        agency: { type: 'string' },
        'expires-in': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new TokenUsageError((error as Error).message);
  }

  const role = values.role?.toUpperCase();
  if (role === undefined || !(TOKEN_ROLES as readonly string[]).includes(role)) {
    throw new TokenUsageError('--role must be OFFICER, ADMIN, PARTNER or KIOSK.');
  }
  if (values.mall === undefined) throw new TokenUsageError('--mall is required, e.g. --mall lampung-tengah.');
  const mallOnly = role === 'ADMIN' || role === 'KIOSK';
  if (mallOnly && values.agency !== undefined) {
    throw new TokenUsageError(`A ${role} token names a mall only: drop --agency.`);
  }
  if (!mallOnly && values.agency === undefined) {
    throw new TokenUsageError(`An ${role} token needs --agency, e.g. --agency ${values.mall}:polres.`);
  }
  const identity: TokenIdentity = { role, mallId: values.mall, agencyId: values.agency ?? null };
  try {
    checkIdentity(identity);
  } catch (error) {
    if (error instanceof InvalidClaimsError) throw new TokenUsageError(error.message);
    throw error;
  }

  let expiresInSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS;
  if (values['expires-in'] !== undefined) {
    expiresInSeconds = /^\d+$/.test(values['expires-in']) ? Number(values['expires-in']) : Number.NaN;
    if (!(expiresInSeconds >= 1 && expiresInSeconds <= MAX_TOKEN_LIFETIME_SECONDS)) {
      throw new TokenUsageError(
        `--expires-in must be a whole number of seconds from 1 to ${MAX_TOKEN_LIFETIME_SECONDS}.`,
      );
    }
  }
  return { identity, expiresInSeconds };
}
