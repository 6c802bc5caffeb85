/**
 * Calendar arithmetic in a mall's own time zone, on top of `Intl` (no DST in
 * Indonesia, but nothing here assumes a fixed offset).
 *
 * - `LocalDate`: `YYYY-MM-DD`, a calendar date in the mall's zone.
 * - `LocalTime`: `HH:mm`, a wall-clock time in the mall's zone.
 */

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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock of a zone at an instant. */
export interface ZonedDateTime {
  date: LocalDate;
  time: LocalTime;
  /** Seconds past the minute, for exact offsets. */
  second: number;
}

/** The local date and time of `instant` in `timeZone`. */
export function toZoned(instant: Date, timeZone: string): ZonedDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    second: Number(parts.second),
  };
}

/** The local date of `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return toZoned(instant, timeZone).date;
}

/** The zone's offset from UTC in minutes at `instant` (e.g. +420 for Asia/Jakarta). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const zoned = toZoned(instant, timeZone);
  const asUtc = Date.parse(`${zoned.date}T${zoned.time}:${String(zoned.second).padStart(2, '0')}Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant at which the wall clock of `timeZone` shows `date` `time` (`HH:mm` or `HH:mm:ss`). */
export function fromZoned(date: LocalDate, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
  // Guess with the offset at the wall time read as UTC, then correct once for a
  // zone whose offset differs at the true instant.
  const first = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  return new Date(wall - offsetMinutes(new Date(first), timeZone) * 60_000);
}

/** RFC 3339 with the zone's own offset, e.g. `2026-12-01T08:15:00+07:00`. */
export function formatInZone(instant: Date, timeZone: string): string {
  const zoned = toZoned(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${zoned.date}T${zoned.time}:${String(zoned.second).padStart(2, '0')}${sign}${hh}:${mm}`;
}
