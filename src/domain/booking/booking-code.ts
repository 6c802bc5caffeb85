/**
 * Booking codes: what a citizen reads out or types at a kiosk to check in. The same readable shape as a
 * complaint's tracking code (13 symbols without 0/O or 1/I, 65 bits, `K7QX-M3RP-9WHT-E`). The table
 * never holds the code: an appointment's id is a keyed hash of it, so a lookup by code is one read and an
 * id (which staff see) does not reveal the code.
 */
import { normalizeTrackingCode, trackingCodeFrom } from '../complaints/tracking-code.js';
import type { KeyedHasher } from '../shared/secrets.js';

/**
 * A new code from random bytes (at least 9).
 * @throws RangeError on fewer.
 */
export function bookingCodeFrom(random: Uint8Array): string {
  return trackingCodeFrom(random);
}

/**
 * The code of a booking that a retry can repeat: derived with the secret key from who asked and what
 * with, so the same caller replaying the same idempotency key gets the same code, and nothing but its
 * hash is stored.
 */
export function derivedBookingCode(hasher: KeyedHasher, parts: readonly string[]): string {
  const digest = hasher.hash('booking-code', `derive\u0000${parts.join('\u0000')}`);
  const bytes = Uint8Array.from(digest.slice(0, 18).match(/../g) ?? [], (hex) => Number.parseInt(hex, 16));
  return trackingCodeFrom(bytes);
}

/** The canonical form of what a person typed (case, spaces and hyphens do not matter), or null. */
export function normalizeBookingCode(input: string): string | null {
  return normalizeTrackingCode(input);
}

/** The appointment id of a normalized code: a keyed one-way hash. */
export function appointmentIdOf(hasher: KeyedHasher, normalizedCode: string): string {
  return `a${hasher.hash('booking-code', `id\u0000${normalizedCode}`).slice(0, 32)}`;
}

/** What callers who did not present the code see instead of it. */
export const HIDDEN_BOOKING_CODE = '****-****-****-*';
