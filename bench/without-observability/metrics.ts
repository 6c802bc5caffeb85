/**
 * Stands in for src/app/metrics.ts in the bench's "without the observability" bundle: the same exports,
 * doing nothing, and no Powertools Metrics in the bundle. Never shipped.
 */
import type { ApolloServerPlugin } from '@apollo/server';

export function recordAnswer(): void {}

export function recordRefusal(_code: string): void {}

export function metricsPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {};
}

export function publishRequestMetrics(_scope: unknown): void {}
