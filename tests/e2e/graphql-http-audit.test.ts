/**
 * The GraphQL over HTTP audit suite of the `graphql-http` package, run
 * against `npm start` (issue 5): no audit that the spec calls MUST may fail.
 * SHOULD and MAY audits are printed, not asserted.
 */
import { type AuditResult, serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startLocalServer } from '../support/local-server.js';

describe('graphql-http server audits against the local server', () => {
  let server: RunningServer;
  const results: AuditResult[] = [];

  beforeAll(async () => {
    // Tuesday 2026-12-01 09:00 WIB.
    server = await startLocalServer({ LOKET_CLOCK: '2026-12-01T09:00:00+07:00' });
    for (const audit of serverAudits({ url: server.url, fetchFn: fetch })) results.push(await audit.fn());
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('runs the whole suite', () => {
    const tally = { ok: 0, notice: 0, warn: 0, error: 0 };
    for (const result of results) tally[result.status]++;
    console.log(`graphql-http audits: ${results.length} run`, tally);
    for (const result of results) {
      if (result.status !== 'ok')
        console.log(`  ${result.status.toUpperCase()} ${result.id} ${result.name}: ${result.reason}`);
    }
    expect(results.length).toBeGreaterThan(20);
    expect(results.some((r) => r.name.startsWith('MUST'))).toBe(true);
  });

  it('passes every MUST audit', () => {
    const failed = results
      .filter((r) => r.name.startsWith('MUST') || r.status === 'error')
      .flatMap((r) => (r.status === 'ok' ? [] : [`${r.id} ${r.name}: ${r.reason}`]));
    expect(failed).toEqual([]);
  });
});
