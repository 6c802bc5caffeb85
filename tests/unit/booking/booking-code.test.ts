import { describe, expect, it } from 'vitest';
import {
  appointmentIdOf,
  bookingCodeFrom,
  derivedBookingCode,
  normalizeBookingCode,
} from '../../../src/domain/booking/booking-code.js';
import { FakeSecrets } from '../../support/fakes/fake-secrets.js';

describe('booking codes', () => {
  const { hasher } = new FakeSecrets();

  it('reads out without 0/O or 1/I in groups, from 65 random bits', () => {
    const code = bookingCodeFrom(new Uint8Array(9).fill(255));
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$/);
    expect(() => bookingCodeFrom(new Uint8Array(8))).toThrow(RangeError);
  });

  it('normalizes what was typed and refuses what cannot be a code', () => {
    const code = bookingCodeFrom(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(normalizeBookingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normalizeBookingCode('K7QX-M3RP-9WHT-0')).toBeNull();
    expect(normalizeBookingCode('short')).toBeNull();
  });

  it('makes the id a keyed hash of the code: stable, distinct per code, never the code', () => {
    const a = bookingCodeFrom(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const b = bookingCodeFrom(Uint8Array.from([9, 8, 7, 6, 5, 4, 3, 2, 1]));
    expect(appointmentIdOf(hasher, a)).toBe(appointmentIdOf(hasher, a));
    expect(appointmentIdOf(hasher, a)).not.toBe(appointmentIdOf(hasher, b));
    expect(appointmentIdOf(hasher, a)).toMatch(/^a[0-9a-f]{32}$/);
    expect(appointmentIdOf(new FakeSecrets('another key').hasher, a)).not.toBe(appointmentIdOf(hasher, a));
  });

  it('derives the same code for the same caller and key, another for anything else', () => {
    const code = derivedBookingCode(hasher, ['kiosk-1', 'svc', 'key-1']);
    expect(normalizeBookingCode(code)).toBe(code);
    expect(derivedBookingCode(hasher, ['kiosk-1', 'svc', 'key-1'])).toBe(code);
    expect(derivedBookingCode(hasher, ['kiosk-2', 'svc', 'key-1'])).not.toBe(code);
  });
});
