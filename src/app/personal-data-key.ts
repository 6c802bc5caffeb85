/**
 * Envelope encryption of personal data (docs/domain-rules.md, 'Complaint desk'): on AWS, names, phones
 * and NIKs are sealed under a data key that KMS made and only KMS can unwrap. The table keeps the data key
 * wrapped (useless without KMS); each Lambda instance unwraps it once, when it loads its secrets, and
 * keeps it in memory, so sealing and opening stay synchronous and cost no request. Values sealed before
 * (under the key derived from the instance's secret, `v1.`) still open; new ones are `k1.`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Sealer, Secrets } from '../domain/shared/secrets.js';

/** What the data key needs of KMS (the SDK adapter implements it; tests fake it). */
export interface DataKeyKms {
  /** A new 256-bit data key under the KMS key: in clear, and wrapped by KMS. */
  generateDataKey(): Promise<{ plaintext: Uint8Array; wrapped: Uint8Array }>;
  /** The clear data key of a wrapped one. */
  unwrap(wrapped: Uint8Array): Promise<Uint8Array>;
}

/** Where the wrapped data key is kept (an item of the table). */
export interface WrappedDataKeyStore {
  get(): Promise<Uint8Array | null>;
  /** Keeps `wrapped` unless a key is there already; returns the one kept. */
  putIfAbsent(wrapped: Uint8Array): Promise<Uint8Array>;
}

/**
 * The deployment's data key in clear: the kept one unwrapped, or, on the very first start, a new one
 * (when two instances start together, both keep the first that was stored).
 */
export async function loadPersonalDataKey(kms: DataKeyKms, store: WrappedDataKeyStore): Promise<Uint8Array> {
  const kept = await store.get();
  if (kept) return kms.unwrap(kept);
  const fresh = await kms.generateDataKey();
  const winner = await store.putIfAbsent(fresh.wrapped);
  return Buffer.from(winner).equals(Buffer.from(fresh.wrapped)) ? fresh.plaintext : kms.unwrap(winner);
}

const PREFIX = 'k1';

/**
 * A sealer under the data key: `k1.<iv>.<ciphertext>.<tag>` (base64url, AES-256-GCM, random 96-bit IV).
 * Anything else is opened by `earlier`, the sealer of values sealed before the data key existed.
 */
export function envelopeSealer(dataKey: Uint8Array, earlier: Sealer): Sealer {
  if (dataKey.length !== 32) throw new RangeError('The data key must be 256 bits');
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        PREFIX,
        iv.toString('base64url'),
        data.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
      ].join('.');
    },
    open(sealed) {
      const [version, iv, data, tag] = sealed.split('.');
      if (version !== PREFIX) return earlier.open(sealed);
      if (!iv || data === undefined || !tag) throw new Error('Not a sealed value');
      const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

/**
 * The instance's secrets with personal data sealed under the data key: loaded once (the secret key and
 * the data key together), a failed load retried by the next caller.
 */
export function withPersonalDataKey(
  secrets: () => Promise<Secrets>,
  dataKey: () => Promise<Uint8Array>,
): () => Promise<Secrets> {
  let loading: Promise<Secrets> | null = null;
  return () => {
    loading ??= Promise.all([secrets(), dataKey()]).then(([base, key]) => ({
      hasher: base.hasher,
      sealer: envelopeSealer(key, base.sealer),
    }));
    loading.catch(() => {
      loading = null;
    });
    return loading;
  };
}
