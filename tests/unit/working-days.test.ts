/**
 * The working-day clock of complaints (docs/domain-rules.md, 'Deadlines and working days'): a working day is a date on which the
 * mall's resolved schedule has opening hours; a deadline of N working days falls at 23:59:59 mall time
 * of the Nth working day after the LOCAL date on which the stage began. Runs on the real 2026 holiday
 * file (national holidays and cuti bersama).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MallTimeZone } from '../../src/domain/catalog/catalog.js';
import {
  closedSchedule,
  type ScheduleException,
  type ScheduleSpec,
  type TimeInterval,
} from '../../src/domain/catalog/schedule.js';
import { STAGE_WORKING_DAYS } from '../../src/domain/complaints/complaint.js';
import type { Weekday } from '../../src/domain/time/local-time.js';
import { isWorkingDay, nthWorkingDayAfter, workingDayDeadline } from '../../src/domain/time/working-days.js';
import { tzDatabaseClock } from '../support/tz-database.js';

const JAKARTA = 'Asia/Jakarta' as const; // WIB, UTC+7
const MAKASSAR = 'Asia/Makassar' as const; // WITA, UTC+8
const JAYAPURA = 'Asia/Jayapura' as const; // WIT, UTC+9

interface HolidayFile {
  name: string;
  exceptions: { date: string; reason: string }[];
}

const holidayFile = JSON.parse(
  readFileSync(new URL('../../data/holidays/indonesia-2026.json', import.meta.url), 'utf8'),
) as HolidayFile;

const HOLIDAYS_2026: ScheduleException[] = holidayFile.exceptions.map((e) => ({
  date: e.date,
  reason: e.reason,
  intervals: [],
}));

function iv(opens: string, closes: string): TimeInterval {
  return { opens, closes };
}

const WORKDAY = [iv('08:00', '15:00')];
/** Friday is split for Friday prayers; still a working day. */
const FRIDAY = [iv('08:00', '11:30'), iv('13:30', '15:00')];

function spec(
  weekly: Partial<Record<Weekday, TimeInterval[]>>,
  exceptions: ScheduleException[] = [],
): ScheduleSpec {
  return { weekly: { ...closedSchedule().weekly, ...weekly }, exceptions };
}

/** The mall: Monday-Thursday 08:00-15:00, Friday 08:00-11:30 + 13:30-15:00, closed on weekends and holidays. */
const MALL: ScheduleSpec = spec(
  { MONDAY: WORKDAY, TUESDAY: WORKDAY, WEDNESDAY: WORKDAY, THURSDAY: WORKDAY, FRIDAY },
  HOLIDAYS_2026,
);
const CHAIN: readonly ScheduleSpec[] = [MALL];

/** The deadline as an ISO instant, for readable assertions. */
function due(
  start: string,
  n: number,
  timeZone: MallTimeZone = JAKARTA,
  chain: readonly ScheduleSpec[] = CHAIN,
): string {
  return workingDayDeadline(chain, timeZone, new Date(start), n).toISOString();
}

describe('the holiday fixture', () => {
  it('is the real 2026 file with the December and Idul Fitri dates these tests rely on', () => {
    const dates = HOLIDAYS_2026.map((e) => e.date);
    expect(dates).toEqual(
      expect.arrayContaining([
        '2026-03-18',
        '2026-03-19',
        '2026-03-20',
        '2026-03-21',
        '2026-03-22',
        '2026-03-23',
        '2026-03-24',
        '2026-12-24',
        '2026-12-25',
      ]),
    );
    expect(dates).not.toContain('2026-12-01');
  });
});

describe('isWorkingDay', () => {
  it('is true on Monday to Thursday and on the split Friday', () => {
    for (const date of ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']) {
      expect(isWorkingDay(CHAIN, date), date).toBe(true);
    }
  });

  it('is false on Saturday and Sunday', () => {
    expect(isWorkingDay(CHAIN, '2026-12-05')).toBe(false);
    expect(isWorkingDay(CHAIN, '2026-12-06')).toBe(false);
  });

  it('is false on a national holiday and on cuti bersama that fall on weekdays', () => {
    expect(isWorkingDay(CHAIN, '2026-12-24')).toBe(false); // Thursday, cuti bersama Natal
    expect(isWorkingDay(CHAIN, '2026-12-25')).toBe(false); // Friday, Natal
    expect(isWorkingDay(CHAIN, '2026-08-17')).toBe(false); // Monday, Hari Kemerdekaan
    expect(isWorkingDay(CHAIN, '2026-01-01')).toBe(false); // Thursday, Tahun Baru
  });

  it('is false on every weekday of the Nyepi / Idul Fitri 2026 block', () => {
    for (const date of ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24']) {
      expect(isWorkingDay(CHAIN, date), date).toBe(false);
    }
    expect(isWorkingDay(CHAIN, '2026-03-17')).toBe(true);
    expect(isWorkingDay(CHAIN, '2026-03-25')).toBe(true);
  });

  it('is true on an exception with special (shortened) hours, even on a Saturday', () => {
    const chain = [
      spec({ MONDAY: WORKDAY }, [
        { date: '2026-12-05', intervals: [iv('08:00', '12:00')], reason: 'Layanan Sabtu' },
      ]),
    ];
    expect(isWorkingDay(chain, '2026-12-05')).toBe(true);
  });

  it('follows the resolved chain: an agency closed on Fridays makes Friday no working day for it', () => {
    const agency = spec({
      MONDAY: WORKDAY,
      TUESDAY: WORKDAY,
      WEDNESDAY: WORKDAY,
      THURSDAY: WORKDAY,
    });
    expect(isWorkingDay([MALL, agency], '2026-12-04')).toBe(false);
    expect(isWorkingDay([MALL, agency], '2026-12-03')).toBe(true);
    // ...and the mall's holidays still apply through the chain.
    expect(isWorkingDay([MALL, agency], '2026-12-24')).toBe(false);
  });

  it('is false when intervals exist but do not overlap across the chain', () => {
    const agency = spec({ TUESDAY: [iv('16:00', '18:00')] });
    expect(isWorkingDay([MALL, agency], '2026-12-01')).toBe(false);
  });
});

describe('nthWorkingDayAfter', () => {
  it('does not count the start date itself', () => {
    expect(nthWorkingDayAfter(CHAIN, '2026-12-01', 1)).toBe('2026-12-02');
    expect(nthWorkingDayAfter(CHAIN, '2026-12-01', 3)).toBe('2026-12-04');
  });

  it('returns the date itself for n = 0', () => {
    expect(nthWorkingDayAfter(CHAIN, '2026-12-05', 0)).toBe('2026-12-05');
  });

  it('skips the weekend', () => {
    expect(nthWorkingDayAfter(CHAIN, '2026-12-03', 2)).toBe('2026-12-07'); // Thu → Fri, Mon
  });

  it('skips Christmas cuti bersama, Natal and the weekend after them', () => {
    expect(nthWorkingDayAfter(CHAIN, '2026-12-23', 1)).toBe('2026-12-28');
    expect(nthWorkingDayAfter(CHAIN, '2026-12-23', 3)).toBe('2026-12-30');
  });

  it('gives up with an error on a schedule that never opens instead of looping forever', () => {
    expect(() => nthWorkingDayAfter([closedSchedule()], '2026-12-01', 1)).toThrow(Error);
  });
});

describe('workingDayDeadline in Asia/Jakarta (WIB)', () => {
  it('Tuesday 2026-12-01 10:00 WIB + 3 working days → end of Friday 2026-12-04 (23:59:59+07:00)', () => {
    expect(due('2026-12-01T03:00:00.000Z', 3)).toBe('2026-12-04T16:59:59.000Z');
  });

  it('falls at 23:59:59 local time, not at closing time or midnight', () => {
    const deadline = workingDayDeadline(CHAIN, JAKARTA, new Date('2026-12-01T03:00:00.000Z'), 3);
    const wall = tzDatabaseClock(JAKARTA).format(deadline);
    expect(wall).toBe('2026-12-04, 23:59:59');
  });

  it('any time of the start day gives the same deadline (counting is by date)', () => {
    expect(due('2026-11-30T17:00:00.000Z', 3)).toBe('2026-12-04T16:59:59.000Z'); // Tue 00:00 WIB
    expect(due('2026-12-01T08:30:00.000Z', 3)).toBe('2026-12-04T16:59:59.000Z'); // Tue 15:30 WIB, after closing
    expect(due('2026-12-01T16:59:59.000Z', 3)).toBe('2026-12-04T16:59:59.000Z'); // Tue 23:59:59 WIB
    // One second later it is Wednesday in Jakarta: the count starts a day later.
    expect(due('2026-12-01T17:00:00.000Z', 3)).toBe('2026-12-07T16:59:59.000Z');
  });

  it('the day before a holiday: Wednesday 2026-12-23 + 3 → skips Dec 24-25 and the weekend → Wed 2026-12-30', () => {
    expect(due('2026-12-23T03:00:00.000Z', 3)).toBe('2026-12-30T16:59:59.000Z');
  });

  it('submitted on a Saturday counts from Monday: Sat 2026-12-05 + 3 → Wed 2026-12-09', () => {
    expect(due('2026-12-05T03:00:00.000Z', 3)).toBe('2026-12-09T16:59:59.000Z');
    // Sunday too, and Monday itself is the first day counted (Monday + 3 is Thursday).
    expect(due('2026-12-06T03:00:00.000Z', 3)).toBe('2026-12-09T16:59:59.000Z');
    expect(due('2026-12-07T03:00:00.000Z', 3)).toBe('2026-12-10T16:59:59.000Z');
  });

  it('5 working days (the agency answer): Tue 2026-12-01 → Tue 2026-12-08', () => {
    expect(due('2026-12-01T03:00:00.000Z', 5)).toBe('2026-12-08T16:59:59.000Z');
  });

  it('10 working days (auto-close): Tue 2026-12-01 → Tue 2026-12-15', () => {
    expect(due('2026-12-01T03:00:00.000Z', 10)).toBe('2026-12-15T16:59:59.000Z');
  });

  it('10 working days across Christmas: Thu 2026-12-10 → Mon 2026-12-28', () => {
    expect(due('2026-12-10T03:00:00.000Z', 10)).toBe('2026-12-28T16:59:59.000Z');
  });

  it('5 working days across Christmas: Mon 2026-12-21 → Wed 2026-12-30', () => {
    // Tue 22, Wed 23, (Thu 24, Fri 25, weekend), Mon 28, Tue 29, Wed 30.
    expect(due('2026-12-21T03:00:00.000Z', 5)).toBe('2026-12-30T16:59:59.000Z');
  });

  it('skips the Nyepi / Idul Fitri 2026 block (18-24 March)', () => {
    // Tue 17 March + 1 → Wed 25 March; + 3 → Fri 27 March; + 5 → Tue 31 March.
    expect(due('2026-03-17T03:00:00.000Z', 1)).toBe('2026-03-25T16:59:59.000Z');
    expect(due('2026-03-17T03:00:00.000Z', 3)).toBe('2026-03-27T16:59:59.000Z');
    expect(due('2026-03-17T03:00:00.000Z', 5)).toBe('2026-03-31T16:59:59.000Z');
    // Submitted on a day inside the block (Fri 20 March, cuti bersama): first day counted is Wed 25 March.
    expect(due('2026-03-20T03:00:00.000Z', 3)).toBe('2026-03-27T16:59:59.000Z');
  });

  it('uses the stage lengths of docs/domain-rules.md: intake 3, answer 5, auto-close 10', () => {
    expect(STAGE_WORKING_DAYS).toEqual({
      RECEIVED: 3,
      VERIFIED: 3,
      ASSIGNED: 5,
      IN_PROGRESS: 5,
      RESOLVED: 10,
    });
    expect(STAGE_WORKING_DAYS.CLOSED).toBeUndefined();
    expect(STAGE_WORKING_DAYS.REJECTED).toBeUndefined();
  });
});

describe('workingDayDeadline in other zones', () => {
  it('ends at 23:59:59 WITA (15:59:59Z) in Asia/Makassar', () => {
    // Tue 2026-12-01 10:00 WITA.
    expect(due('2026-12-01T02:00:00.000Z', 3, MAKASSAR)).toBe('2026-12-04T15:59:59.000Z');
    expect(due('2026-12-23T02:00:00.000Z', 3, MAKASSAR)).toBe('2026-12-30T15:59:59.000Z');
    expect(due('2026-12-05T02:00:00.000Z', 3, MAKASSAR)).toBe('2026-12-09T15:59:59.000Z');
    expect(due('2026-12-01T02:00:00.000Z', 5, MAKASSAR)).toBe('2026-12-08T15:59:59.000Z');
    expect(due('2026-12-01T02:00:00.000Z', 10, MAKASSAR)).toBe('2026-12-15T15:59:59.000Z');
    expect(due('2026-03-17T02:00:00.000Z', 3, MAKASSAR)).toBe('2026-03-27T15:59:59.000Z');
  });

  it('ends at 23:59:59 WIT (14:59:59Z) in Asia/Jayapura', () => {
    // Tue 2026-12-01 10:00 WIT.
    expect(due('2026-12-01T01:00:00.000Z', 3, JAYAPURA)).toBe('2026-12-04T14:59:59.000Z');
    expect(due('2026-12-23T01:00:00.000Z', 3, JAYAPURA)).toBe('2026-12-30T14:59:59.000Z');
    expect(due('2026-12-05T01:00:00.000Z', 3, JAYAPURA)).toBe('2026-12-09T14:59:59.000Z');
    expect(due('2026-12-01T01:00:00.000Z', 5, JAYAPURA)).toBe('2026-12-08T14:59:59.000Z');
    expect(due('2026-12-01T01:00:00.000Z', 10, JAYAPURA)).toBe('2026-12-15T14:59:59.000Z');
    expect(due('2026-03-17T01:00:00.000Z', 3, JAYAPURA)).toBe('2026-03-27T14:59:59.000Z');
  });

  it('2026-12-01T15:30Z is Tuesday in Jakarta (22:30) and Makassar (23:30) but Wednesday in Jayapura (00:30)', () => {
    const start = '2026-12-01T15:30:00.000Z';
    expect(due(start, 3, JAKARTA)).toBe('2026-12-04T16:59:59.000Z'); // Tue → Fri
    expect(due(start, 3, MAKASSAR)).toBe('2026-12-04T15:59:59.000Z'); // Tue → Fri
    expect(due(start, 3, JAYAPURA)).toBe('2026-12-07T14:59:59.000Z'); // Wed → Mon
  });

  it('2026-12-01T16:30Z is Tuesday in Jakarta (23:30) but Wednesday in Makassar (00:30) and Jayapura (01:30)', () => {
    const start = '2026-12-01T16:30:00.000Z';
    expect(due(start, 3, JAKARTA)).toBe('2026-12-04T16:59:59.000Z'); // Tue → Fri
    expect(due(start, 3, MAKASSAR)).toBe('2026-12-07T15:59:59.000Z'); // Wed → Mon
    expect(due(start, 3, JAYAPURA)).toBe('2026-12-07T14:59:59.000Z'); // Wed → Mon
  });

  it('2026-12-01T17:30Z is already Wednesday in all three zones', () => {
    const start = '2026-12-01T17:30:00.000Z';
    expect(due(start, 3, JAKARTA)).toBe('2026-12-07T16:59:59.000Z');
    expect(due(start, 3, MAKASSAR)).toBe('2026-12-07T15:59:59.000Z');
    expect(due(start, 3, JAYAPURA)).toBe('2026-12-07T14:59:59.000Z');
  });

  it('2026-12-22T15:30Z: Tuesday in Jakarta but Wednesday 23 December in Jayapura, the eve of the holidays', () => {
    // Tue 22 22:30 WIB → Wed 23, Mon 28, Tue 29. Wed 23 00:30 WIT → Mon 28, Tue 29, Wed 30.
    const start = '2026-12-22T15:30:00.000Z';
    expect(due(start, 3, JAKARTA)).toBe('2026-12-29T16:59:59.000Z');
    expect(due(start, 3, JAYAPURA)).toBe('2026-12-30T14:59:59.000Z');
  });
});
