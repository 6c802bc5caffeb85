/**
 * The local token issuer: what Cognito is in AWS, for a laptop. Its ES256 key pair lives in
 * `<LOKET_DATA_DIR>/keys/`, created on first use; `npm run token` signs with it, and the local server
 * trusts its public key only, through the same authenticator as the Lambda (`LOKET_AUTH_LOCAL_JWKS`).
 *
 * Dev-only: it uses jose (a devDependency) and is never imported by the Lambda handler.
 */
import { randomUUID } from 'node:crypto';
import { chmod, link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Jwks } from 'aws-jwt-verify/jwk';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  SignJWT,
} from 'jose';
import { type AuthenticatorOptions, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../app/auth/authenticator.js';
import { checkIdentity, claimsOf, type TokenIdentity } from '../app/auth/claims.js';

const ALGORITHM = 'ES256';
/** The private key, as a JWK with its `kid`; readable by its owner only. */
const KEY_FILE = 'local-issuer.private.jwk.json';

/** Lifetime of a token when none is given: one working day. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;
/** Longest lifetime `sign` accepts: 30 days. */
export const MAX_TOKEN_LIFETIME_SECONDS = 30 * 24 * 60 * 60;

/** Options of {@link LocalIssuer.sign}. */
export interface SignOptions {
  /**
   * Seconds from `issuedAt` to expiry; a positive integer up to {@link MAX_TOKEN_LIFETIME_SECONDS}.
   *
   * @default DEFAULT_TOKEN_LIFETIME_SECONDS (12 hours)
   */
  readonly expiresInSeconds?: number;
  /**
   * The token's `iat`. Tests pass an instant in the past to get an expired token.
   *
   * @default - now
   */
  readonly issuedAt?: Date;
  /**
   * The token's `sub`: who the caller is (a person, or a device such as a kiosk).
   *
   * @default - `local:<random uuid>`
   */
  readonly subject?: string;
}

/**
 * Options of {@link LocalIssuer.signClaims}, which can also mint tokens that the server must refuse.
 */
export interface RawSignOptions extends SignOptions {
  /** @default LOCAL_ISSUER */
  readonly issuer?: string;
  /** @default LOCAL_AUDIENCE */
  readonly audience?: string;
}

/** The local issuer's key file is missing its key, or is readable by others. */
export class LocalIssuerKeyError extends Error {
  override readonly name = 'LocalIssuerKeyError';
}

type PrivateJwk = JWK & { kid: string; kty: string };

/** Signs tokens that the local server accepts, with the key pair of one data directory. */
export class LocalIssuer {
  private constructor(
    private readonly privateKey: CryptoKey | Uint8Array,
    private readonly publicJwk: Readonly<PrivateJwk>,
  ) {}

  /**
   * The issuer of `dataDir`, whose key pair is `<dataDir>/keys/local-issuer.private.jwk.json` (file mode
   * 0600, folder 0700): read when it exists, created otherwise. Safe when two processes open the same
   * folder at once: both end up with the key that reached the disk first. Throws LocalIssuerKeyError when
   * the file is unreadable as a key or readable by group or others.
   */
  static async open(dataDir: string): Promise<LocalIssuer> {
    const folder = join(dataDir, 'keys');
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const file = join(folder, KEY_FILE);
    const privateJwk = (await readPrivateJwk(file)) ?? (await createPrivateJwk(file));
    const { d: _private, ...publicJwk } = privateJwk;
    const privateKey = await importJWK(privateJwk, ALGORITHM);
    return new LocalIssuer(privateKey, { ...publicJwk, kid: privateJwk.kid, kty: privateJwk.kty });
  }

  /**
   * A token for `identity`, which must follow the rules of `checkIdentity` (throws InvalidClaimsError
   * otherwise): the claims Cognito would give that caller, issuer `loket-local`, audience `loket`.
   */
  async sign(identity: TokenIdentity, options: SignOptions = {}): Promise<string> {
    return this.signClaims(claimsOf(checkIdentity(identity)), options);
  }

  /**
   * Signs `claims` as they are, without checking them, plus `iss`, `aud`, `sub`, `iat`, `exp` and `jti`.
   * For tests and tools that need tokens the server must refuse (another issuer, missing claims).
   */
  async signClaims(claims: Readonly<Record<string, unknown>>, options: RawSignOptions = {}): Promise<string> {
    const lifetime = options.expiresInSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
    if (!Number.isInteger(lifetime) || lifetime <= 0 || lifetime > MAX_TOKEN_LIFETIME_SECONDS) {
      throw new RangeError(`expiresInSeconds must be an integer from 1 to ${MAX_TOKEN_LIFETIME_SECONDS}`);
    }
    const issuedAt = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: ALGORITHM, kid: this.publicJwk.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? LOCAL_ISSUER)
      .setAudience(options.audience ?? LOCAL_AUDIENCE)
      .setSubject(options.subject ?? `local:${randomUUID()}`)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + lifetime)
      .sign(this.privateKey);
  }

  /** The public key set: what the server trusts. */
  jwks(): Jwks {
    return { keys: [{ ...this.publicJwk }] } as Jwks;
  }

  /** Options for `createAuthenticator` that trust this issuer only. */
  authenticatorOptions(): AuthenticatorOptions {
    return { kind: 'local', jwks: this.jwks() };
  }
}

async function readPrivateJwk(file: string): Promise<PrivateJwk | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // Mode bits mean nothing on Windows.
  if (process.platform !== 'win32' && ((await stat(file)).mode & 0o077) !== 0) {
    throw new LocalIssuerKeyError(`${file} is readable by other users; run: chmod 600 ${file}`);
  }
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    jwk = null;
  }
  if (!isPrivateJwk(jwk)) {
    throw new LocalIssuerKeyError(
      `${file} does not hold the local issuer's key; delete it to make a new one`,
    );
  }
  return jwk;
}

/** Creates the key file atomically: written aside, then hard-linked into place, which fails if it exists. */
async function createPrivateJwk(file: string): Promise<PrivateJwk> {
  const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const exported = await exportJWK(privateKey);
  const { kty, crv, x, y } = exported;
  const kid = await calculateJwkThumbprint({ kty, crv, x, y });
  const jwk: PrivateJwk = { ...exported, kty: kty ?? 'EC', kid, alg: ALGORITHM, use: 'sig' };

  const aside = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(aside, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await chmod(aside, 0o600);
    await link(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(aside);
  }
  const stored = await readPrivateJwk(file);
  if (!stored) throw new LocalIssuerKeyError(`${file} vanished while it was being created`);
  return stored;
}

function isPrivateJwk(value: unknown): value is PrivateJwk {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return (
    jwk.kty === 'EC' &&
    jwk.crv === 'P-256' &&
    jwk.alg === ALGORITHM &&
    ['kid', 'x', 'y', 'd'].every((field) => typeof jwk[field] === 'string' && jwk[field] !== '')
  );
}
