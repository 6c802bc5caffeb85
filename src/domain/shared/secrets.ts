/**
 * Ports for secrets the table never holds: keyed one-way hashes (HMAC) and
 * sealing of personal data. The key lives outside the table (AWS: a secret
 * the stack creates; locally: a key file in LOKET_DATA_DIR), so a copy of
 * the table alone reveals no NIK, code or phone number.
 */

/** What a keyed hash is for; each purpose hashes under its own derived key, so they never collide. */
export type HashPurpose = 'nik' | 'holder-code' | 'booking-code' | 'tracking-code' | 'idempotency';

/** Keyed one-way hashes: the same value and purpose always give the same hex digest. */
export interface KeyedHasher {
  hash(purpose: HashPurpose, value: string): string;
}

/** Authenticated encryption of small personal values (phone, name) at rest. */
export interface Sealer {
  /** An opaque, self-describing ciphertext of `plaintext`. */
  seal(plaintext: string): string;
  /** @throws Error when `sealed` was not made by this key or was altered. */
  open(sealed: string): string;
}

/** The secrets a request's use cases get. */
export interface Secrets {
  hasher: KeyedHasher;
  sealer: Sealer;
}
