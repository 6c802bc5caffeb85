/**
 * Machine clients without I/O (docs/tokens-and-errors.md, 'Machine clients'): which public keys are
 * accepted, which self-signed tokens verify against them, and how long an instance keeps a client.
 */
import { describe, expect, it } from 'vitest';
import { machineIssuerOf, verifyMachineToken } from '../../src/app/auth/machine-token.js';
import {
  type MachineClient,
  MachineClientDirectory,
  newMachineClientId,
  parsePublicJwk,
} from '../../src/domain/admin/machine-client.js';
import { BadInputError } from '../../src/domain/shared/errors.js';
import { ManualClock } from '../../src/domain/time/clock.js';
import { newMachineKeyPair, signMachineToken } from '../../src/local/machine-client-key.js';

const ID = 'mc-abcdefghijklmnopqrstuvwxyz';

async function client(overrides: Partial<MachineClient> = {}) {
  const pair = await newMachineKeyPair();
  const registered: MachineClient = {
    id: ID,
    kind: 'KIOSK',
    name: 'Kiosk 1',
    mallId: 'lampung-tengah',
    agencyId: null,
    publicJwk: parsePublicJwk(JSON.stringify(pair.publicJwk), 'input.publicKeyJwk'),
    createdAt: '2026-12-01T01:00:00.000Z',
    revokedAt: null,
    ...overrides,
  };
  return { registered, privateJwk: pair.privateJwk };
}

describe('parsePublicJwk', () => {
  it('keeps the public EC P-256 key, its kid, and nothing else', async () => {
    const { publicJwk } = await newMachineKeyPair();
    const key = parsePublicJwk(JSON.stringify({ ...publicJwk, ext: true }), 'f');
    expect(key).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: publicJwk.x,
      y: publicJwk.y,
      alg: 'ES256',
      use: 'sig',
      kid: publicJwk.kid,
    });
  });

  it.each([
    ['not JSON', () => 'x', /must be a JSON Web Key/],
    [
      'a private key',
      (j: Record<string, unknown>, d: unknown) => JSON.stringify({ ...j, d }),
      /holds a private key/,
    ],
    ['another curve', (j: Record<string, unknown>) => JSON.stringify({ ...j, crv: 'P-384' }), /P-256/],
    ['RS256', (j: Record<string, unknown>) => JSON.stringify({ ...j, alg: 'RS256' }), /alg must be ES256/],
    [
      'a point off the curve',
      (j: Record<string, unknown>) => JSON.stringify({ ...j, y: j.x }),
      /not a point on the P-256 curve/,
    ],
  ])('refuses %s, naming the field', async (_name, make, message) => {
    const { publicJwk, privateJwk } = await newMachineKeyPair();
    const error = (() => {
      try {
        parsePublicJwk(make(publicJwk as Record<string, unknown>, privateJwk.d), 'input.publicKeyJwk');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).field).toBe('input.publicKeyJwk');
    expect((error as Error).message).toMatch(message);
  });
});

describe('verifyMachineToken', () => {
  it('turns a KIOSK token into the KIOSK of its mall and a PARTNER token into its mall and agency, kid or not', async () => {
    const kiosk = await client();
    expect(verifyMachineToken(await signMachineToken(ID, kiosk.privateJwk), kiosk.registered)).toEqual({
      role: 'KIOSK',
      mallId: 'lampung-tengah',
      agencyId: null,
      subject: ID,
    });
    const partner = await client({ kind: 'PARTNER', agencyId: 'lampung-tengah:polres' });
    const token = await signMachineToken(ID, partner.privateJwk, { withKid: false });
    expect(verifyMachineToken(token, partner.registered)).toMatchObject({
      role: 'PARTNER',
      agencyId: 'lampung-tengah:polres',
    });
  });

  it('refuses an unknown or revoked client, another key, another subject, over an hour, expired, from the future', async () => {
    const { registered, privateJwk } = await client();
    const other = await newMachineKeyPair();
    const now = Date.now();
    const refused = [
      [await signMachineToken(ID, privateJwk), null],
      [await signMachineToken(ID, privateJwk), { ...registered, revokedAt: '2026-12-01T02:00:00.000Z' }],
      [await signMachineToken(ID, other.privateJwk), registered],
      [await signMachineToken(ID, other.privateJwk, { withKid: false }), registered],
      [await signMachineToken(ID, privateJwk, { subject: 'mc-zzzzzzzzzzzzzzzzzzzzzzzzzz' }), registered],
      [await signMachineToken(ID, privateJwk, { expiresInSeconds: 3601 }), registered],
      [await signMachineToken(ID, privateJwk, { issuedAt: new Date(now - 2 * 3600_000) }), registered],
      [
        await signMachineToken(ID, privateJwk, { issuedAt: new Date(now + 600_000), expiresInSeconds: 60 }),
        registered,
      ],
      [
        await signMachineToken(ID, privateJwk),
        { ...registered, publicJwk: { ...registered.publicJwk, kid: 'another' } },
      ],
    ] as const;
    for (const [token, known] of refused) expect(() => verifyMachineToken(token, known)).toThrow();
  });

  it('reads the issuer only of machine-client ids', async () => {
    const { privateJwk } = await client();
    expect(machineIssuerOf(await signMachineToken(ID, privateJwk))).toBe(ID);
    expect(machineIssuerOf(await signMachineToken('loket-local', privateJwk))).toBeNull();
    expect(machineIssuerOf('not.a.jwt')).toBeNull();
  });
});

describe('MachineClientDirectory', () => {
  it('reads a client once per 60 s, remembers an unknown id too, and forgets on demand', async () => {
    const clock = new ManualClock(new Date('2026-12-01T03:00:00Z'));
    let reads = 0;
    const directory = new MachineClientDirectory(
      {
        getMachineClient: async (id) => {
          reads++;
          return id === ID ? (await client()).registered : null;
        },
      },
      clock,
    );
    await directory.get(ID);
    await directory.get('mc-unknownunknownunknownunk');
    clock.advance(59_999);
    await directory.get(ID);
    await directory.get('mc-unknownunknownunknownunk');
    expect(reads).toBe(2);
    clock.advance(1);
    await directory.get(ID);
    expect(reads).toBe(3);
    directory.forget(ID);
    await directory.get(ID);
    expect(reads).toBe(4);
  });

  it('makes ids that are machine-client ids', () => {
    let n = 0;
    const id = newMachineClientId({ bytes: (k) => Uint8Array.from({ length: k }, () => n++) });
    expect(id).toMatch(/^mc-[a-z2-7]{26}$/);
  });
});
