/**
 * Opening hours: weekly intervals, dated exceptions, an agency narrowing its mall, and the
 * ScheduleView range rules partners read through.
 */
import { describe, expect, it } from 'vitest';
import {
  closedSchedule,
  exceptionsBetween,
  hoursBetween,
  hoursOn,
  intersectIntervals,
  intervalAt,
  isOpenAt,
  isWithin,
  MAX_SCHEDULE_RANGE_DAYS,
  normalizeIntervals,
  ownHoursOn,
  type ScheduleException,
  type ScheduleSpec,
  type TimeInterval,
  weeklyHours,
} from '../../src/domain/catalog/schedule.js';
import {
  daysOf,
  exceptionsOf,
  isOpenNow,
  type ScheduleView,
  weeklyOf,
} from '../../src/domain/catalog/schedule-view.js';
import { BadInputError } from '../../src/domain/shared/errors.js';
import type { Weekday } from '../../src/domain/time/local-time.js';

const JAKARTA = 'Asia/Jakarta';
const MAKASSAR = 'Asia/Makassar';
const JAYAPURA = 'Asia/Jayapura';

/** `iv('08:00', '15:00')` */
function iv(opens: string, closes: string): TimeInterval {
  return { opens, closes };
}

/** A schedule closed every day except the weekdays given. */
function spec(
  weekly: Partial<Record<Weekday, TimeInterval[]>>,
  exceptions: ScheduleException[] = [],
): ScheduleSpec {
  const closed = closedSchedule();
  return { weekly: { ...closed.weekly, ...weekly }, exceptions };
}

const WORKDAY = [iv('08:00', '15:00')];

/** A mall like Lampung Tengah's: Monday to Thursday 08:00-15:00, Friday split for Friday prayers. */
function mallSchedule(exceptions: ScheduleException[] = []): ScheduleSpec {
  return spec(
    {
      MONDAY: WORKDAY,
      TUESDAY: WORKDAY,
      WEDNESDAY: WORKDAY,
      THURSDAY: WORKDAY,
      FRIDAY: [iv('08:00', '11:30'), iv('13:30', '15:00')],
    },
    exceptions,
  );
}

// Dates used below (2026): 11-23 Monday, 11-27 Friday, 11-28 Saturday, 12-01 Tuesday, 12-25 Friday.
const MONDAY = '2026-11-23';
const FRIDAY = '2026-11-27';
const SATURDAY = '2026-11-28';
const TUESDAY = '2026-12-01';

/** The instant at which Jakarta's wall clock shows `time` on `date` (WIB is UTC+7), built without the code under test. */
function wib(date: string, time: string): Date {
  return new Date(Date.parse(`${date}T${time}:00+07:00`));
}

describe('normalizeIntervals', () => {
  it('sorts intervals', () => {
    expect(normalizeIntervals([iv('13:30', '15:00'), iv('08:00', '11:30')])).toEqual([
      iv('08:00', '11:30'),
      iv('13:30', '15:00'),
    ]);
  });

  it('merges overlapping intervals', () => {
    expect(normalizeIntervals([iv('08:00', '12:00'), iv('10:00', '14:00')])).toEqual([iv('08:00', '14:00')]);
  });

  it('merges an interval that lies inside another', () => {
    expect(normalizeIntervals([iv('08:00', '15:00'), iv('09:00', '10:00')])).toEqual([iv('08:00', '15:00')]);
  });

  it('merges intervals that touch', () => {
    expect(normalizeIntervals([iv('08:00', '12:00'), iv('12:00', '15:00')])).toEqual([iv('08:00', '15:00')]);
  });

  it('keeps intervals with a gap apart, merging only across the chain of overlaps', () => {
    expect(
      normalizeIntervals([
        iv('14:00', '16:00'),
        iv('08:00', '10:00'),
        iv('09:00', '11:00'),
        iv('15:00', '17:00'),
      ]),
    ).toEqual([iv('08:00', '11:00'), iv('14:00', '17:00')]);
  });

  it('drops empty and reversed intervals', () => {
    expect(normalizeIntervals([iv('10:00', '10:00'), iv('12:00', '11:00'), iv('08:00', '09:00')])).toEqual([
      iv('08:00', '09:00'),
    ]);
  });

  it('keeps 24:00 as a closing time', () => {
    expect(normalizeIntervals([iv('20:00', '24:00'), iv('00:00', '02:00')])).toEqual([
      iv('00:00', '02:00'),
      iv('20:00', '24:00'),
    ]);
  });

  it('does not change its input', () => {
    const input = [iv('13:00', '14:00'), iv('08:00', '09:00')];
    normalizeIntervals(input);
    expect(input).toEqual([iv('13:00', '14:00'), iv('08:00', '09:00')]);
  });
});

describe('intersectIntervals', () => {
  it('keeps the part of an interval that lies in another', () => {
    expect(intersectIntervals([iv('08:00', '15:00')], [iv('08:00', '14:00')])).toEqual([
      iv('08:00', '14:00'),
    ]);
    expect(intersectIntervals([iv('08:00', '15:00')], [iv('07:00', '16:00')])).toEqual([
      iv('08:00', '15:00'),
    ]);
  });

  it('cuts one interval into the pieces of a split day', () => {
    expect(intersectIntervals([iv('08:00', '11:30'), iv('13:30', '15:00')], [iv('09:00', '14:00')])).toEqual([
      iv('09:00', '11:30'),
      iv('13:30', '14:00'),
    ]);
  });

  it('is empty when the lists do not meet, including when they only touch', () => {
    expect(intersectIntervals([iv('08:00', '12:00')], [iv('13:00', '15:00')])).toEqual([]);
    expect(intersectIntervals([iv('08:00', '12:00')], [iv('12:00', '15:00')])).toEqual([]);
    expect(intersectIntervals([iv('08:00', '12:00')], [])).toEqual([]);
  });

  it('is symmetric', () => {
    const a = [iv('08:00', '11:30'), iv('13:30', '15:00')];
    const b = [iv('10:00', '14:00')];
    expect(intersectIntervals(a, b)).toEqual(intersectIntervals(b, a));
  });
});

describe('isWithin', () => {
  it('includes the opening minute and excludes the closing minute', () => {
    const hours = [iv('08:00', '11:30')];
    expect(isWithin(hours, '07:59')).toBe(false);
    expect(isWithin(hours, '08:00')).toBe(true);
    expect(isWithin(hours, '11:29')).toBe(true);
    expect(isWithin(hours, '11:30')).toBe(false);
  });
});

describe('a split day (Friday 08:00-11:30 and 13:30-15:00)', () => {
  const chain = [mallSchedule()];

  it('resolves both intervals for a Friday', () => {
    expect(hoursOn(chain, FRIDAY)).toEqual({
      date: FRIDAY,
      intervals: [iv('08:00', '11:30'), iv('13:30', '15:00')],
      reason: null,
    });
  });

  it.each([
    ['07:59', false],
    ['08:00', true],
    ['11:29', true],
    ['11:30', false],
    ['12:00', false],
    ['13:29', false],
    ['13:30', true],
    ['14:59', true],
    ['15:00', false],
  ])('at %s WIB the mall is open: %s', (time, open) => {
    expect(isOpenAt(chain, JAKARTA, wib(FRIDAY, time))).toBe(open);
  });

  it('names the interval in effect, for the cut-off', () => {
    expect(intervalAt(chain, FRIDAY, '11:29')).toEqual(iv('08:00', '11:30'));
    expect(intervalAt(chain, FRIDAY, '13:30')).toEqual(iv('13:30', '15:00'));
    expect(intervalAt(chain, FRIDAY, '12:00')).toBeNull();
    expect(intervalAt(chain, FRIDAY, '15:00')).toBeNull();
  });

  it('uses the weekday: the same 12:00 is open on a Monday and closed on a Saturday', () => {
    expect(isOpenAt(chain, JAKARTA, wib(MONDAY, '12:00'))).toBe(true);
    expect(isOpenAt(chain, JAKARTA, wib(SATURDAY, '12:00'))).toBe(false);
    expect(hoursOn(chain, SATURDAY)).toEqual({ date: SATURDAY, intervals: [], reason: null });
  });
});

describe('exceptions', () => {
  const christmas: ScheduleException = { date: '2026-12-25', intervals: [], reason: 'Hari Raya Natal' };
  const saturdayService: ScheduleException = {
    date: SATURDAY,
    intervals: [iv('08:00', '12:00')],
    reason: 'Layanan Sabtu',
  };
  const chain = [mallSchedule([saturdayService, christmas])];

  it('a holiday closes a weekday that is open every other week', () => {
    expect(hoursOn(chain, '2026-12-25')).toEqual({
      date: '2026-12-25',
      intervals: [],
      reason: 'Hari Raya Natal',
    });
    expect(isOpenAt(chain, JAKARTA, wib('2026-12-25', '09:00'))).toBe(false);
    // The Friday before is an ordinary Friday.
    expect(isOpenAt(chain, JAKARTA, wib('2026-12-18', '09:00'))).toBe(true);
  });

  it('special hours open a Saturday that is closed every other week', () => {
    expect(hoursOn(chain, SATURDAY)).toEqual({
      date: SATURDAY,
      intervals: [iv('08:00', '12:00')],
      reason: 'Layanan Sabtu',
    });
    expect(isOpenAt(chain, JAKARTA, wib(SATURDAY, '09:00'))).toBe(true);
    expect(isOpenAt(chain, JAKARTA, wib(SATURDAY, '12:00'))).toBe(false);
    expect(isOpenAt(chain, JAKARTA, wib('2026-12-05', '09:00'))).toBe(false);
  });

  it('ownHoursOn reads the exception before the weekday', () => {
    expect(ownHoursOn(chain[0] as ScheduleSpec, SATURDAY).reason).toBe('Layanan Sabtu');
    expect(ownHoursOn(chain[0] as ScheduleSpec, MONDAY)).toEqual({
      date: MONDAY,
      intervals: WORKDAY,
      reason: null,
    });
  });
});

describe('an agency narrowing its mall', () => {
  it('keeps the agency hours that lie inside the mall hours', () => {
    const agency = spec({ MONDAY: [iv('08:00', '14:00')] });
    expect(hoursOn([mallSchedule(), agency], MONDAY).intervals).toEqual([iv('08:00', '14:00')]);
    expect(isOpenAt([mallSchedule(), agency], JAKARTA, wib(MONDAY, '14:00'))).toBe(false);
    expect(isOpenAt([mallSchedule()], JAKARTA, wib(MONDAY, '14:00'))).toBe(true);
  });

  it('gets only the overlap when it declares hours outside the mall', () => {
    const agency = spec({
      MONDAY: [iv('06:00', '09:00'), iv('14:00', '18:00')],
      SATURDAY: [iv('08:00', '12:00')],
    });
    const chain = [mallSchedule(), agency];
    expect(hoursOn(chain, MONDAY).intervals).toEqual([iv('08:00', '09:00'), iv('14:00', '15:00')]);
    expect(isOpenAt(chain, JAKARTA, wib(MONDAY, '07:00'))).toBe(false);
    expect(isOpenAt(chain, JAKARTA, wib(MONDAY, '16:00'))).toBe(false);
    // The mall is closed on Saturdays, so the agency is too.
    expect(hoursOn(chain, SATURDAY).intervals).toEqual([]);
  });

  it('is closed on a mall holiday even when its own weekly hours are open', () => {
    const mall = mallSchedule([{ date: TUESDAY, intervals: [], reason: 'Cuti bersama' }]);
    const agency = spec({ TUESDAY: [iv('08:00', '14:00')] });
    expect(hoursOn([mall, agency], TUESDAY)).toEqual({
      date: TUESDAY,
      intervals: [],
      reason: 'Cuti bersama',
    });
    expect(isOpenAt([mall, agency], JAKARTA, wib(TUESDAY, '09:00'))).toBe(false);
  });

  it('is closed on its own exception while the mall is open', () => {
    const agency = spec({ TUESDAY: WORKDAY }, [{ date: TUESDAY, intervals: [], reason: 'Rapat koordinasi' }]);
    expect(hoursOn([mallSchedule(), agency], TUESDAY)).toEqual({
      date: TUESDAY,
      intervals: [],
      reason: 'Rapat koordinasi',
    });
    expect(isOpenAt([mallSchedule()], JAKARTA, wib(TUESDAY, '09:00'))).toBe(true);
    expect(isOpenAt([mallSchedule(), agency], JAKARTA, wib(TUESDAY, '09:00'))).toBe(false);
  });

  it('takes the reason from the innermost exception', () => {
    const mall = mallSchedule([
      { date: TUESDAY, intervals: [iv('08:00', '12:00')], reason: 'Setengah hari' },
    ]);
    const agency = spec({ TUESDAY: WORKDAY }, [
      { date: TUESDAY, intervals: [iv('10:00', '14:00')], reason: 'Sistem dalam perbaikan' },
    ]);
    expect(hoursOn([mall, agency], TUESDAY)).toEqual({
      date: TUESDAY,
      intervals: [iv('10:00', '12:00')],
      reason: 'Sistem dalam perbaikan',
    });
  });

  it("falls back to the mall's reason when the agency has no exception that day", () => {
    const mall = mallSchedule([
      { date: TUESDAY, intervals: [iv('08:00', '12:00')], reason: 'Setengah hari' },
    ]);
    const agency = spec({ TUESDAY: [iv('09:00', '15:00')] });
    expect(hoursOn([mall, agency], TUESDAY)).toEqual({
      date: TUESDAY,
      intervals: [iv('09:00', '12:00')],
      reason: 'Setengah hari',
    });
  });

  it('narrows the weekly hours day by day', () => {
    const agency = spec({ MONDAY: [iv('08:00', '14:00')], FRIDAY: [iv('09:00', '14:00')], SUNDAY: WORKDAY });
    const weekly = weeklyHours([mallSchedule(), agency]);
    expect(weekly.MONDAY).toEqual([iv('08:00', '14:00')]);
    expect(weekly.TUESDAY).toEqual([]);
    expect(weekly.FRIDAY).toEqual([iv('09:00', '11:30'), iv('13:30', '14:00')]);
    expect(weekly.SUNDAY).toEqual([]);
  });
});

describe('hoursBetween and daysOf', () => {
  const view: ScheduleView = { timeZone: JAKARTA, chain: [mallSchedule()] };

  it('resolves every date of the range, both ends included', () => {
    const days = hoursBetween(view.chain, '2026-11-27', '2026-12-01');
    expect(days.map((d) => d.date)).toEqual([
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
    ]);
    expect(days.map((d) => d.intervals.length)).toEqual([2, 0, 0, 1, 1]);
  });

  it('gives a single day when from equals to', () => {
    expect(daysOf(view, FRIDAY, FRIDAY)).toEqual([
      { date: FRIDAY, intervals: [iv('08:00', '11:30'), iv('13:30', '15:00')], reason: null },
    ]);
  });

  it(`accepts a range of ${MAX_SCHEDULE_RANGE_DAYS} days`, () => {
    expect(MAX_SCHEDULE_RANGE_DAYS).toBe(366);
    const days = daysOf(view, '2028-01-01', '2028-12-31'); // a leap year: 366 days
    expect(days).toHaveLength(366);
    expect(days[0]?.date).toBe('2028-01-01');
    expect(days[365]?.date).toBe('2028-12-31');
  });

  it('refuses a range of 367 days', () => {
    expect(() => daysOf(view, '2028-01-01', '2029-01-01')).toThrow(BadInputError);
    try {
      daysOf(view, '2026-01-01', '2027-01-02');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BadInputError);
      expect((error as BadInputError).field).toBe('to');
      expect((error as BadInputError).code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => daysOf(view, '2026-12-02', '2026-12-01')).toThrow(BadInputError);
    expect(() => daysOf(view, '2027-01-01', '2026-12-31')).toThrow(/ends before it starts/);
  });
});

describe('exceptionsBetween and exceptionsOf', () => {
  const mall = mallSchedule([
    { date: '2026-01-01', intervals: [], reason: 'Tahun Baru' },
    { date: '2026-08-17', intervals: [], reason: 'Hari Kemerdekaan' },
    { date: '2026-12-25', intervals: [], reason: 'Hari Raya Natal' },
  ]);
  const agency = spec({ MONDAY: WORKDAY, TUESDAY: WORKDAY }, [
    { date: '2026-08-18', intervals: [iv('10:00', '12:00')], reason: 'Upacara' },
  ]);
  const view: ScheduleView = { timeZone: JAKARTA, chain: [mall, agency] };

  it('lists the exceptions of every schedule of the chain, sorted and resolved through the chain', () => {
    expect(exceptionsOf(view, null, null)).toEqual([
      { date: '2026-01-01', intervals: [], reason: 'Tahun Baru' },
      { date: '2026-08-17', intervals: [], reason: 'Hari Kemerdekaan' },
      { date: '2026-08-18', intervals: [iv('10:00', '12:00')], reason: 'Upacara' },
      { date: '2026-12-25', intervals: [], reason: 'Hari Raya Natal' },
    ]);
  });

  it('keeps only the dates from `from` to `to`, both included', () => {
    expect(exceptionsBetween(view.chain, '2026-08-17', '2026-08-18').map((d) => d.date)).toEqual([
      '2026-08-17',
      '2026-08-18',
    ]);
    expect(exceptionsBetween(view.chain, '2026-01-02', '2026-12-24').map((d) => d.date)).toEqual([
      '2026-08-17',
      '2026-08-18',
    ]);
  });

  it('leaves either end open', () => {
    expect(exceptionsOf(view, '2026-08-18', null).map((d) => d.date)).toEqual(['2026-08-18', '2026-12-25']);
    expect(exceptionsOf(view, null, '2026-08-17').map((d) => d.date)).toEqual(['2026-01-01', '2026-08-17']);
  });

  it('is empty for a range without exceptions', () => {
    expect(exceptionsOf(view, '2026-09-01', '2026-11-30')).toEqual([]);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => exceptionsOf(view, '2026-12-31', '2026-01-01')).toThrow(BadInputError);
  });
});

describe('weeklyOf', () => {
  it('lists Monday to Sunday in order', () => {
    const weekly = weeklyOf({ timeZone: JAKARTA, chain: [mallSchedule()] });
    expect(weekly.map((d) => d.weekday)).toEqual([
      'MONDAY',
      'TUESDAY',
      'WEDNESDAY',
      'THURSDAY',
      'FRIDAY',
      'SATURDAY',
      'SUNDAY',
    ]);
    expect(weekly[4]?.intervals).toEqual([iv('08:00', '11:30'), iv('13:30', '15:00')]);
    expect(weekly[5]?.intervals).toEqual([]);
  });
});

describe('isOpenAt in the three time zones', () => {
  // Every mall opens 08:00-15:00 on its own wall clock, Monday to Friday.
  const chain = [
    spec({ MONDAY: WORKDAY, TUESDAY: WORKDAY, WEDNESDAY: WORKDAY, THURSDAY: WORKDAY, FRIDAY: WORKDAY }),
  ];

  it('opens an hour earlier (in UTC) for each zone further east', () => {
    // 2026-12-01 (Tuesday) 00:30Z = 07:30 WIB = 08:30 WITA = 09:30 WIT
    const instant = new Date('2026-12-01T00:30:00Z');
    expect(isOpenAt(chain, JAKARTA, instant)).toBe(false);
    expect(isOpenAt(chain, MAKASSAR, instant)).toBe(true);
    expect(isOpenAt(chain, JAYAPURA, instant)).toBe(true);
  });

  it('is open everywhere at 08:30 WIB = 09:30 WITA = 10:30 WIT', () => {
    const instant = new Date('2026-12-01T01:30:00Z');
    expect(isOpenAt(chain, JAKARTA, instant)).toBe(true);
    expect(isOpenAt(chain, MAKASSAR, instant)).toBe(true);
    expect(isOpenAt(chain, JAYAPURA, instant)).toBe(true);
  });

  it('closes earlier in the east', () => {
    // 07:30Z = 14:30 WIB = 15:30 WITA = 16:30 WIT
    const instant = new Date('2026-12-01T07:30:00Z');
    expect(isOpenAt(chain, JAKARTA, instant)).toBe(true);
    expect(isOpenAt(chain, MAKASSAR, instant)).toBe(false);
    expect(isOpenAt(chain, JAYAPURA, instant)).toBe(false);
  });

  it("reads the weekday on the zone's own date, not UTC's", () => {
    // Sunday 2026-11-29 23:30Z is already Monday 06:30 WIB, 07:30 WITA and 08:30 WIT.
    const instant = new Date('2026-11-29T23:30:00Z');
    expect(isOpenAt(chain, JAKARTA, instant)).toBe(false);
    expect(isOpenAt(chain, MAKASSAR, instant)).toBe(false);
    expect(isOpenAt(chain, JAYAPURA, instant)).toBe(true);
  });

  it('applies an exception on the local date of the zone', () => {
    // A holiday on Monday 2026-11-30 in Jayapura: at Sunday 23:30Z it is Monday 08:30 WIT there.
    const holiday = spec(chain[0]?.weekly ?? {}, [
      { date: '2026-11-30', intervals: [], reason: 'Libur daerah' },
    ]);
    expect(isOpenAt([holiday], JAYAPURA, new Date('2026-11-29T23:30:00Z'))).toBe(false);
  });

  it('isOpenNow reads the view zone', () => {
    const instant = new Date('2026-12-01T00:30:00Z');
    expect(isOpenNow({ timeZone: JAKARTA, chain }, instant)).toBe(false);
    expect(isOpenNow({ timeZone: JAYAPURA, chain }, instant)).toBe(true);
  });
});
