/**
 * Envelope encryption of personal data (docs/domain-rules.md, 'Complaint desk'): a data key made and
 * wrapped by KMS, kept wrapped, unwrapped once per instance; values sealed under it open only with it,
 * and values sealed before it (under the secret key) still open. KMS and the store are fakes here.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type DataKeyKms,
  envelopeSealer,
  loadPersonalDataKey,
  type WrappedDataKeyStore,
  withPersonalDataKey,
} from '../../src/app/personal-data-key.js';
import { secretsFromKey } from '../../src/app/secrets.js';

/** KMS as a key that only this fake holds: it wraps with AES-GCM and counts its calls. */
class FakeKms implements DataKeyKms {
  private readonly master = randomBytes(32);
  calls = { generate: 0, unwrap: 0 };

  async generateDataKey() {
    this.calls.generate++;
    const plaintext = new Uint8Array(randomBytes(32));
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.master, iv);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { plaintext, wrapped: new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body])) };
  }

  async unwrap(wrapped: Uint8Array) {
    this.calls.unwrap++;
    const bytes = Buffer.from(wrapped);
    const decipher = createDecipheriv('aes-256-gcm', this.master, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]));
  }
}

class MemoryStore implements WrappedDataKeyStore {
  kept: Uint8Array | null = null;
  async get() {
    return this.kept;
  }
  async putIfAbsent(wrapped: Uint8Array) {
    this.kept ??= wrapped;
    return this.kept;
  }
}

const earlier = secretsFromKey(new Uint8Array(32).fill(9));
const NIK = '{"name":"Ayu","phone":"081234567890","nik":"1802044107950011"}';

describe('envelopeSealer', () => {
  it('seals as k1 under the data key, opens its own, and still opens what the secret key sealed before', () => {
    const sealer = envelopeSealer(new Uint8Array(randomBytes(32)), earlier.sealer);
    const sealed = sealer.seal(NIK);
    expect(sealed).toMatch(/^k1\./);
    expect(sealed).not.toContain('1802044107950011');
    expect(sealer.open(sealed)).toBe(NIK);
    expect(sealer.open(earlier.sealer.seal(NIK))).toBe(NIK);
  });

  it('refuses a value altered, or sealed under another data key', () => {
    const sealer = envelopeSealer(new Uint8Array(randomBytes(32)), earlier.sealer);
    const sealed = sealer.seal(NIK);
    const [v, iv, data, tag] = sealed.split('.');
    const flipped = `${v}.${iv}.${(data ?? '').replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}.${tag}`;
    expect(() => sealer.open(flipped)).toThrow();
    expect(() => envelopeSealer(new Uint8Array(randomBytes(32)), earlier.sealer).open(sealed)).toThrow();
    expect(() => envelopeSealer(new Uint8Array(16), earlier.sealer)).toThrow(RangeError);
  });
});

describe('loadPersonalDataKey', () => {
  it('makes and keeps the data key on the first start; later instances unwrap the kept one', async () => {
    const kms = new FakeKms();
    const store = new MemoryStore();
    const first = await loadPersonalDataKey(kms, store);
    expect(kms.calls).toEqual({ generate: 1, unwrap: 0 });
    expect(store.kept).not.toBeNull();
    expect(Buffer.from(store.kept as Uint8Array).equals(Buffer.from(first))).toBe(false); // kept wrapped only
    const second = await loadPersonalDataKey(kms, store);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(kms.calls).toEqual({ generate: 1, unwrap: 1 });
  });

  it('when two instances start together, both use the key that was kept first', async () => {
    const kms = new FakeKms();
    const store = new MemoryStore();
    const other = await kms.generateDataKey();
    // Another instance kept its key between this one's read and its write.
    const racing: WrappedDataKeyStore = {
      get: async () => null,
      putIfAbsent: async (wrapped) => {
        store.kept ??= other.wrapped;
        return store.putIfAbsent(wrapped);
      },
    };
    const key = await loadPersonalDataKey(kms, racing);
    expect(Buffer.from(key).equals(Buffer.from(other.plaintext))).toBe(true);
  });
});

describe('withPersonalDataKey', () => {
  it('loads once per instance, keeps the hasher, seals under the data key, and retries a failed load', async () => {
    let loads = 0;
    let fail = true;
    const secrets = withPersonalDataKey(
      async () => earlier,
      async () => {
        loads++;
        if (fail) throw new Error('KMS unreachable');
        return new Uint8Array(randomBytes(32));
      },
    );
    await expect(secrets()).rejects.toThrow('KMS unreachable');
    fail = false;
    const [a, b] = await Promise.all([secrets(), secrets()]);
    expect(a).toBe(b);
    expect(loads).toBe(2);
    expect(a.hasher).toBe(earlier.hasher);
    expect(a.sealer.seal(NIK)).toMatch(/^k1\./);
  });
});
