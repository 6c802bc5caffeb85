/**
 * The holder code: the secret printed (as a QR) on a paper ticket. It, not
 * the ticket's id, is what lets a citizen cancel the ticket or rate the
 * service; the id is shown on the hall display to everyone. It is returned
 * once, in the answer of the call that issued the ticket, and stored only as
 * a keyed hash (docs/domain-rules.md, 'The ticket door').
 */
import { TRACKING_ALPHABET } from '../complaints/tracking-code.js';
import type { KeyedHasher } from '../shared/secrets.js';

/** 16 symbols of a 32-letter alphabet: 80 bits. */
const SYMBOLS = 16;

/** The readable form of 80 bits (10 bytes), in groups of four: `K7QX-M3RP-9WHT-E2AB`. */
function encode(bytes: Uint8Array): string {
  let bits = 0n;
  for (const byte of bytes.subarray(0, 10)) bits = (bits << 8n) | BigInt(byte);
  let symbols = '';
  for (let i = 0; i < SYMBOLS; i++) {
    symbols += TRACKING_ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return symbols.match(/.{4}/g)?.join('-') ?? symbols;
}

/**
 * A new holder code from 10 random bytes (the caller supplies them).
 * @throws RangeError on fewer.
 */
export function holderCodeFrom(random: Uint8Array): string {
  if (random.length < 10) throw new RangeError('A holder code needs 80 random bits');
  return encode(random);
}

/**
 * The holder code of an issue that a retry can repeat: derived with the secret key from who asked and
 * what with (caller, idempotency key, what it was for), so the same caller replaying the same key gets
 * the same code back and nothing but its hash is ever stored. Another caller derives another code.
 */
export function derivedHolderCode(hasher: KeyedHasher, parts: readonly string[]): string {
  const digest = hasher.hash('holder-code', `derive\u0000${parts.join('\u0000')}`);
  const bytes = Uint8Array.from(digest.slice(0, 20).match(/../g) ?? [], (hex) => Number.parseInt(hex, 16));
  return encode(bytes);
}

/** The stored form of a holder code (case, spaces and hyphens of what was typed do not matter). */
export function holderCodeHash(hasher: KeyedHasher, code: string): string {
  const compact = code.toUpperCase().replace(/[\s-]/g, '');
  return hasher.hash('holder-code', `code\u0000${compact}`);
}
