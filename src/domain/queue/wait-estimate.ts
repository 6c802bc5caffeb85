/**
 * The estimated wait shown on a WAITING ticket (docs/domain-rules.md, 'Wait estimate'):
 * position × the service's average service time ÷ the counters open for it.
 */

/** Longer than a whole working day at one counter: a ticket left SERVING by mistake, not a real service. */
export const MAX_PLAUSIBLE_SERVICE_MINUTES = 8 * 60;

/**
 * Finished services needed before today's average replaces the configured
 * one: a single quick tap-through must not turn a 15-minute service into a
 * 1-minute estimate for everyone waiting.
 */
export const MIN_LEARNED_SAMPLES = 3;

/**
 * The average minutes one ticket takes at the counter, learned from today's
 * finished tickets (`startedAt` → `finishedAt`, in minutes) once there are
 * MIN_LEARNED_SAMPLES of them, else `fallback` (the service's configured average).
 *
 * Durations that are not positive or longer than MAX_PLAUSIBLE_SERVICE_MINUTES
 * are ignored as clock skew or forgotten tickets. The result is rounded to
 * 0.1 minute, not to a whole minute, so the single rounding up happens in
 * `estimateWaitMinutes` after the multiplication; it is at least 1.
 * @throws RangeError when `fallback` is not a finite number.
 */
export function averageServiceMinutes(finishedDurationsMinutes: readonly number[], fallback: number): number {
  if (!Number.isFinite(fallback)) throw new RangeError(`Fallback average must be a number, got ${fallback}`);
  const plausible = finishedDurationsMinutes.filter(
    (d) => Number.isFinite(d) && d > 0 && d <= MAX_PLAUSIBLE_SERVICE_MINUTES,
  );
  const mean =
    plausible.length < MIN_LEARNED_SAMPLES
      ? fallback
      : plausible.reduce((sum, d) => sum + d, 0) / plausible.length;
  return Math.max(1, Math.round(mean * 10) / 10);
}

/**
 * Minutes from `startedAt` to `finishedAt` of every ticket that has both (a
 * finished service), ready for `averageServiceMinutes`.
 */
export function serviceDurationsMinutes(
  tickets: readonly { startedAt: string | null; finishedAt: string | null }[],
): number[] {
  const durations: number[] = [];
  for (const { startedAt, finishedAt } of tickets) {
    if (startedAt === null || finishedAt === null) continue;
    durations.push((Date.parse(finishedAt) - Date.parse(startedAt)) / 60_000);
  }
  return durations;
}

/**
 * Whole minutes until a ticket `position` places from the front is called:
 * ceil(position × averageMinutes ÷ max(openCounters, 1)); 0 for the next one.
 * With no counter open yet (before opening) it estimates as if one were.
 * @throws RangeError when `position` is not a whole number from 0, or the average or counters are not finite.
 */
export function estimateWaitMinutes(position: number, averageMinutes: number, openCounters: number): number {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`Position must be a whole number from 0, got ${position}`);
  }
  if (!Number.isFinite(averageMinutes) || averageMinutes < 0 || !Number.isFinite(openCounters)) {
    throw new RangeError(`Cannot estimate from average ${averageMinutes} and ${openCounters} counters`);
  }
  if (position === 0) return 0;
  const raw = (position * averageMinutes) / Math.max(openCounters, 1);
  // 50 × 1.1 ÷ 5 is 11.000000000000002 in floating point; a whisker below the next
  // minute keeps such quotients from being rounded up to 12.
  return Math.ceil(raw - 1e-9);
}
