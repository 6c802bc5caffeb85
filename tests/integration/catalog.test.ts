import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServices } from '../../src/app/composition.js';
import { createLambdaHandler, type LoketHandler } from '../../src/app/handler.js';
import { DataFilesInvalidError } from '../../src/catalog-data/data-files.js';
import { loadCatalogs } from '../../src/catalog-data/load-catalogs.js';
import { ManualClock } from '../../src/domain/time/clock.js';
import { DynamoCatalogStore } from '../../src/dynamo/catalog/catalog-store.js';
import { fixtureCatalog } from '../support/fixture-catalog.js';
import { execute } from '../support/graphql.js';
import { testConfig } from '../support/harness.js';
import { createTestTable, type TestTable } from '../support/local-table.js';

const KIOSK_QUERY = /* GraphQL */ `
  query Kiosk($mallId: ID!) {
    mall(id: $mallId) {
      id name timeZone openNow
      schedule { weekly { weekday intervals { opens closes } } }
      agencies {
        id name shortName kind openNow
        schedule { weekly { weekday intervals { opens closes } } }
        services {
          id code name ticketPrefix requirements procedure processingTime product legalBasis
          complaintHandling dailyQuota averageServiceMinutes fee { amount currency }
        }
        counters { id name services { id } }
      }
    }
  }
`;

interface KioskData {
  mall: {
    id: string;
    openNow: boolean;
    agencies: {
      id: string;
      name: string;
      services: { id: string; code: string; fee: { amount: number; currency: string } }[];
      counters: { id: string; services: { id: string }[] }[];
    }[];
  } | null;
}

describe('catalog on DynamoDB Local', () => {
  let table: TestTable;
  let handler: LoketHandler;
  // Tuesday 2026-12-01 09:00 WIB: the Lampung Tengah mall is open.
  const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));

  beforeAll(async () => {
    table = await createTestTable(inject('dynamoEndpoint'));
    await loadCatalogs('data', new DynamoCatalogStore(table.client, table.tableName));
    const config = testConfig(table, clock);
    handler = createLambdaHandler(createServices(config, table.counter), config);
  });

  afterAll(async () => table?.drop());

  it('answers the kiosk query with one DynamoDB request, and none while the cache is warm', async () => {
    table.counter.reset();
    const cold = await execute<KioskData>(handler, KIOSK_QUERY, { mallId: 'lampung-tengah' });
    expect(cold.errors).toBeUndefined();
    expect(table.counter.total).toBe(1);
    expect(table.counter.byCommand()).toEqual({ QueryCommand: 1 });

    const mall = cold.data?.mall;
    expect(mall?.openNow).toBe(true);
    expect(mall?.agencies.length).toBeGreaterThanOrEqual(11);
    const polres = mall?.agencies.find((a) => a.id === 'lampung-tengah:polres');
    const skck = polres?.services.find((s) => s.code === 'SKCK');
    expect(skck?.fee).toEqual({ amount: 30000, currency: 'IDR' });
    const names = mall?.agencies.map((a) => a.name) ?? [];
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'id')));
    for (const agency of mall?.agencies ?? []) {
      expect(agency.services.length).toBeGreaterThan(0);
      expect(agency.counters.length).toBeGreaterThan(0);
    }

    table.counter.reset();
    clock.advance(29_000);
    const warm = await execute<KioskData>(handler, KIOSK_QUERY, { mallId: 'lampung-tengah' });
    expect(warm.data).toEqual(cold.data);
    expect(table.counter.total).toBe(0);

    clock.advance(1_000); // 30 s after the first read: the copy is too old
    await execute(handler, KIOSK_QUERY, { mallId: 'lampung-tengah' });
    expect(table.counter.total).toBe(1);
  });

  it('loads a mall of more items than one transaction holds, in several commits, and again writes nothing', async () => {
    // 1 mall + 1 agency + 80 services + 80 counters: more than two commits of items with their audit entries.
    const big = fixtureCatalog({
      mallId: 'big-mall',
      counters: 80,
      services: Array.from({ length: 80 }, (_, n) => ({ ticketPrefix: `B${n}` })),
    });
    const store = new DynamoCatalogStore(table.client, table.tableName);
    const first = await store.writeCatalog(big);
    expect(first.added).toHaveLength(162);
    const again = await store.writeCatalog(big);
    expect([...again.added, ...again.changed, ...again.deactivated]).toEqual([]);
    expect((await store.loadMall('big-mall'))?.services).toHaveLength(80);
  });

  it('lists the malls with one request for the directory', async () => {
    clock.advance(60_000);
    table.counter.reset();
    const result = await execute<{ malls: { id: string; timeZone: string }[] }>(
      handler,
      '{ malls { id timeZone } }',
    );
    expect(table.counter.total).toBe(1);
    const zones = result.data?.malls.map((m) => m.timeZone) ?? [];
    expect(result.data?.malls.map((m) => m.id)).toContain('lampung-tengah');
    expect(zones.some((z) => z !== 'Asia/Jakarta')).toBe(true);
  });

  it('finds agencies, services and counters by id, and gives null for unknown or malformed ids', async () => {
    const result = await execute<Record<string, { id: string; agency?: { id: string } } | null>>(
      handler,
      `{
        agency(id: "lampung-tengah:polres") { id }
        service(id: "lampung-tengah:polres:skck") { id agency { id } }
        unknownAgency: agency(id: "lampung-tengah:no-such-agency") { id }
        unknownMall: service(id: "no-such-mall:polres:skck") { id }
        malformed: counter(id: "polres") { id }
        mall(id: "nowhere") { id }
      }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.agency?.id).toBe('lampung-tengah:polres');
    expect(result.data?.service?.agency?.id).toBe('lampung-tengah:polres');
    expect(result.data?.unknownAgency).toBeNull();
    expect(result.data?.unknownMall).toBeNull();
    expect(result.data?.malformed).toBeNull();
    expect(result.data?.mall).toBeNull();
  });

  it('resolves days over a range, with holidays, and refuses ranges over 366 days', async () => {
    const ok = await execute<{
      mall: { schedule: { days: { date: string; intervals: unknown[]; reason: string | null }[] } };
    }>(
      handler,
      `{ mall(id: "lampung-tengah") { schedule { days(from: "2026-01-01", to: "2027-01-01") { date intervals { opens } reason } } } }`,
    );
    expect(ok.errors).toBeUndefined();
    const days = ok.data?.mall.schedule.days ?? [];
    expect(days).toHaveLength(366);
    expect(days[0]).toMatchObject({ date: '2026-01-01', intervals: [] });
    expect(days[0]?.reason).toBeTruthy();

    const tooLong = await execute(
      handler,
      `{ mall(id: "lampung-tengah") { schedule { days(from: "2026-01-01", to: "2027-01-02") { date } } } }`,
    );
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a malformed date as BAD_USER_INPUT, as a literal and as a variable', async () => {
    const literal = await execute(
      handler,
      `{ mall(id: "lampung-tengah") { schedule { days(from: "2026-02-30", to: "2026-03-01") { date } } } }`,
    );
    expect(literal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const variable = await execute(
      handler,
      `query($from: Date!) { mall(id: "lampung-tengah") { schedule { days(from: $from, to: "2026-03-01") { date } } } }`,
      { from: '1 Maret 2026' },
    );
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('data load', () => {
  let table: TestTable;
  let dir: string;

  beforeAll(async () => {
    table = await createTestTable(inject('dynamoEndpoint'));
    dir = await mkdtemp(join(tmpdir(), 'loket-data-'));
    await cp('data', dir, { recursive: true });
  });

  afterAll(async () => {
    await table?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const store = () => new DynamoCatalogStore(table.client, table.tableName);
  const polresFile = () => join(dir, 'malls', 'lampung-tengah', 'agencies', 'polres.json');

  it('is idempotent: a second load writes nothing', async () => {
    const first = await loadCatalogs(dir, store());
    expect(first.every((r) => r.added.length > 0 && r.changed.length === 0)).toBe(true);
    const second = await loadCatalogs(dir, store());
    for (const r of second) {
      expect(r.added).toEqual([]);
      expect(r.changed).toEqual([]);
      expect(r.deactivated).toEqual([]);
    }
  });

  it('reports a changed service and deactivates one removed from the files', async () => {
    const agency = JSON.parse(await readFile(polresFile(), 'utf8'));
    agency.services[0].averageServiceMinutes += 1;
    const removed = agency.services.pop();
    agency.counters = agency.counters.map((c: { services: string[] }) => ({
      ...c,
      services: c.services.filter((code) => code !== removed.code),
    }));
    agency.counters = agency.counters.filter((c: { services: string[] }) => c.services.length > 0);
    await writeFile(polresFile(), JSON.stringify(agency));

    const [report] = (await loadCatalogs(dir, store())).filter((r) => r.mallId === 'lampung-tengah');
    expect(report?.changed).toContain(`lampung-tengah:polres:${agency.services[0].code.toLowerCase()}`);
    expect(report?.deactivated).toContain(`lampung-tengah:polres:${removed.code.toLowerCase()}`);
    const catalog = await store().loadMall('lampung-tengah');
    const gone = catalog?.services.find(
      (s) => s.id === `lampung-tengah:polres:${removed.code.toLowerCase()}`,
    );
    expect(gone?.active).toBe(false);
  });

  it('refuses a bad file whole and writes nothing', async () => {
    const before = await store().loadMall('lampung-tengah');
    const agency = JSON.parse(await readFile(polresFile(), 'utf8'));
    agency.services[0].averageServiceMinutes = 99; // a valid change in the same load...
    await writeFile(polresFile(), JSON.stringify(agency));
    const mall = JSON.parse(await readFile(join(dir, 'malls', 'lampung-tengah', 'mall.json'), 'utf8'));
    mall.timeZone = 'Asia/Tokyo'; // ...next to an invalid one
    await writeFile(join(dir, 'malls', 'lampung-tengah', 'mall.json'), JSON.stringify(mall));

    const error = await loadCatalogs(dir, store()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFilesInvalidError);
    expect((error as DataFilesInvalidError).issues).toContainEqual(
      expect.objectContaining({ file: join('malls', 'lampung-tengah', 'mall.json'), field: 'timeZone' }),
    );
    expect(await store().loadMall('lampung-tengah')).toEqual(before);
  });
});
