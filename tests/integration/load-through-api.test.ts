/**
 * `npm run load -- --api <url> --token <ADMIN token>` as a client of the administration path
 * (docs/data-files.md): the seed mall's validated files, sent as mutations through the real handler, give
 * the catalog a load into the table gives, audited as the token's admin; a rerun writes nothing.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCatalogs } from '../../src/catalog-data/data-files.js';
import { loadThroughApi } from '../../src/catalog-data/load-through-api.js';
import type { MallCatalog } from '../../src/domain/catalog/catalog.js';
import { DynamoCatalogStore } from '../../src/dynamo/catalog/catalog-store.js';
import { createHarness, type Harness } from '../support/harness.js';

const MALL = 'lampung-tengah';

describe('load through the API', () => {
  let h: Harness;
  let declared: MallCatalog;
  let send: (query: string, variables: Record<string, unknown>) => Promise<Record<string, unknown>>;

  beforeAll(async () => {
    const seed = (await readCatalogs('data')).find((c) => c.mall.id === MALL);
    if (!seed) throw new Error('no seed mall');
    declared = seed;
    // The table holds the mall alone, as a first load of its header would leave it.
    const bare: MallCatalog = { mall: seed.mall, agencies: [], services: [], counters: [] };
    h = await createHarness(inject('dynamoEndpoint'), [bare], new Date('2026-12-01T03:00:00Z'));
    const admin = await h.token({ role: 'ADMIN', mallId: MALL });
    send = async (query, variables) => {
      const r = await h.raw<Record<string, unknown>>(query, variables, admin);
      if (r.errors?.length) throw new Error(`${r.errors[0]?.extensions?.code}: ${r.errors[0]?.message}`);
      return r.data ?? {};
    };
  });

  afterAll(async () => {
    await h?.close();
  });

  it('gives the catalog of the files, every agency, service, counter and exception', async () => {
    const report = await loadThroughApi(declared, send);
    expect(report.sent.upsertAgency).toBe(declared.agencies.length);
    expect(report.sent.upsertService).toBe(declared.services.length);
    expect(report.sent.upsertCounter).toBe(declared.counters.length);
    const stored = await new DynamoCatalogStore(h.table.client, h.table.tableName).loadMall(MALL);
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(stored?.services ?? [])).toEqual(byId(declared.services));
    expect(byId(stored?.counters ?? [])).toEqual(byId(declared.counters));
    // Agencies without own hours stay on the mall's; those with exceptions get them all.
    for (const agency of declared.agencies) {
      const got = stored?.agencies.find((a) => a.id === agency.id);
      expect(got?.schedule?.exceptions ?? []).toEqual(agency.schedule?.exceptions ?? []);
      if (agency.schedule) expect(got?.schedule?.weekly).toEqual(agency.schedule.weekly);
    }
    expect(stored?.mall.schedule.exceptions).toEqual(declared.mall.schedule.exceptions);
  });

  it('writes nothing when run again', async () => {
    const audit = `query { auditLog(mallId: "${MALL}", first: 1) { edges { cursor } } }`;
    const before = JSON.stringify(await send(audit, {}));
    await loadThroughApi(declared, send);
    expect(JSON.stringify(await send(audit, {}))).toBe(before);
  });
});
