import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, type RunningServer, startLocalServer } from '../support/local-server.js';

async function isListening(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

describe('npm start, over HTTP', () => {
  let server: RunningServer;

  beforeAll(async () => {
    // Tuesday 2026-12-01 09:00 WIB.
    server = await startLocalServer({ LOKET_CLOCK: '2026-12-01T09:00:00+07:00' });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('serves the seed catalog a kiosk opens with', async () => {
    const { status, body } = await postGraphQL<{
      mall: { name: string; openNow: boolean; agencies: { name: string; services: { name: string }[] }[] };
    }>(server.url, '{ mall(id: "lampung-tengah") { name openNow agencies { name services { name } } } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.mall.name).toContain('Lampung Tengah');
    expect(body.data?.mall.openNow).toBe(true);
    expect(body.data?.mall.agencies.length).toBeGreaterThanOrEqual(11);
  });

  it('answers GET queries from tools that send a preflight header, and blocks simple GETs (CSRF)', async () => {
    const query = encodeURIComponent('{ me { role } }');
    const withHeader = await fetch(`${server.url}?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await withHeader.json()).toEqual({ data: { me: { role: 'PUBLIC' } } });
    const simple = await fetch(`${server.url}?query=${query}`);
    expect(simple.status).toBe(400);
  });

  it('gives a coded error for bad input over HTTP', async () => {
    const { body } = await postGraphQL(
      server.url,
      '{ mall(id: "lampung-tengah") { schedule { days(from: "2026-12-31", to: "2026-12-01") { date } } } }',
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers 404 off /graphql', async () => {
    const response = await fetch(server.url.replace('/graphql', '/nope'));
    expect(response.status).toBe(404);
  });
});

describe('npm start lifecycle', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'loket-e2e-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps data in LOKET_DATA_DIR across restarts and stops DynamoDB Local with the server', async () => {
    const first = await startLocalServer({ LOKET_MEMORY: '', LOKET_DATA_DIR: dataDir });
    expect(first.output()).toMatch(/Created table loket/);
    expect(first.dynamoEndpoint).toBeDefined();
    await first.stop();
    expect(await isListening(first.dynamoEndpoint ?? '')).toBe(false);

    const second = await startLocalServer({ LOKET_MEMORY: '', LOKET_DATA_DIR: dataDir });
    try {
      expect(second.output()).not.toMatch(/Created table/);
      // The data is still there: the load sees files unchanged since it last applied them, and applies nothing.
      expect(second.output()).toMatch(/lampung-tengah: files unchanged since the last load; nothing applied/);
    } finally {
      await second.stop();
    }
  });
});
