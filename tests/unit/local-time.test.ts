/**
 * Calendar arithmetic in a mall's zone: WIB (Asia/Jakarta, +7), WITA (Asia/Makassar, +8) and
 * WIT (Asia/Jayapura, +9). Every expectation is written out by hand, not computed with the code under test.
 */
import { describe, expect, it } from 'vitest';
import { MALL_TIME_ZONES } from '../../src/domain/catalog/catalog.js';
import {
  addDays,
  daysBetween,
  formatInZone,
  fromZoned,
  isLocalDate,
  isLocalTime,
  localDateOf,
  minutesOfDay,
  offsetMinutes,
  timeOfMinutes,
  toZoned,
  weekdayOf,
} from '../../src/domain/time/local-time.js';
import { tzDatabaseClock } from '../support/tz-database.js';

const JAKARTA = 'Asia/Jakarta' as const;
const MAKASSAR = 'Asia/Makassar' as const;
const JAYAPURA = 'Asia/Jayapura' as const;

describe('isLocalDate', () => {
  it.each([
    '2026-01-01',
    '2026-12-31',
    '2028-02-29', // leap year
    '2000-02-29', // divisible by 400: leap
    '2026-04-30',
  ])('accepts the real date %s', (value) => {
    expect(isLocalDate(value)).toBe(true);
  });

  it.each([
    '2026-02-29', // 2026 is not a leap year
    '2100-02-29', // divisible by 100, not by 400: not leap
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
  ])('refuses the impossible date %s', (value) => {
    expect(isLocalDate(value)).toBe(false);
  });

  it.each([
    '',
    '2026-1-01',
    '2026-01-1',
    '26-01-01',
    '2026/01/01',
    '01-01-2026',
    '2026-01-01T00:00',
    ' 2026-01-01',
    '2026-01-01 ',
    '20260101',
    'yyyy-mm-dd',
  ])('refuses the malformed value %j', (value) => {
    expect(isLocalDate(value)).toBe(false);
  });
});

describe('isLocalTime, minutesOfDay and timeOfMinutes', () => {
  it.each(['00:00', '08:00', '11:29', '23:59'])('accepts %s', (value) => {
    expect(isLocalTime(value)).toBe(true);
  });

  it.each(['24:00', '25:00', '8:00', '08:0', '08:60', '0800', '08.00', ''])('refuses %j', (value) => {
    expect(isLocalTime(value)).toBe(false);
  });

  it('converts to and from minutes since midnight, with 24:00 as the end of the day', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('08:05')).toBe(485);
    expect(minutesOfDay('23:59')).toBe(1439);
    expect(minutesOfDay('24:00')).toBe(1440);
    expect(timeOfMinutes(0)).toBe('00:00');
    expect(timeOfMinutes(485)).toBe('08:05');
    expect(timeOfMinutes(1439)).toBe('23:59');
    expect(timeOfMinutes(1440)).toBe('24:00');
  });
});

describe('weekdayOf', () => {
  it.each([
    ['2026-11-23', 'MONDAY'],
    ['2026-11-24', 'TUESDAY'],
    ['2026-11-25', 'WEDNESDAY'],
    ['2026-11-26', 'THURSDAY'],
    ['2026-11-27', 'FRIDAY'],
    ['2026-11-28', 'SATURDAY'],
    ['2026-11-29', 'SUNDAY'],
    ['2026-01-01', 'THURSDAY'],
    ['2028-02-29', 'TUESDAY'],
  ])('%s is a %s', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });
});

describe('addDays and daysBetween', () => {
  it.each([
    ['2026-11-27', 1, '2026-11-28'],
    ['2026-11-30', 1, '2026-12-01'], // across a month
    ['2026-12-31', 1, '2027-01-01'], // across a year
    ['2026-02-28', 1, '2026-03-01'], // no 29 February in 2026
    ['2028-02-28', 1, '2028-02-29'], // but there is in 2028
    ['2027-01-01', -1, '2026-12-31'], // backwards across a year
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 366, '2029-01-01'],
    ['2026-11-27', 0, '2026-11-27'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('counts whole days, negative when the end is earlier', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-12-01', '2026-12-01')).toBe(0);
    expect(daysBetween('2026-12-02', '2026-12-01')).toBe(-1);
  });
});

describe('toZoned and localDateOf', () => {
  it('reads the same instant on the wall clock of each of the three zones', () => {
    const instant = new Date('2026-12-01T16:59:00Z');
    expect(toZoned(instant, JAKARTA)).toEqual({ date: '2026-12-01', time: '23:59', second: 0 });
    expect(toZoned(instant, MAKASSAR)).toEqual({ date: '2026-12-02', time: '00:59', second: 0 });
    expect(toZoned(instant, JAYAPURA)).toEqual({ date: '2026-12-02', time: '01:59', second: 0 });
  });

  it('turns the local date over exactly at local midnight, per zone', () => {
    // Jakarta midnight is 17:00Z, Makassar's 16:00Z, Jayapura's 15:00Z.
    expect(localDateOf(new Date('2026-12-01T16:59:59Z'), JAKARTA)).toBe('2026-12-01');
    expect(localDateOf(new Date('2026-12-01T17:00:00Z'), JAKARTA)).toBe('2026-12-02');
    expect(localDateOf(new Date('2026-12-01T15:59:59Z'), MAKASSAR)).toBe('2026-12-01');
    expect(localDateOf(new Date('2026-12-01T16:00:00Z'), MAKASSAR)).toBe('2026-12-02');
    expect(localDateOf(new Date('2026-12-01T14:59:59Z'), JAYAPURA)).toBe('2026-12-01');
    expect(localDateOf(new Date('2026-12-01T15:00:00Z'), JAYAPURA)).toBe('2026-12-02');
  });

  it('shows midnight as 00:00, never 24:00', () => {
    expect(toZoned(new Date('2026-12-01T17:00:00Z'), JAKARTA)).toEqual({
      date: '2026-12-02',
      time: '00:00',
      second: 0,
    });
  });

  it('keeps the seconds', () => {
    expect(toZoned(new Date('2026-12-01T16:59:59.900Z'), JAKARTA)).toEqual({
      date: '2026-12-01',
      time: '23:59',
      second: 59,
    });
  });

  it('crosses the new year in the zone before it does in UTC', () => {
    const instant = new Date('2026-12-31T17:30:00Z');
    expect(localDateOf(instant, JAKARTA)).toBe('2027-01-01');
    expect(instant.toISOString().slice(0, 10)).toBe('2026-12-31');
  });

  it('knows each zone offset', () => {
    expect(offsetMinutes(JAKARTA)).toBe(420);
    expect(offsetMinutes(MAKASSAR)).toBe(480);
    expect(offsetMinutes(JAYAPURA)).toBe(540);
  });

  // The fixed offsets stand in for Intl; the tz database must agree at every hour of the years a mall
  // may look at, from the holiday data's first year to a decade ahead.
  it.each(MALL_TIME_ZONES)('agrees with the tz database in %s, every hour of 2020 to 2036', (zone) => {
    const intl = tzDatabaseClock(zone);
    let disagreements = 0;
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2037, 0, 1); t += 3_600_000 + 61_000) {
      const instant = new Date(t);
      const parts = Object.fromEntries(intl.formatToParts(instant).map((p) => [p.type, p.value]));
      const expected = {
        date: `${parts.year}-${parts.month}-${parts.day}`,
        time: `${parts.hour}:${parts.minute}`,
        second: Number(parts.second),
      };
      if (JSON.stringify(toZoned(instant, zone)) !== JSON.stringify(expected)) disagreements++;
    }
    expect(disagreements).toBe(0);
  });
});

describe('fromZoned', () => {
  it('finds the instant at which each zone shows a wall time', () => {
    expect(fromZoned('2026-12-01', '08:00', JAKARTA).toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(fromZoned('2026-12-01', '08:00', MAKASSAR).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(fromZoned('2026-12-01', '08:00', JAYAPURA).toISOString()).toBe('2026-11-30T23:00:00.000Z');
  });

  it('goes back across the date line of UTC at local midnight', () => {
    expect(fromZoned('2026-12-02', '00:00', JAKARTA).toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(fromZoned('2027-01-01', '00:30', JAYAPURA).toISOString()).toBe('2026-12-31T15:30:00.000Z');
  });

  it('accepts seconds', () => {
    expect(fromZoned('2026-12-01', '23:59:59', JAKARTA).toISOString()).toBe('2026-12-01T16:59:59.000Z');
  });

  it.each([JAKARTA, MAKASSAR, JAYAPURA])('is the inverse of toZoned in %s', (zone) => {
    for (const iso of ['2026-12-01T16:59:00Z', '2026-12-31T15:00:00Z', '2028-02-28T20:45:00Z']) {
      const instant = new Date(iso);
      const zoned = toZoned(instant, zone);
      expect(fromZoned(zoned.date, zoned.time, zone).getTime()).toBe(instant.getTime());
    }
  });
});

describe('formatInZone', () => {
  it('writes RFC 3339 with the zone offset', () => {
    const instant = new Date('2026-12-01T01:15:30Z');
    expect(formatInZone(instant, JAKARTA)).toBe('2026-12-01T08:15:30+07:00');
    expect(formatInZone(instant, MAKASSAR)).toBe('2026-12-01T09:15:30+08:00');
    expect(formatInZone(instant, JAYAPURA)).toBe('2026-12-01T10:15:30+09:00');
  });

  it('writes the local date, not the UTC one, near midnight', () => {
    const instant = new Date('2026-12-01T16:59:00Z');
    expect(formatInZone(instant, JAKARTA)).toBe('2026-12-01T23:59:00+07:00');
    expect(formatInZone(instant, MAKASSAR)).toBe('2026-12-02T00:59:00+08:00');
    expect(formatInZone(instant, JAYAPURA)).toBe('2026-12-02T01:59:00+09:00');
  });

  it('names the same instant as the input', () => {
    const instant = new Date('2026-12-01T16:59:00Z');
    for (const zone of [JAKARTA, MAKASSAR, JAYAPURA]) {
      expect(Date.parse(formatInZone(instant, zone))).toBe(instant.getTime());
    }
  });
});
