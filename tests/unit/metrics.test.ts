/**
 * Loket's metrics as CloudWatch receives them: Embedded Metric Format lines written by the app layer from
 * what an answer says, where POWERTOOLS_METRICS_NAMESPACE is set (CDK sets it; nowhere else writes any).
 */
import { type OperationDefinitionNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type MetricsModule = typeof import('../../src/app/metrics.js');

interface EmfLine {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  [key: string]: unknown;
}

/** The EMF lines `fn` writes to stdout. */
function emfLines(fn: () => void): EmfLine[] {
  const written: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: unknown) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  return written
    .join('')
    .split('\n')
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfLine);
}

/** Each metric of the lines with its value and its dimensions other than `service`. */
function metricsOf(lines: EmfLine[]): { name: string; value: unknown; code?: unknown }[] {
  return lines.flatMap((line) =>
    line._aws.CloudWatchMetrics.flatMap((set) =>
      set.Metrics.map((metric) => ({
        name: metric.Name,
        value: line[metric.Name],
        ...(set.Dimensions.flat().includes('code') ? { code: line.code } : {}),
      })),
    ),
  );
}

function operation(source: string): OperationDefinitionNode {
  return parse(source).definitions[0] as OperationDefinitionNode;
}

const SCOPE = { requestId: 'r', lambdaRequestId: 'l', coldStart: false };

describe('with POWERTOOLS_METRICS_NAMESPACE set', () => {
  let metrics: MetricsModule;
  beforeAll(async () => {
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'Loket');
    vi.resetModules();
    metrics = await import('../../src/app/metrics.js');
  });
  afterAll(() => vi.unstubAllEnvs());

  it('counts tickets issued and called, refused moves and errors by code, and the catalog cache', () => {
    const lines = emfLines(() => {
      metrics.recordAnswer(
        operation(`mutation {
          a: takeTicket(input: { serviceId: "s" }) { id }
          b: takeTicket(input: { serviceId: "s" }) { id }
          c: callNextTicket(counterId: "k") { id }
          d: finishTicket(id: "t") { id }
        }`),
        { a: { id: 't1' }, b: null, c: { id: 't2' }, d: null },
        [
          { path: ['b'], extensions: { code: 'QUOTA_EXHAUSTED' } },
          { path: ['d'], extensions: { code: 'INVALID_TRANSITION' } },
        ],
      );
      metrics.publishRequestMetrics({ ...SCOPE, catalogLookups: 3, catalogLoads: 1 });
    });
    expect(lines.every((line) => line._aws.CloudWatchMetrics[0]?.Namespace === 'Loket')).toBe(true);
    expect(metricsOf(lines)).toEqual(
      expect.arrayContaining([
        { name: 'Requests', value: 1 },
        { name: 'TicketsIssued', value: 1 },
        { name: 'TicketsCalled', value: 1 },
        { name: 'CatalogCacheHits', value: 2 },
        { name: 'CatalogCacheMisses', value: 1 },
        { name: 'Errors', value: 1, code: 'QUOTA_EXHAUSTED' },
        { name: 'Errors', value: 1, code: 'INVALID_TRANSITION' },
        { name: 'MovesRefused', value: 1, code: 'INVALID_TRANSITION' },
      ]),
    );
    // A refused takeTicket is no refused move: it moves no existing ticket.
    expect(metricsOf(lines).filter((m) => m.name === 'MovesRefused')).toHaveLength(1);
  });

  it('counts rate-limited calls and transaction conflicts, and refusals before Apollo', () => {
    const lines = emfLines(() => {
      metrics.recordAnswer(operation('mutation { takeTicket(input: { serviceId: "s" }) { id } }'), null, [
        { extensions: { code: 'RATE_LIMITED' } },
      ]);
      metrics.recordAnswer(operation('mutation { callTicket(id: "t", counterId: "k") { id } }'), null, [
        { path: ['callTicket'], extensions: { code: 'CONFLICT' } },
      ]);
      metrics.recordRefusal('FORBIDDEN');
      metrics.publishRequestMetrics({ ...SCOPE, catalogLookups: 0, catalogLoads: 0 });
    });
    expect(metricsOf(lines)).toEqual(
      expect.arrayContaining([
        // Three values of one metric in one line: CloudWatch sums them.
        { name: 'Requests', value: [1, 1, 1] },
        { name: 'RateLimited', value: 1 },
        { name: 'TransactionConflicts', value: 1 },
        { name: 'MovesRefused', value: 1, code: 'CONFLICT' },
        { name: 'Errors', value: 1, code: 'FORBIDDEN' },
      ]),
    );
  });

  it('writes nothing for a request that recorded nothing', () => {
    expect(
      emfLines(() => metrics.publishRequestMetrics({ ...SCOPE, catalogLookups: 0, catalogLoads: 0 })),
    ).toEqual([]);
  });
});

it('writes no metric where POWERTOOLS_METRICS_NAMESPACE is unset (the local server, the tests)', async () => {
  vi.resetModules();
  const metrics: MetricsModule = await import('../../src/app/metrics.js');
  const lines = emfLines(() => {
    metrics.recordRefusal('FORBIDDEN');
    metrics.publishRequestMetrics({ ...SCOPE, catalogLookups: 1, catalogLoads: 1 });
  });
  expect(lines).toEqual([]);
});
