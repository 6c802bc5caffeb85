/**
 * A machine client's own side, for laptops, scripts and tests: its key pair, the file that keeps the
 * private half (`npm run machine-client`), and the ES256 tokens it signs (`npm run token -- --client`).
 * Loket only ever sees the public half, in `registerMachineClient`.
 *
 * Dev-only: it uses jose (a devDependency) and is never imported by the Lambda handler.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import {
  MACHINE_TOKEN_AUDIENCE,
  MAX_MACHINE_TOKEN_LIFETIME_SECONDS,
  type MachineClientKind,
} from '../domain/admin/machine-client.js';

/** A fresh EC P-256 key pair as JWKs; the public half carries a `kid` (its thumbprint). */
export async function newMachineKeyPair(): Promise<{ publicJwk: JWK; privateJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    publicJwk: { ...publicJwk, kid, alg: 'ES256', use: 'sig' },
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' },
  };
}

/** What the client file keeps: who the client is and its private key (mode 0600). */
export interface MachineClientFile {
  id: string;
  kind: MachineClientKind;
  name: string;
  mallId: string;
  agencyId: string | null;
  /** The API it was registered with, when not the local server. */
  api: string | null;
  privateJwk: JWK;
}

/** Writes the client file, readable by its owner only. */
export async function writeMachineClientFile(path: string, file: MachineClientFile): Promise<void> {
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(path, 0o600);
}

/** Reads a client file written by {@link writeMachineClientFile}. */
export async function readMachineClientFile(path: string): Promise<MachineClientFile> {
  const file = JSON.parse(await readFile(path, 'utf8')) as MachineClientFile;
  if (typeof file.id !== 'string' || typeof file.privateJwk?.d !== 'string') {
    throw new Error(`${path} is not a machine client file (npm run machine-client makes one)`);
  }
  return file;
}

/** Options of {@link signMachineToken}. */
export interface MachineTokenOptions {
  /** @default MAX_MACHINE_TOKEN_LIFETIME_SECONDS (one hour) */
  expiresInSeconds?: number;
  /** @default now */
  issuedAt?: Date;
  /** Put the key's `kid` in the header. @default true */
  withKid?: boolean;
  /** Another `sub` than the id (for tokens that must be refused). */
  subject?: string;
}

/** A token of the client `id`, signed with `privateJwk`: iss = sub = id, aud = loket. */
export async function signMachineToken(
  id: string,
  privateJwk: JWK,
  options: MachineTokenOptions = {},
): Promise<string> {
  const key = await importJWK(privateJwk, 'ES256');
  const iat = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
  const withKid = options.withKid ?? true;
  return new SignJWT({})
    .setProtectedHeader({
      alg: 'ES256',
      typ: 'JWT',
      ...(withKid && privateJwk.kid ? { kid: privateJwk.kid } : {}),
    })
    .setIssuer(id)
    .setSubject(options.subject ?? id)
    .setAudience(MACHINE_TOKEN_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.expiresInSeconds ?? MAX_MACHINE_TOKEN_LIFETIME_SECONDS))
    .sign(key);
}
