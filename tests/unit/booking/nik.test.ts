import { describe, expect, it } from 'vitest';
import { isNikLast4, isValidNik, maskNik, normalizeNik } from '../../../src/domain/booking/nik.js';
import { BadInputError } from '../../../src/domain/shared/errors.js';

/** A NIK of region 320101 with the given DDMMYY and serial. */
const nik = (ddmmyy: string, serial = '0001') => `320101${ddmmyy}${serial}`;

describe('NIK validation (docs/domain-rules.md, The ticket door and booking)', () => {
  it('accepts a man born 15 August 1990 and a woman born the same day (day + 40)', () => {
    expect(isValidNik(nik('150890'))).toBe(true);
    expect(isValidNik(nik('550890'))).toBe(true);
  });

  it('accepts the edges of both day ranges: 01 to 31 for men, 41 to 71 for women', () => {
    expect(isValidNik(nik('010190'))).toBe(true);
    expect(isValidNik(nik('310190'))).toBe(true);
    expect(isValidNik(nik('410190'))).toBe(true);
    expect(isValidNik(nik('710190'))).toBe(true);
  });

  it('refuses days that are neither a man’s nor a woman’s: 00, 32 to 40, 72 and above', () => {
    for (const dd of ['00', '32', '35', '40', '72', '99']) expect(isValidNik(nik(`${dd}0190`))).toBe(false);
  });

  it('refuses dates that do not exist, for women too', () => {
    expect(isValidNik(nik('150090'))).toBe(false); // month 00
    expect(isValidNik(nik('151390'))).toBe(false); // month 13
    expect(isValidNik(nik('300290'))).toBe(false); // 30 February
    expect(isValidNik(nik('700290'))).toBe(false); // a woman's 30 February
    expect(isValidNik(nik('310490'))).toBe(false); // 31 April
    expect(isValidNik(nik('710490'))).toBe(false); // a woman's 31 April
  });

  it('takes 29 February in a leap year of either century, and refuses it otherwise', () => {
    expect(isValidNik(nik('290200'))).toBe(true); // 2000 (and 1900 is not, but 2000 is)
    expect(isValidNik(nik('690296'))).toBe(true); // a woman born 29 February 1996
    expect(isValidNik(nik('290201'))).toBe(false); // neither 1901 nor 2001
  });

  it('refuses anything but exactly 16 digits', () => {
    expect(isValidNik('320101150890001')).toBe(false);
    expect(isValidNik('32010115089000012')).toBe(false);
    expect(isValidNik('32010115089000a1')).toBe(false);
  });

  it('normalizes spaces away and names the field it refuses', () => {
    expect(normalizeNik('3201 0115 0890 0001', 'input.nik')).toBe('3201011508900001');
    const refuse = (value: string) => {
      try {
        normalizeNik(value, 'input.nik');
      } catch (error) {
        return error;
      }
      return null;
    };
    const short = refuse('12345');
    expect(short).toBeInstanceOf(BadInputError);
    expect((short as BadInputError).field).toBe('input.nik');
    const badDate = refuse(nik('320190'));
    expect(badDate).toBeInstanceOf(BadInputError);
    expect((badDate as BadInputError).message).toMatch(/date of birth/);
  });

  it('masks all but the last 4 digits, and knows a last-4 when it sees one', () => {
    expect(maskNik('0001')).toBe('************0001');
    expect(isNikLast4('0001')).toBe(true);
    expect(isNikLast4('001')).toBe(false);
    expect(isNikLast4('00a1')).toBe(false);
  });
});
