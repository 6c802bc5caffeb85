/** The source of "now"; injected so tests and demos control time. */
export interface Clock {
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `start` and runs on in real time from the moment it
 * is made (what `LOKET_CLOCK` sets for demos and tests).
 */
export function clockStartingAt(start: Date, base: Clock = systemClock): Clock {
  const offset = start.getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}

/** A clock that stands still until moved; for tests. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(instant: Date): void {
    this.current = new Date(instant.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * Waiting, as a port: retry loops pace themselves through it, never through
 * timers directly. A technical wait, apart from the business clock: a test's
 * manual clock stands still while a request waits for another one.
 */
export interface Sleeper {
  sleep(ms: number): Promise<void>;
}

/** Waits in real time. */
export const realSleeper: Sleeper = { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
