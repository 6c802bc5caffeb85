/**
 * The NIK (Nomor Induk Kependudukan): 16 digits, of which digits 7 to 12 are the holder's date of birth
 * as DDMMYY, with 40 added to the day for women. It is personal data: Loket keeps only its keyed hash and
 * its last 4 digits, and shows no more than `************1234`.
 */
import { BadInputError } from '../shared/errors.js';
import type { KeyedHasher } from '../shared/secrets.js';

const NIK_PATTERN = /^\d{16}$/;
const LAST4_PATTERN = /^\d{4}$/;

/** Whether day, month and two-digit year make a real date in the 1900s or the 2000s. */
function isBirthDate(day: number, month: number, year2: number): boolean {
  return [1900, 2000].some((century) => {
    const date = new Date(Date.UTC(century + year2, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  });
}

/** Whether `nik` is 16 digits whose digits 7 to 12 are a real DDMMYY birth date (women: day + 40). */
export function isValidNik(nik: string): boolean {
  if (!NIK_PATTERN.test(nik)) return false;
  const dd = Number(nik.slice(6, 8));
  const mm = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const day = dd > 40 ? dd - 40 : dd;
  if (dd < 1 || (dd > 31 && dd < 41) || dd > 71) return false;
  return isBirthDate(day, mm, yy);
}

/**
 * The NIK as typed, without spaces, checked.
 * @throws BadInputError naming `field` unless it is a valid NIK.
 */
export function normalizeNik(input: string, field: string): string {
  const nik = input.replace(/\s/g, '');
  if (!NIK_PATTERN.test(nik)) throw new BadInputError('The NIK must be exactly 16 digits.', field);
  if (!isValidNik(nik)) {
    throw new BadInputError(
      'The NIK is not valid: its digits 7 to 12 must be a date of birth (DDMMYY, women add 40 to the day).',
      field,
    );
  }
  return nik;
}

/** Whether a string can be the last 4 digits of a NIK. */
export function isNikLast4(value: string): boolean {
  return LAST4_PATTERN.test(value);
}

/** The stored form of a NIK: a keyed hash, so the table alone never reveals it. */
export function nikHashOf(hasher: KeyedHasher, nik: string): string {
  return hasher.hash('nik', nik);
}

/** The only form of a NIK any answer shows: `************1234`. */
export function maskNik(last4: string): string {
  return `${'*'.repeat(12)}${last4}`;
}
