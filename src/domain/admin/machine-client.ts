/**
 * Machine clients: kiosks and partner systems, registered as data with their public key. A client signs
 * its own short-lived ES256 tokens (iss = sub = its id, aud = `loket`, at most an hour); Loket keeps only
 * the public half (docs/domain-rules.md, 'Administration and machine clients').
 */
import { createPublicKey } from 'node:crypto';
import type { Viewer } from '../access/viewer.js';
import { BadInputError } from '../shared/errors.js';
import type { RandomSource } from '../shared/random.js';
import type { Clock } from '../time/clock.js';
import type { AuditEntry } from './audit.js';

/** What a machine client is. */
export const MACHINE_CLIENT_KINDS = ['KIOSK', 'PARTNER'] as const;
export type MachineClientKind = (typeof MACHINE_CLIENT_KINDS)[number];

/** The public half of a client's EC P-256 key, as stored and as verified against. */
export interface PublicEcJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  alg: 'ES256';
  use: 'sig';
  kid?: string;
}

/** A registered kiosk or partner system. */
export interface MachineClient {
  /** The `iss` and `sub` of its tokens. */
  id: string;
  kind: MachineClientKind;
  name: string;
  mallId: string;
  /** The partner's agency; null for a kiosk. */
  agencyId: string | null;
  publicJwk: PublicEcJwk;
  createdAt: string;
  revokedAt: string | null;
}

/** The audience (`aud`) of every machine-client token. */
export const MACHINE_TOKEN_AUDIENCE = 'loket';
/** Longest lifetime of a machine-client token (`exp` - `iat`), in seconds. */
export const MAX_MACHINE_TOKEN_LIFETIME_SECONDS = 3600;
/** What every machine-client id starts with: how a token's issuer is told from Cognito's and the local issuer's. */
export const MACHINE_CLIENT_ID_PREFIX = 'mc-';
const MACHINE_CLIENT_ID = /^mc-[a-z2-7]{26}$/;

/** Whether `issuer` is a machine-client id (well formed; not whether it is registered). */
export function isMachineClientId(issuer: string): boolean {
  return MACHINE_CLIENT_ID.test(issuer);
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A new, unguessable machine-client id: `mc-` and 26 base32 letters (130 random bits). */
export function newMachineClientId(random: RandomSource): string {
  const bytes = random.bytes(26);
  return `${MACHINE_CLIENT_ID_PREFIX}${Array.from(bytes, (b) => BASE32[b & 31]).join('')}`;
}

/** The caller a verified token of `client` is: KIOSK of its mall, or PARTNER of its mall and agency. */
export function viewerOfMachineClient(client: MachineClient): Viewer {
  return client.kind === 'KIOSK'
    ? { role: 'KIOSK', mallId: client.mallId, agencyId: null, subject: client.id }
    : { role: 'PARTNER', mallId: client.mallId, agencyId: client.agencyId, subject: client.id };
}

const B64URL_32_BYTES = /^[A-Za-z0-9_-]{43}$/;

/**
 * The public key of `json`, a JWK of an EC P-256 public key (a point on the curve), as stored. A private
 * key is refused: Loket never holds a machine client's secret.
 * @throws BadInputError naming `field`.
 */
export function parsePublicJwk(json: string, field: string): PublicEcJwk {
  const refuse = (reason: string): never => {
    throw new BadInputError(`${field}: ${reason}`, field);
  };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    refuse('must be a JSON Web Key (JSON)');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    refuse('must be a JSON Web Key object');
  const jwk = value as Record<string, unknown>;
  if ('d' in jwk) refuse('holds a private key: send only the public half (without "d")');
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256')
    refuse('must be an EC key on the P-256 curve (kty EC, crv P-256)');
  if (
    typeof jwk.x !== 'string' ||
    typeof jwk.y !== 'string' ||
    !B64URL_32_BYTES.test(jwk.x) ||
    !B64URL_32_BYTES.test(jwk.y)
  ) {
    refuse('x and y must be 32-byte base64url coordinates');
  }
  if (jwk.alg !== undefined && jwk.alg !== 'ES256') refuse('alg must be ES256 when given');
  if (jwk.use !== undefined && jwk.use !== 'sig') refuse('use must be sig when given');
  if (jwk.kid !== undefined && (typeof jwk.kid !== 'string' || jwk.kid === '' || jwk.kid.length > 100)) {
    refuse('kid must be a string of 1 to 100 characters when given');
  }
  const key: PublicEcJwk = {
    kty: 'EC',
    crv: 'P-256',
    x: jwk.x as string,
    y: jwk.y as string,
    alg: 'ES256',
    use: 'sig',
    ...(typeof jwk.kid === 'string' ? { kid: jwk.kid } : {}),
  };
  try {
    // Pure: refuses coordinates that are not a point of the curve.
    createPublicKey({ key: { kty: key.kty, crv: key.crv, x: key.x, y: key.y }, format: 'jwk' });
  } catch {
    refuse('is not a point on the P-256 curve');
  }
  return key;
}

/** Where machine clients are kept (the DynamoDB adapter implements it). */
export interface MachineClientRepository {
  /** The client, revoked or not; null when there is none. One GetItem. */
  getMachineClient(id: string): Promise<MachineClient | null>;
  /** The mall's clients, oldest first. */
  listMachineClients(mallId: string): Promise<MachineClient[]>;
  /** Stores a new client and its audit entry in one transaction. */
  registerMachineClient(client: MachineClient, audit: AuditEntry): Promise<void>;
  /**
   * Marks `current` (as just read) revoked at `revokedAt` with its audit entry, in one transaction, on
   * condition that it is not revoked yet; returns it, or the revocation that came first.
   */
  revokeMachineClient(current: MachineClient, revokedAt: string, audit: AuditEntry): Promise<MachineClient>;
}

interface CachedClient {
  loadedAt: number;
  value: Promise<MachineClient | null>;
}

/** Options of the {@link MachineClientDirectory}. */
export interface MachineClientDirectoryOptions {
  /** Oldest copy of a client served, in ms: the longest a revocation takes to reach this instance. @default 60000 */
  maxAgeMs?: number;
}

/**
 * The instance's cache of machine clients for token verification: a warm key costs no request, and a
 * copy is at most `maxAgeMs` old, so a revocation reaches every instance within that time. Unknown ids
 * are cached too, so forged issuers cannot make every request read the table.
 */
export class MachineClientDirectory {
  private readonly clients = new Map<string, CachedClient>();
  private readonly maxAgeMs: number;

  constructor(
    private readonly repository: Pick<MachineClientRepository, 'getMachineClient'>,
    private readonly clock: Clock,
    options: MachineClientDirectoryOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
  }

  /** The client of `id` as this instance knows it, at most `maxAgeMs` old. */
  get(id: string): Promise<MachineClient | null> {
    const now = this.clock.now().getTime();
    const cached = this.clients.get(id);
    if (cached && now - cached.loadedAt < this.maxAgeMs) return cached.value;
    // Bounded: a flood of made-up ids replaces the cache rather than growing it.
    if (this.clients.size >= 10_000) this.clients.clear();
    const value = this.repository.getMachineClient(id);
    value.catch(() => this.clients.delete(id));
    this.clients.set(id, { loadedAt: now, value });
    return value;
  }

  /** Forgets one client: this instance sees a change it made itself at once. */
  forget(id: string): void {
    this.clients.delete(id);
  }
}
