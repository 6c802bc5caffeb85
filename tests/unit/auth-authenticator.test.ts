/**
 * The authenticator against real tokens: the local issuer's (keys in temp dirs) and Cognito-shaped access
 * tokens signed with a test key that the Cognito verifier is given instead of fetching the pool's.
 */
import { chmod, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Authenticator,
  authenticatorFromEnv,
  authenticatorOptionsFromEnv,
  createAuthenticator,
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
} from '../../src/app/auth/authenticator.js';
import { claimsOf, InvalidClaimsError } from '../../src/app/auth/claims.js';
import { ConfigError } from '../../src/app/env.js';
import { PUBLIC_VIEWER, type Viewer } from '../../src/domain/access/viewer.js';
import { UnauthenticatedError } from '../../src/domain/shared/errors.js';
import { LocalIssuer, LocalIssuerKeyError } from '../../src/local/local-issuer.js';

/** A verified token's Viewer: the identity it was made for, and the token's subject. */
function withSubject(viewer: Viewer) {
  return { ...viewer, subject: expect.any(String) };
}

const MALL = 'lampung-tengah';
const POLRES = `${MALL}:polres`;
const OTHER_MALL_AGENCY = 'kota-sorong:disdukcapil';
const HOUR = 3600;

const OFFICER: Viewer = { role: 'OFFICER', mallId: MALL, agencyId: POLRES };
const ADMIN: Viewer = { role: 'ADMIN', mallId: MALL, agencyId: null };
const PARTNER: Viewer = { role: 'PARTNER', mallId: MALL, agencyId: POLRES };

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'loket-auth-test-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Asserts that `promise` rejects with UNAUTHENTICATED and a message that quotes no token. */
async function expectRefused(promise: Promise<unknown>, token?: string): Promise<UnauthenticatedError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the token to be refused');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UnauthenticatedError);
  const refused = error as UnauthenticatedError;
  expect(refused.code).toBe('UNAUTHENTICATED');
  expect(refused.message).toMatch(/^The token (is not valid|has expired)\.$/);
  if (token !== undefined) {
    for (const part of token.split('.').filter((p) => p.length > 8)) {
      expect(refused.message).not.toContain(part);
      expect(String((refused.cause as Error | undefined)?.message ?? '')).not.toContain(part);
    }
  }
  return refused;
}

let issuer: LocalIssuer;
let dataDir: string;
let auth: Authenticator;

beforeAll(async () => {
  dataDir = await tempDir();
  issuer = await LocalIssuer.open(dataDir);
  auth = createAuthenticator(issuer.authenticatorOptions());
});

describe('the local issuer and the authenticator', () => {
  it.each([OFFICER, ADMIN, PARTNER])('round-trips a $role token to its exact Viewer', async (viewer) => {
    const token = await issuer.sign(viewer);
    expect(await auth.authenticate(`Bearer ${token}`)).toEqual(withSubject(viewer));
  });

  it('gives the same Viewer through LOKET_AUTH_LOCAL_JWKS, the path the Lambda handler takes', async () => {
    const fromEnv = authenticatorFromEnv({ LOKET_AUTH_LOCAL_JWKS: JSON.stringify(issuer.jwks()) });
    for (const viewer of [OFFICER, ADMIN, PARTNER]) {
      expect(await fromEnv.authenticate(`Bearer ${await issuer.sign(viewer)}`)).toEqual(withSubject(viewer));
    }
  });

  it('accepts the scheme in any case and surrounding spaces', async () => {
    const token = await issuer.sign(ADMIN);
    expect(await auth.authenticate(`bearer ${token}`)).toEqual(withSubject(ADMIN));
    expect(await auth.authenticate(`  BEARER  ${token} `)).toEqual(withSubject(ADMIN));
  });

  it('makes a caller without a token PUBLIC, including the empty header logged-out Apollo clients send', async () => {
    expect(await auth.authenticate(undefined)).toBe(PUBLIC_VIEWER);
    expect(await auth.authenticate('')).toBe(PUBLIC_VIEWER);
    expect(await auth.authenticate('   ')).toBe(PUBLIC_VIEWER);
  });

  it('signs what Cognito would sign, with issuer loket-local and audience loket', async () => {
    const token = await issuer.sign(OFFICER);
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
    expect(header).toMatchObject({ alg: 'ES256', kid: issuer.jwks().keys[0]?.kid });
    expect(payload).toMatchObject({ iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, ...claimsOf(OFFICER) });
    expect((payload?.exp as number) - (payload?.iat as number)).toBe(12 * HOUR);
  });

  it('refuses to sign an identity that breaks the rules', async () => {
    await expect(issuer.sign({ role: 'OFFICER', mallId: MALL, agencyId: OTHER_MALL_AGENCY })).rejects.toThrow(
      InvalidClaimsError,
    );
    await expect(issuer.sign(ADMIN, { expiresInSeconds: 0 })).rejects.toThrow(RangeError);
  });

  describe('refuses, never as PUBLIC', () => {
    it.each([
      ['another scheme', 'Basic dXNlcjpwYXNz'],
      ['Bearer without a token', 'Bearer'],
      ['Bearer and spaces', 'Bearer   '],
      ['garbage', 'Bearer garbage'],
      ['three parts of garbage', 'Bearer abc.def.ghi'],
      ['a token without the scheme', 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln'],
      ['two tokens', 'Bearer a.b.c d.e.f'],
      ['a huge header', `Bearer ${'a'.repeat(5000)}.${'b'.repeat(5000)}.c`],
    ])('%s', async (_name, header) => {
      await expectRefused(auth.authenticate(header));
    });

    it('an expired token, saying it has expired', async () => {
      const token = await issuer.sign(OFFICER, {
        issuedAt: new Date(Date.now() - 2 * HOUR * 1000),
        expiresInSeconds: HOUR,
      });
      const error = await expectRefused(auth.authenticate(`Bearer ${token}`), token);
      expect(error.message).toBe('The token has expired.');
    });

    it('a token that is not valid yet', async () => {
      const token = await issuer.signClaims(claimsOf(ADMIN), {
        issuedAt: new Date(Date.now() + HOUR * 1000),
      });
      // aws-jwt-verify checks exp and nbf; a future iat alone is harmless, so add nbf.
      const withNbf = await issuer.signClaims({
        ...claimsOf(ADMIN),
        nbf: Math.floor(Date.now() / 1000) + HOUR,
      });
      expect(await auth.authenticate(`Bearer ${token}`)).toEqual(withSubject(ADMIN));
      await expectRefused(auth.authenticate(`Bearer ${withNbf}`), withNbf);
    });

    it('a token signed by the local issuer of another data directory', async () => {
      const other = await LocalIssuer.open(await tempDir());
      expect(other.jwks()).not.toEqual(issuer.jwks());
      const token = await other.sign(ADMIN);
      await expectRefused(auth.authenticate(`Bearer ${token}`), token);
      // ... and the other way round.
      await expectRefused(
        createAuthenticator(other.authenticatorOptions()).authenticate(`Bearer ${await issuer.sign(ADMIN)}`),
      );
    });

    it('a token whose signature was tampered with', async () => {
      const token = await issuer.sign(ADMIN);
      const [header, , signature] = token.split('.');
      const forgedPayload = Buffer.from(
        JSON.stringify({ ...claimsOf(ADMIN), 'loket:mall': 'kota-sorong' }),
      ).toString('base64url');
      await expectRefused(auth.authenticate(`Bearer ${header}.${forgedPayload}.${signature}`));
      await expectRefused(auth.authenticate(`Bearer ${token.slice(0, -4)}AAAA`));
      await expectRefused(auth.authenticate(`Bearer ${token}x`));
    });

    it('an unsigned token (alg none)', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none', kid: issuer.jwks().keys[0]?.kid })).toString(
        'base64url',
      );
      const payload = Buffer.from(
        JSON.stringify({
          iss: LOCAL_ISSUER,
          aud: LOCAL_AUDIENCE,
          exp: Date.now() / 1000 + HOUR,
          ...claimsOf(ADMIN),
        }),
      ).toString('base64url');
      await expectRefused(auth.authenticate(`Bearer ${header}.${payload}.`));
      await expectRefused(auth.authenticate(`Bearer ${header}.${payload}.c2ln`));
    });

    it('a token from another issuer or for another audience', async () => {
      const otherIssuer = await issuer.signClaims(claimsOf(ADMIN), { issuer: 'https://evil.example' });
      const otherAudience = await issuer.signClaims(claimsOf(ADMIN), { audience: 'another-api' });
      await expectRefused(auth.authenticate(`Bearer ${otherIssuer}`), otherIssuer);
      await expectRefused(auth.authenticate(`Bearer ${otherAudience}`), otherAudience);
    });

    it.each([
      [
        'an OFFICER of mall A with an agency of mall B',
        { 'cognito:groups': ['OFFICER'], 'loket:mall': MALL, 'loket:agency': OTHER_MALL_AGENCY },
      ],
      ['an OFFICER without agency', { 'cognito:groups': ['OFFICER'], 'loket:mall': MALL }],
      ['an ADMIN without mall', { 'cognito:groups': ['ADMIN'] }],
      [
        'an ADMIN with an agency',
        { 'cognito:groups': ['ADMIN'], 'loket:mall': MALL, 'loket:agency': POLRES },
      ],
      ['no role at all', { 'loket:mall': MALL, 'loket:agency': POLRES }],
      ['an unknown role', { 'cognito:groups': ['SUPERUSER'], 'loket:mall': MALL }],
      ['a PUBLIC group', { 'cognito:groups': ['PUBLIC'], 'loket:mall': MALL }],
      ['a partner without an agency', { scope: 'loket/partner.read' }],
      ['a partner of a malformed agency', { scope: 'loket/partner.read loket/agency:polres' }],
    ])('a well-signed token of %s', async (_name, claims) => {
      const token = await issuer.signClaims(claims);
      await expectRefused(auth.authenticate(`Bearer ${token}`), token);
    });
  });

  it('refuses every token, and lets PUBLIC through, when no issuer is configured', async () => {
    const none = createAuthenticator({ kind: 'none' });
    expect(await none.authenticate(undefined)).toBe(PUBLIC_VIEWER);
    await expectRefused(none.authenticate(`Bearer ${await issuer.sign(ADMIN)}`));
    expect(authenticatorOptionsFromEnv({})).toEqual({ kind: 'none' });
  });
});

describe('the local issuer keys', () => {
  it('are created in <data dir>/keys, the private key readable by its owner only', async () => {
    const keysDir = join(dataDir, 'keys');
    const files = await readdir(keysDir);
    expect(files).toEqual(['local-issuer.private.jwk.json']);
    expect((await stat(join(keysDir, files[0] ?? ''))).mode & 0o777).toBe(0o600);
    expect((await stat(keysDir)).mode & 0o777).toBe(0o700);
    // The JWKS the server trusts holds the public key only.
    expect(issuer.jwks().keys).toHaveLength(1);
    expect(issuer.jwks().keys[0]).not.toHaveProperty('d');
    expect(JSON.parse(await readFile(join(keysDir, files[0] ?? ''), 'utf8'))).toHaveProperty('d');
  });

  it('are reused when the issuer is opened again, so earlier tokens stay valid', async () => {
    const token = await issuer.sign(OFFICER);
    const reopened = await LocalIssuer.open(dataDir);
    expect(reopened.jwks()).toEqual(issuer.jwks());
    expect(
      await createAuthenticator(reopened.authenticatorOptions()).authenticate(`Bearer ${token}`),
    ).toEqual(withSubject(OFFICER));
  });

  it('are created once when several processes open a fresh directory at the same time', async () => {
    const dir = await tempDir();
    const issuers = await Promise.all(Array.from({ length: 8 }, () => LocalIssuer.open(dir)));
    const kids = new Set(issuers.map((opened) => opened.jwks().keys[0]?.kid));
    expect(kids.size).toBe(1);
    expect(await readdir(join(dir, 'keys'))).toEqual(['local-issuer.private.jwk.json']);
  });

  it('are refused when others can read the private key', async () => {
    const dir = await tempDir();
    await LocalIssuer.open(dir);
    await chmod(join(dir, 'keys', 'local-issuer.private.jwk.json'), 0o644);
    await expect(LocalIssuer.open(dir)).rejects.toThrow(LocalIssuerKeyError);
  });
});

describe('authenticatorOptionsFromEnv', () => {
  it('selects the AWS mode from LOKET_USER_POOL_ID, with the comma-separated client ids', () => {
    expect(
      authenticatorOptionsFromEnv({
        LOKET_USER_POOL_ID: 'ap-southeast-3_AbC123',
        LOKET_USER_POOL_CLIENT_IDS: 'console, partner1,,partner2',
      }),
    ).toEqual({
      kind: 'cognito',
      userPoolId: 'ap-southeast-3_AbC123',
      clientIds: ['console', 'partner1', 'partner2'],
    });
  });

  it('selects the local mode from LOKET_AUTH_LOCAL_JWKS', () => {
    expect(authenticatorOptionsFromEnv({ LOKET_AUTH_LOCAL_JWKS: JSON.stringify(issuer.jwks()) })).toEqual(
      issuer.authenticatorOptions(),
    );
  });

  it.each([
    [
      'both modes',
      {
        LOKET_USER_POOL_ID: 'ap-southeast-3_AbC123',
        LOKET_USER_POOL_CLIENT_IDS: 'c',
        LOKET_AUTH_LOCAL_JWKS: '{"keys":[]}',
      },
    ],
    ['a pool without client ids', { LOKET_USER_POOL_ID: 'ap-southeast-3_AbC123' }],
    ['a JWKS that is not JSON', { LOKET_AUTH_LOCAL_JWKS: '{keys' }],
    ['a JWKS that is not a key set', { LOKET_AUTH_LOCAL_JWKS: '{"keys":"none"}' }],
  ])('throws ConfigError for %s', (_name, env) => {
    expect(() => authenticatorOptionsFromEnv(env)).toThrow(ConfigError);
  });

  it('makes createAuthenticator throw ConfigError for a malformed pool id or no client ids', () => {
    expect(() =>
      createAuthenticator({ kind: 'cognito', userPoolId: 'not a pool', clientIds: ['c'] }),
    ).toThrow(ConfigError);
    expect(() =>
      createAuthenticator({ kind: 'cognito', userPoolId: 'ap-southeast-3_AbC123', clientIds: [] }),
    ).toThrow(ConfigError);
    expect(() =>
      authenticatorFromEnv({
        LOKET_USER_POOL_ID: 'ap-southeast-3_AbC123',
        LOKET_USER_POOL_CLIENT_IDS: ' , ',
      }),
    ).toThrow(ConfigError);
  });
});

describe('Cognito access tokens', () => {
  const USER_POOL_ID = 'ap-southeast-3_TestPool1';
  const COGNITO_ISSUER = `https://cognito-idp.ap-southeast-3.amazonaws.com/${USER_POOL_ID}`;
  const CONSOLE_CLIENT = 'consoleclientid0000000000a';
  let signCognito: (
    claims: Record<string, unknown>,
    options?: { kid?: string; expiresIn?: number },
  ) => Promise<string>;
  let cognito: Authenticator;

  beforeAll(async () => {
    // Cognito signs with RS256; the pool's JWKS is handed to the verifier instead of fetched.
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwks = {
      keys: [{ ...(await exportJWK(publicKey)), kid: 'pool-key-1', alg: 'RS256', use: 'sig' }],
    } as Jwks;
    signCognito = async (claims, { kid = 'pool-key-1', expiresIn = HOUR } = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ token_use: 'access', auth_time: now, jti: 'j', origin_jti: 'o', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuer(COGNITO_ISSUER)
        .setSubject('4b1f0c1e-0000-0000-0000-000000000000')
        .setIssuedAt(now)
        .setExpirationTime(now + expiresIn)
        .sign(privateKey);
    };
    cognito = createAuthenticator({
      kind: 'cognito',
      userPoolId: USER_POOL_ID,
      clientIds: [CONSOLE_CLIENT],
      jwks,
    });
  });

  it('gives a person the same Viewer as the local issuer does', async () => {
    const token = await signCognito({
      client_id: CONSOLE_CLIENT,
      username: 'petugas@polres.example.id',
      scope: 'aws.cognito.signin.user.admin',
      ...claimsOf(OFFICER),
    });
    expect(await cognito.authenticate(`Bearer ${token}`)).toEqual(withSubject(OFFICER));
    expect(
      await cognito.authenticate(
        `Bearer ${await signCognito({ client_id: CONSOLE_CLIENT, ...claimsOf(ADMIN) })}`,
      ),
    ).toEqual(withSubject(ADMIN));
  });

  it('refuses a KIOSK or PARTNER in the pool: machines are registered clients, never pool users', async () => {
    for (const viewer of [PARTNER, { role: 'KIOSK' as const, mallId: MALL, agencyId: null }]) {
      const token = await signCognito({ client_id: CONSOLE_CLIENT, ...claimsOf(viewer) });
      await expectRefused(cognito.authenticate(`Bearer ${token}`), token);
    }
  });

  it.each([
    ['an ID token', { token_use: 'id', aud: CONSOLE_CLIENT, ...claimsOf(ADMIN) }],
    ['a token of another app client', { client_id: 'someotherclient000000000c', ...claimsOf(ADMIN) }],
    ['a token without the trigger claims', { client_id: CONSOLE_CLIENT, 'cognito:groups': ['ADMIN'] }],
  ])('refuses %s', async (_name, claims) => {
    const token = await signCognito(claims);
    await expectRefused(cognito.authenticate(`Bearer ${token}`), token);
  });

  it('refuses an expired token, a local token, and a token of a key the pool does not have, without fetching', async () => {
    await expectRefused(
      cognito.authenticate(
        `Bearer ${await signCognito({ client_id: CONSOLE_CLIENT, ...claimsOf(ADMIN) }, { expiresIn: -60 })}`,
      ),
    );
    await expectRefused(cognito.authenticate(`Bearer ${await issuer.sign(ADMIN)}`));
    await expectRefused(
      cognito.authenticate(
        `Bearer ${await signCognito({ client_id: CONSOLE_CLIENT, ...claimsOf(ADMIN) }, { kid: 'unknown' })}`,
      ),
    );
  });
});
