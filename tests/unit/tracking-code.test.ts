/**
 * Tracking codes (docs/domain-rules.md, 'Complaints'): unguessable (at least 60 random bits) and easy to read
 * out (no 0/O or 1/I). 13 symbols of a 32-letter alphabet = 65 bits, shown as XXXX-XXXX-XXXX-X.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  complaintIdFrom,
  complaintIdOf,
  HIDDEN_TRACKING_CODE,
  normalizeTrackingCode,
  TRACKING_ALPHABET,
  trackingCodeFrom,
} from '../../src/domain/complaints/tracking-code.js';

const FORMAT =
  /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]$/;

function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

const ZEROS = bytes(0, 0, 0, 0, 0, 0, 0, 0, 0);
const ONES = bytes(255, 255, 255, 255, 255, 255, 255, 255, 255);

/** The 65-bit number a code spells (first symbol = lowest 5 bits), to check no bits are lost. */
function spelledValue(code: string): bigint {
  const compact = code.replace(/-/g, '');
  let value = 0n;
  for (let i = compact.length - 1; i >= 0; i--) {
    const index = TRACKING_ALPHABET.indexOf(compact[i] ?? '');
    expect(index).toBeGreaterThanOrEqual(0);
    value = (value << 5n) | BigInt(index);
  }
  return value;
}

/** The low 65 bits of the first 9 bytes read big-endian. */
function low65(random: Uint8Array): bigint {
  let value = 0n;
  for (const byte of random.subarray(0, 9)) value = (value << 8n) | BigInt(byte);
  return value & ((1n << 65n) - 1n);
}

describe('TRACKING_ALPHABET', () => {
  it('has 32 distinct symbols, so 13 symbols carry 65 bits (2^65 codes, over the 60 required)', () => {
    expect(TRACKING_ALPHABET).toHaveLength(32);
    expect(new Set(TRACKING_ALPHABET).size).toBe(32);
    expect(32 ** 13).toBe(2 ** 65);
    expect(Math.log2(TRACKING_ALPHABET.length) * 13).toBeGreaterThanOrEqual(60);
  });

  it('has no 0, O, 1 or I, and only upper-case letters and digits', () => {
    for (const ch of ['0', 'O', '1', 'I']) expect(TRACKING_ALPHABET).not.toContain(ch);
    expect(TRACKING_ALPHABET).toMatch(/^[2-9A-Z]+$/);
  });
});

describe('trackingCodeFrom', () => {
  it('gives XXXX-XXXX-XXXX-X: 13 symbols of the alphabet in groups of four', () => {
    for (const random of [ZEROS, ONES, bytes(1, 2, 3, 4, 5, 6, 7, 8, 9), randomBytes(9)]) {
      const code = trackingCodeFrom(random);
      expect(code).toMatch(FORMAT);
      expect(code).toHaveLength(16);
      expect(code.replace(/-/g, '')).toHaveLength(13);
    }
  });

  it('is a function of the bytes: the same bytes give the same code', () => {
    const random = randomBytes(9);
    expect(trackingCodeFrom(random)).toBe(trackingCodeFrom(Uint8Array.from(random)));
  });

  it('all-zero and all-one bytes spell the first and last symbols', () => {
    expect(trackingCodeFrom(ZEROS)).toBe('2222-2222-2222-2');
    expect(trackingCodeFrom(ONES)).toBe('ZZZZ-ZZZZ-ZZZZ-Z');
  });

  it('keeps all 65 bits it uses: the code spells exactly the low 65 bits of the 9 bytes', () => {
    for (let i = 0; i < 200; i++) {
      const random = randomBytes(9);
      expect(spelledValue(trackingCodeFrom(random))).toBe(low65(random));
    }
  });

  it('changes when any one of the 65 bits it uses changes (no two of them collide)', () => {
    const base = randomBytes(9);
    const baseCode = trackingCodeFrom(base);
    const seen = new Set<string>([baseCode]);
    // Bits 0..64 of the big-endian 72-bit number: every bit of bytes 1-8 and the lowest bit of byte 0.
    for (let bit = 0; bit < 65; bit++) {
      const flipped = Uint8Array.from(base);
      const byteIndex = 8 - Math.floor(bit / 8);
      flipped[byteIndex] = (flipped[byteIndex] ?? 0) ^ (1 << (bit % 8));
      const code = trackingCodeFrom(flipped);
      expect(code, `bit ${bit}`).not.toBe(baseCode);
      seen.add(code);
    }
    expect(seen.size).toBe(66);
  });

  it('different random bytes give different codes', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5000; i++) codes.add(trackingCodeFrom(randomBytes(9)));
    expect(codes.size).toBe(5000);
    expect(trackingCodeFrom(bytes(0, 0, 0, 0, 0, 0, 0, 0, 1))).not.toBe(trackingCodeFrom(ZEROS));
    expect(trackingCodeFrom(bytes(0, 1, 0, 0, 0, 0, 0, 0, 0))).not.toBe(trackingCodeFrom(ZEROS));
  });

  it('uses the first 9 bytes of a longer buffer', () => {
    const random = randomBytes(16);
    expect(trackingCodeFrom(random)).toBe(trackingCodeFrom(random.subarray(0, 9)));
  });

  it('refuses fewer than 9 bytes (fewer than 65 random bits)', () => {
    expect(() => trackingCodeFrom(randomBytes(8))).toThrow(RangeError);
    expect(() => trackingCodeFrom(new Uint8Array(0))).toThrow(RangeError);
  });
});

describe('normalizeTrackingCode', () => {
  const code = trackingCodeFrom(bytes(0x9a, 0x3c, 0x51, 0xe7, 0x08, 0xbd, 0x44, 0x6f, 0xc2));

  it('keeps a well-formed code as it is', () => {
    expect(code).toMatch(FORMAT);
    expect(normalizeTrackingCode(code)).toBe(code);
    expect(normalizeTrackingCode('K7QX-M3RP-9WHT-E')).toBe('K7QX-M3RP-9WHT-E');
  });

  it('accepts lower case', () => {
    expect(normalizeTrackingCode(code.toLowerCase())).toBe(code);
    expect(normalizeTrackingCode('k7qx-m3rp-9wht-e')).toBe('K7QX-M3RP-9WHT-E');
  });

  it('accepts spaces instead of hyphens, extra spaces around, and no hyphens at all', () => {
    expect(normalizeTrackingCode('K7QX M3RP 9WHT E')).toBe('K7QX-M3RP-9WHT-E');
    expect(normalizeTrackingCode('  K7QXM3RP9WHTE  ')).toBe('K7QX-M3RP-9WHT-E');
    expect(normalizeTrackingCode('K7QXM3RP9WHTE')).toBe('K7QX-M3RP-9WHT-E');
    expect(normalizeTrackingCode('k7q x-m3r p9wh-te')).toBe('K7QX-M3RP-9WHT-E');
    expect(normalizeTrackingCode(code.replace(/-/g, ''))).toBe(code);
  });

  it('rejects a wrong length', () => {
    expect(normalizeTrackingCode('K7QX-M3RP-9WHT')).toBeNull(); // 12
    expect(normalizeTrackingCode('K7QX-M3RP-9WHT-EE')).toBeNull(); // 14
    expect(normalizeTrackingCode('')).toBeNull();
    expect(normalizeTrackingCode('   ')).toBeNull();
  });

  it('rejects the confusable symbols 0, O, 1 and I (in either case) and anything outside the alphabet', () => {
    expect(normalizeTrackingCode('K7QX-M3RP-9WHT-0')).toBeNull();
    expect(normalizeTrackingCode('K7QX-M3RP-9WHT-O')).toBeNull();
    expect(normalizeTrackingCode('K7QX-M3RP-9WHT-o')).toBeNull();
    expect(normalizeTrackingCode('K7QX-M3RP-9WHT-1')).toBeNull();
    expect(normalizeTrackingCode('K7QX-M3RP-9WHT-I')).toBeNull();
    expect(normalizeTrackingCode('K7QX-M3RP-9WHT-i')).toBeNull();
    expect(normalizeTrackingCode('K7QX-M3RP-9WHT-#')).toBeNull();
    expect(normalizeTrackingCode('K7QX_M3RP_9WHT_E')).toBeNull();
  });
});

/** The legacy id (an unkeyed hash of the code), kept only for the key migration. */
describe('complaintIdOf', () => {
  const a = 'K7QX-M3RP-9WHT-E';
  const b = 'K7QX-M3RP-9WHT-F';

  it('is deterministic', () => {
    expect(complaintIdOf(a)).toBe(complaintIdOf(a));
  });

  it('differs per code, even for codes one symbol apart', () => {
    expect(complaintIdOf(a)).not.toBe(complaintIdOf(b));
    const ids = new Set<string>();
    for (let i = 0; i < 1000; i++) ids.add(complaintIdOf(trackingCodeFrom(randomBytes(9))));
    expect(ids.size).toBe(1000);
  });

  it('does not contain the code, with or without hyphens, nor any of its groups', () => {
    for (const code of [a, b, trackingCodeFrom(ONES), trackingCodeFrom(ZEROS)]) {
      const id = complaintIdOf(code);
      expect(id).not.toContain(code);
      expect(id.toUpperCase()).not.toContain(code.replace(/-/g, ''));
      for (const group of code.split('-').filter((g) => g.length === 4)) {
        expect(id.toUpperCase()).not.toContain(group);
      }
    }
  });

  it('is an opaque id: c followed by 32 hex digits', () => {
    expect(complaintIdOf(a)).toMatch(/^c[0-9a-f]{32}$/);
  });
});

describe('complaintIdFrom', () => {
  it('spells 16 random bytes as c and 32 hex digits, so an id says nothing about any code', () => {
    expect(complaintIdFrom(new Uint8Array(16).fill(0xab))).toBe(`c${'ab'.repeat(16)}`);
    const ids = new Set<string>();
    for (let i = 0; i < 1000; i++) ids.add(complaintIdFrom(randomBytes(16)));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^c[0-9a-f]{32}$/);
  });

  it('refuses fewer than 16 bytes', () => {
    expect(() => complaintIdFrom(new Uint8Array(15))).toThrow(RangeError);
  });
});

describe('HIDDEN_TRACKING_CODE', () => {
  it('has the shape of a code and none of the alphabet', () => {
    expect(HIDDEN_TRACKING_CODE).toHaveLength(trackingCodeFrom(ZEROS).length);
    for (const ch of HIDDEN_TRACKING_CODE) expect(TRACKING_ALPHABET).not.toContain(ch);
  });
});
