/**
 * Who is calling: the bearer token of a request, verified with aws-jwt-verify, as a Viewer.
 *
 * The Lambda handler and the local server build the same authenticator from env
 * ({@link authenticatorFromEnv}); only the trust root differs: the Cognito user pool in AWS, the local
 * issuer's public keys (`LOKET_AUTH_LOCAL_JWKS`) on a laptop. The claims read are the same in both
 * (see `claims.ts`).
 */
import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { FetchError, JwksValidationError, JwtBaseError, JwtExpiredError } from 'aws-jwt-verify/error';
import { assertIsJwks, type Jwks } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { Json } from 'aws-jwt-verify/safe-json-parse';
import { PUBLIC_VIEWER, type Viewer } from '../../domain/access/viewer.js';
import { UnauthenticatedError } from '../../domain/shared/errors.js';
import { ConfigError, requireEnv } from '../env.js';
import { logger } from '../logger.js';
import { InvalidClaimsError, PEOPLE_ROLES, viewerFromClaims } from './claims.js';
import { type MachineClientKeys, machineIssuerOf, verifyMachineToken } from './machine-token.js';

/** Turns the Authorization header of a request into the caller. */
export interface Authenticator {
  /**
   * The Viewer of `authorizationHeader`: PUBLIC_VIEWER when there is no header (or an empty one, which
   * Apollo clients send when logged out); the token's Viewer for `Bearer <jwt>` with a valid token.
   * Rejects with UnauthenticatedError for anything else (another scheme, a malformed, expired, foreign or
   * badly signed token, claims that break the rules), never falling back to PUBLIC. Rejects with another
   * error only when the verifier itself fails (the JWKS cannot be fetched). Never logs the token.
   */
  authenticate(authorizationHeader: string | undefined): Promise<Viewer>;
}

/** Issuer (`iss`) of the local issuer's tokens. */
export const LOCAL_ISSUER = 'loket-local';
/** Audience (`aud`) of the local issuer's tokens. */
export const LOCAL_AUDIENCE = 'loket';

/** What to trust. */
export type AuthenticatorOptions =
  | {
      /** AWS: access tokens of a Cognito user pool. */
      readonly kind: 'cognito';
      /** E.g. `ap-southeast-3_AbCdEf123`; the region and issuer follow from it. */
      readonly userPoolId: string;
      /** The app clients whose tokens are accepted (the staff consoles' client). */
      readonly clientIds: readonly string[];
      /**
       * The pool's public keys, when they must not be fetched (tests, no network). Without it, the JWKS
       * is fetched from Cognito on the first token and cached by aws-jwt-verify.
       */
      readonly jwks?: Jwks;
    }
  | {
      /** Local: tokens of the local issuer (`npm run token`), checked against its public keys only. */
      readonly kind: 'local';
      readonly jwks: Jwks;
    }
  | {
      /** No issuer configured: no token is valid, and callers without one are PUBLIC. */
      readonly kind: 'none';
    };

/** The environment variables {@link authenticatorFromEnv} reads. */
export const AUTH_ENV = {
  /** The Cognito user pool id; its presence selects the AWS mode. */
  userPoolId: 'LOKET_USER_POOL_ID',
  /** Comma-separated app client ids whose access tokens are accepted; required with the pool id. */
  userPoolClientIds: 'LOKET_USER_POOL_CLIENT_IDS',
  /** The local issuer's JWKS as JSON (`JSON.stringify(issuer.jwks())`); selects the local mode. */
  localJwks: 'LOKET_AUTH_LOCAL_JWKS',
} as const;

/** Longest Authorization header read. API Gateway allows 10 KB of headers; Cognito tokens are about 1 KB. */
const MAX_HEADER_LENGTH = 8192;
/** `Bearer` (any case, RFC 7235) and a compact JWS: three base64url parts. */
const BEARER = /^bearer +([\w-]+\.[\w-]+\.[\w-]+) *$/i;
/** Never fetched: the local verifier only uses the JWKS it is given. */
const LOCAL_JWKS_URI = 'https://loket-local.invalid/.well-known/jwks.json';

const INVALID_TOKEN = 'The token is not valid.';
const EXPIRED_TOKEN = 'The token has expired.';

/**
 * An authenticator that trusts what `options` says. Throws ConfigError when the options are malformed,
 * so a bad deployment fails at start-up rather than on the first request.
 */
export function createAuthenticator(
  options: AuthenticatorOptions,
  machineClients?: MachineClientKeys,
): Authenticator {
  const verify = verifierFor(options);
  const authenticate = async (authorizationHeader: string | undefined): Promise<Viewer> => {
    try {
      return await authenticateToken(authorizationHeader);
    } catch (error) {
      // A refused token is worth a line (probing, a client with a stale key); the token itself never is.
      if (error instanceof UnauthenticatedError) {
        logger.warn('Token refused', { code: error.code, reason: refusalReason(error) });
      }
      throw error;
    }
  };
  const authenticateToken = async (authorizationHeader: string | undefined): Promise<Viewer> => {
    const jwt = bearerToken(authorizationHeader);
    if (jwt === null) return PUBLIC_VIEWER;
    // A registered kiosk or partner system signs its own tokens, with its id as the issuer (machine-token.ts).
    const machineIssuer = machineIssuerOf(jwt);
    if (machineIssuer !== null) {
      if (!machineClients) throw new UnauthenticatedError(INVALID_TOKEN);
      // Outside the try: a failed read of the key is ours (an internal error), not the token's fault.
      const client = await machineClients.get(machineIssuer);
      let viewer: Viewer;
      try {
        viewer = verifyMachineToken(jwt, client);
      } catch (error) {
        throw new UnauthenticatedError(error instanceof JwtExpiredError ? EXPIRED_TOKEN : INVALID_TOKEN, {
          cause: error,
        });
      }
      return viewer;
    }
    let payload: JwtPayload;
    try {
      payload = await verify(jwt);
    } catch (error) {
      // The verifier's own failures are ours, not the caller's: they surface as internal errors. Anything
      // else is the token's fault, including the plain Errors that node:crypto throws for a mangled signature.
      if (isVerifierFailure(error)) throw error;
      throw new UnauthenticatedError(error instanceof JwtExpiredError ? EXPIRED_TOKEN : INVALID_TOKEN, {
        cause: error,
      });
    }
    try {
      const viewer = viewerFromClaims(payload);
      // Cognito holds people only: a kiosk or partner is a registered machine client, never a pool user.
      if (options.kind === 'cognito' && !(PEOPLE_ROLES as readonly string[]).includes(viewer.role)) {
        throw new InvalidClaimsError('A Cognito token is a person’s: ADMIN or OFFICER.');
      }
      return viewer;
    } catch (error) {
      if (error instanceof InvalidClaimsError)
        throw new UnauthenticatedError(INVALID_TOKEN, { cause: error });
      throw error;
    }
  };
  return { authenticate };
}

/** Why a token was refused, in words safe to log: nothing of the token or its claims. */
function refusalReason(error: UnauthenticatedError): string {
  if (error.cause instanceof JwtExpiredError) return 'expired';
  if (error.cause instanceof InvalidClaimsError) return 'claims';
  return error.cause === undefined ? 'malformed' : 'signature-or-issuer';
}

/**
 * The options of {@link AUTH_ENV}: AWS mode when `LOKET_USER_POOL_ID` is set (with
 * `LOKET_USER_POOL_CLIENT_IDS`), local mode when `LOKET_AUTH_LOCAL_JWKS` is set, otherwise `none` (every
 * token refused, no token PUBLIC). Throws ConfigError when both are set or a value is malformed.
 */
export function authenticatorOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthenticatorOptions {
  const userPoolId = env[AUTH_ENV.userPoolId] || undefined;
  const localJwks = env[AUTH_ENV.localJwks] || undefined;
  if (userPoolId !== undefined && localJwks !== undefined) {
    throw new ConfigError(`Set ${AUTH_ENV.userPoolId} or ${AUTH_ENV.localJwks}, not both`);
  }
  if (userPoolId !== undefined) {
    const clientIds = requireEnv(AUTH_ENV.userPoolClientIds, env)
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    return { kind: 'cognito', userPoolId, clientIds };
  }
  if (localJwks !== undefined) return { kind: 'local', jwks: parseJwks(localJwks) };
  return { kind: 'none' };
}

/** `createAuthenticator(authenticatorOptionsFromEnv(env))`: the authenticator of the Lambda and the local server. */
export function authenticatorFromEnv(env: NodeJS.ProcessEnv = process.env): Authenticator {
  return createAuthenticator(authenticatorOptionsFromEnv(env));
}

/** The JWT of a `Bearer` header; null for no header; throws UnauthenticatedError for anything else. */
function bearerToken(header: string | undefined): string | null {
  if (header === undefined || header.trim() === '') return null;
  const match = header.length <= MAX_HEADER_LENGTH ? BEARER.exec(header.trim()) : null;
  if (!match?.[1]) throw new UnauthenticatedError(INVALID_TOKEN);
  return match[1];
}

function verifierFor(options: AuthenticatorOptions): (jwt: string) => Promise<JwtPayload> {
  switch (options.kind) {
    case 'cognito': {
      if (options.clientIds.length === 0)
        throw new ConfigError('At least one user pool client id is required');
      const verifier = configured(() =>
        CognitoJwtVerifier.create({
          userPoolId: options.userPoolId,
          // Access tokens for people and machines alike: ID tokens are for the client, not for APIs.
          tokenUse: 'access',
          clientId: [...options.clientIds],
        }),
      );
      const { jwks } = options;
      if (jwks === undefined) return (jwt) => verifier.verify(jwt);
      configured(() => verifier.cacheJwks(jwks));
      // verifySync never fetches: a token whose key is not in `jwks` is refused.
      return async (jwt) => verifier.verifySync(jwt);
    }
    case 'local': {
      const verifier = configured(() =>
        JwtVerifier.create({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwksUri: LOCAL_JWKS_URI }),
      );
      configured(() => verifier.cacheJwks(options.jwks));
      return async (jwt) => verifier.verifySync(jwt);
    }
    case 'none':
      return async () => {
        throw new UnauthenticatedError(INVALID_TOKEN);
      };
  }
}

/**
 * Failures to get the issuer's keys, rather than faults of the token. (Configuration errors are thrown
 * when the authenticator is created; at verification time a ParameterValidationError means the token
 * names an issuer that is not configured, which is the token's fault.)
 */
function isVerifierFailure(error: unknown): boolean {
  return error instanceof FetchError || error instanceof JwksValidationError;
}

/** Runs a verifier set-up step, turning aws-jwt-verify's parameter errors into ConfigError. */
function configured<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof JwtBaseError) {
      throw new ConfigError(`Invalid token verifier configuration: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

function parseJwks(json: string): Jwks {
  try {
    const jwks = JSON.parse(json) as Json;
    assertIsJwks(jwks);
    return jwks;
  } catch (error) {
    throw new ConfigError(`${AUTH_ENV.localJwks} must be a JSON Web Key Set`, { cause: error });
  }
}
