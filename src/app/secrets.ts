/**
 * The instance's secret key and what is made from it: the keyed hasher and
 * the sealer of `src/domain/shared/secrets.ts`. The key is read once per
 * instance: from a key file locally (LOKET_SECRET_KEY_FILE, which `npm start`
 * makes in LOKET_DATA_DIR), or on AWS from the Secrets Manager secret the
 * stack creates (LOKET_SECRET_ID), through the AWS Parameters and Secrets
 * Lambda extension on localhost, so the bundle carries no extra SDK client.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { HashPurpose, KeyedHasher, Sealer, Secrets } from '../domain/shared/secrets.js';
import { ConfigError } from './env.js';

/** Where the secret key comes from. */
export type SecretKeySource =
  | { kind: 'file'; path: string }
  | { kind: 'aws-secret'; secretId: string }
  | { kind: 'inline'; key: Uint8Array };

/** Shortest key accepted, in bytes. */
const MIN_KEY_BYTES = 32;

/** Reads `LOKET_SECRET_KEY_FILE` or `LOKET_SECRET_ID`; one of them is required. */
export function secretKeySourceFromEnv(env: NodeJS.ProcessEnv): SecretKeySource {
  if (env.LOKET_SECRET_ID) return { kind: 'aws-secret', secretId: env.LOKET_SECRET_ID };
  if (env.LOKET_SECRET_KEY_FILE) return { kind: 'file', path: env.LOKET_SECRET_KEY_FILE };
  throw new ConfigError(
    'Set LOKET_SECRET_ID (AWS: the secret the stack creates) or LOKET_SECRET_KEY_FILE (local: npm start makes one)',
  );
}

/** The key bytes of a source. This is the only read of the secret. */
export async function loadSecretKey(source: SecretKeySource): Promise<Uint8Array> {
  let key: Uint8Array;
  if (source.kind === 'inline') key = source.key;
  else if (source.kind === 'file') key = Buffer.from((await readFile(source.path, 'utf8')).trim(), 'hex');
  else key = Buffer.from(await fetchSecretString(source.secretId), 'utf8');
  if (key.length < MIN_KEY_BYTES)
    throw new ConfigError(`The secret key must be at least ${MIN_KEY_BYTES} bytes`);
  return key;
}

/** The Parameters and Secrets extension's local endpoint (its default port). */
const EXTENSION_URL = 'http://localhost:2773/secretsmanager/get';

async function fetchSecretString(secretId: string): Promise<string> {
  const token = process.env.AWS_SESSION_TOKEN;
  if (!token)
    throw new ConfigError(
      'LOKET_SECRET_ID is read through the Lambda extension, which needs AWS_SESSION_TOKEN',
    );
  const response = await fetch(`${EXTENSION_URL}?secretId=${encodeURIComponent(secretId)}`, {
    headers: { 'X-Aws-Parameters-Secrets-Token': token },
  });
  if (!response.ok) throw new Error(`Reading the secret failed with HTTP ${response.status}`);
  const body = (await response.json()) as { SecretString?: unknown };
  if (typeof body.SecretString !== 'string') throw new Error('The secret has no SecretString');
  return body.SecretString;
}

/** A sub-key per use, so the hash of one purpose says nothing about another's, nor about the sealer's key. */
function derive(master: Uint8Array, label: string): Buffer {
  return createHmac('sha256', master).update(`loket:${label}`).digest();
}

/** The hasher and sealer of a master key. */
export function secretsFromKey(master: Uint8Array): Secrets {
  const hashKeys = new Map<HashPurpose, Buffer>();
  const hasher: KeyedHasher = {
    hash(purpose, value) {
      let key = hashKeys.get(purpose);
      if (!key) {
        key = derive(master, `hash:${purpose}`);
        hashKeys.set(purpose, key);
      }
      return createHmac('sha256', key).update(value, 'utf8').digest('hex');
    },
  };
  const sealKey = derive(master, 'seal:v1');
  const sealer: Sealer = {
    // v1.<iv>.<ciphertext>.<tag>, base64url; AES-256-GCM with a random 96-bit IV.
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv, data, cipher.getAuthTag()]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, iv, data, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || data === undefined || !tag) throw new Error('Not a sealed value');
      const decipher = createDecipheriv('aes-256-gcm', sealKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
  return { hasher, sealer };
}

/** Loads the key once per instance; a failed load is retried by the next caller. */
export function secretsLoader(source: SecretKeySource): () => Promise<Secrets> {
  let loading: Promise<Secrets> | null = null;
  return () => {
    loading ??= loadSecretKey(source).then(secretsFromKey);
    loading.catch(() => {
      loading = null;
    });
    return loading;
  };
}
