/**
 * Small statistics for the benchmark: percentiles of latency samples, timing, rounding.
 */

/** The p-th percentile (0-100) of samples, by the nearest-rank method; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** The median of samples. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** p50, p95 and p99 of latency samples in ms. */
export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}

export function latencyOf(samples: readonly number[]): Latency {
  return {
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    n: samples.length,
  };
}

/** Rounds to `digits` decimals. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Runs `fn` and returns its result with its duration in ms. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}

/** Bytes in a human unit (decimal kB and MB, as the targets are stated). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${round(bytes / 1_000_000, 2)} MB`;
  if (bytes >= 1_000) return `${round(bytes / 1_000, 1)} kB`;
  return `${bytes} B`;
}
