/**
 * The tz database's wall clock (through Intl), as an oracle for tests of the mall's own time
 * arithmetic, which does not use Intl (see src/domain/time/local-time.ts).
 */

/** A formatter of an instant as `YYYY-MM-DD, HH:mm:ss` on the wall clock of `timeZone`. */
export function tzDatabaseClock(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
