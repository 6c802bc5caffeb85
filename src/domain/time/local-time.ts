/**
 * Calendar arithmetic in a mall's own time zone.
 *
 * A mall is in one of Indonesia's three zones, and none of them has had daylight
 * saving time or an offset change since 1964, so each is a fixed offset: plain
 * arithmetic, no `Intl`: the first `Intl.DateTimeFormat` with a time zone loads ICU's
 * zone data, which would slow a Lambda's first request (docs/performance.md). A unit
 * test checks the table against `Intl`.
 *
 * - `LocalDate`: `YYYY-MM-DD`, a calendar date in the mall's zone.
 * - `LocalTime`: `HH:mm`, a wall-clock time in the mall's zone.
 */

import type { MallTimeZone } from '../catalog/catalog.js';

export type LocalDate = string;
export type LocalTime = string;

export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isLocalDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** True for `HH:mm` on a 24-hour clock, 00:00 to 23:59. `24:00` is allowed only as a closing time. */
export function isLocalTime(value: string): boolean {
  return TIME_PATTERN.test(value);
}

/** Minutes since midnight; accepts `24:00` as the end of the day. */
export function minutesOfDay(time: LocalTime): number {
  if (time === '24:00') return 24 * 60;
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** `HH:mm` from minutes since midnight. */
export function timeOfMinutes(minutes: number): LocalTime {
  if (minutes === 24 * 60) return '24:00';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The day of the week of a local date. */
export function weekdayOf(date: LocalDate): Weekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(day + 6) % 7] as Weekday;
}

/** The date `days` after (or before, when negative) a local date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Minutes east of UTC of each mall zone: WIB, WITA, WIT. */
const UTC_OFFSET_MINUTES: Readonly<Record<MallTimeZone, number>> = {
  'Asia/Jakarta': 7 * 60,
  'Asia/Makassar': 8 * 60,
  'Asia/Jayapura': 9 * 60,
};

/** The wall clock of a zone at an instant. */
export interface ZonedDateTime {
  date: LocalDate;
  time: LocalTime;
  /** Seconds past the minute, for exact offsets. */
  second: number;
}

/** The local date and time of `instant` in `timeZone`. */
export function toZoned(instant: Date, timeZone: MallTimeZone): ZonedDateTime {
  // The wall clock, read as if it were UTC; whole seconds, as a clock shows them.
  const wall = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offsetMinutes(timeZone) * 60_000);
  const iso = wall.toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ for years 0000 to 9999
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), second: wall.getUTCSeconds() };
}

/** The local date of `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone: MallTimeZone): LocalDate {
  return toZoned(instant, timeZone).date;
}

/** The zone's offset from UTC in minutes (e.g. +420 for Asia/Jakarta); the same at every instant. */
export function offsetMinutes(timeZone: MallTimeZone): number {
  const offset = UTC_OFFSET_MINUTES[timeZone];
  // Unreachable for validated data; a zone added to MALL_TIME_ZONES without its offset fails loudly.
  if (offset === undefined) throw new RangeError(`No UTC offset for time zone ${timeZone}`);
  return offset;
}

/** The instant at which the wall clock of `timeZone` shows `date` `time` (`HH:mm` or `HH:mm:ss`). */
export function fromZoned(date: LocalDate, time: string, timeZone: MallTimeZone): Date {
  const wall = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
  return new Date(wall - offsetMinutes(timeZone) * 60_000);
}

/** RFC 3339 with the zone's own offset, e.g. `2026-12-01T08:15:00+07:00`. */
export function formatInZone(instant: Date, timeZone: MallTimeZone): string {
  const zoned = toZoned(instant, timeZone);
  const offset = offsetMinutes(timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${zoned.date}T${zoned.time}:${String(zoned.second).padStart(2, '0')}${sign}${hh}:${mm}`;
}
