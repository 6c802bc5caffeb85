/**
 * Tracking codes: what a reporter reads out or types to follow a complaint
 * without an account. 13 symbols of a 32-letter alphabet without 0/O and
 * 1/I (65 random bits), shown in groups: `K7QX-M3RP-9WHT-E`.
 */
import { createHash } from 'node:crypto';

/** 32 symbols: digits 2-9 and letters without I and O. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const LENGTH = 13;

/**
 * A new code from random bytes (at least 9; the caller supplies them so the domain does no I/O).
 * @throws RangeError on too few bytes.
 */
export function trackingCodeFrom(random: Uint8Array): string {
  if (random.length < 9) throw new RangeError('A tracking code needs at least 65 random bits');
  let bits = 0n;
  for (const byte of random.subarray(0, 9)) bits = (bits << 8n) | BigInt(byte);
  let symbols = '';
  for (let i = 0; i < LENGTH; i++) {
    symbols += TRACKING_ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return symbols.match(/.{1,4}/g)?.join('-') ?? symbols;
}

/**
 * The canonical form of what a person typed (case, spaces and hyphens do not
 * matter), or null when it cannot be a tracking code.
 */
export function normalizeTrackingCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== LENGTH) return null;
  for (const ch of compact) if (!TRACKING_ALPHABET.includes(ch)) return null;
  return compact.match(/.{1,4}/g)?.join('-') ?? compact;
}

/**
 * The id complaints had before ids were random: an unkeyed hash of the code. Kept only so the
 * key migration can tell such an item from a current one; nothing is looked up by it any more.
 */
export function complaintIdOf(normalizedCode: string): string {
  const digest = createHash('sha256').update(`loket-complaint:${normalizedCode}`).digest('hex');
  return `c${digest.slice(0, 32)}`;
}

/**
 * A complaint id from 16 random bytes: `c` and 32 hex digits. Random, so knowing an id (staff do)
 * tells nothing about the tracking code.
 * @throws RangeError on fewer than 16 bytes.
 */
export function complaintIdFrom(random: Uint8Array): string {
  if (random.length < 16) throw new RangeError('A complaint id needs 128 random bits');
  return `c${Array.from(random.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** What staff see in place of a tracking code: its shape, none of its symbols. */
export const HIDDEN_TRACKING_CODE = '****-****-****-*';
