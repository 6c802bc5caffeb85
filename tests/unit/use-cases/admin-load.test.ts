/**
 * The data load through the catalog writer fake (loadDeclaredCatalog), and the instance's cache of
 * machine clients (MachineClientDirectory) over the admin fake and a manual clock.
 */
import { describe, expect, it } from 'vitest';
import { loadDeclaredCatalog } from '../../../src/domain/admin/catalog-load.js';
import { type MachineClient, MachineClientDirectory } from '../../../src/domain/admin/machine-client.js';
import type { MallCatalog } from '../../../src/domain/catalog/catalog.js';
import { BadInputError } from '../../../src/domain/shared/errors.js';
import { ManualClock } from '../../../src/domain/time/clock.js';
import { twoAgencyCatalog } from '../../support/fakes/catalogs.js';
import {
  createFakeWorld,
  InMemoryAdminRepository,
  InMemoryCatalogRepository,
} from '../../support/fakes/index.js';
import { adminOf } from '../../support/fakes/viewers.js';

const MALL = 'load-mall';
const AT = new Date('2026-12-01T02:00:00Z');

function declared(): MallCatalog {
  return twoAgencyCatalog({ mallId: MALL, counters: 2 });
}

describe('loadDeclaredCatalog', () => {
  it('creates a new mall in one go, audited as the loader, and writes nothing when run again', async () => {
    const admin = new InMemoryAdminRepository();
    const writer = new InMemoryCatalogRepository([], admin);
    const first = await loadDeclaredCatalog(writer, declared(), { at: AT });
    expect(first.added).toHaveLength(1 + 2 + 2 + 3); // mall, agencies, services, counters
    expect((await writer.loadMall(MALL))?.services).toHaveLength(2);
    expect(admin.entries.map((e) => [e.entry.action, e.entry.by.subject])[0]).toEqual(['loadMall', 'loader']);
    const commits = writer.calls.commit;
    const again = await loadDeclaredCatalog(writer, declared(), { at: AT });
    expect([again.added, again.changed, again.unchanged]).toEqual([[], [], 8]);
    expect(writer.calls.commit).toBe(commits);
    expect(
      (await loadDeclaredCatalog(writer, declared(), { at: AT, onlyWhenFilesChanged: true })).skipped,
    ).toBe(true);
  });

  it('deactivates what a load made and the files drop, keeps what the API made, and says where the files won', async () => {
    const w = createFakeWorld({ catalogs: [] });
    await loadDeclaredCatalog(w.catalogs, declared(), { at: AT });
    const api = w.adminService();
    await api.upsertAgency(adminOf(MALL), {
      mallId: MALL,
      slug: 'baru',
      name: 'Badan Baru',
      kind: 'VERTICAL',
    });
    await api.upsertAgency(adminOf(MALL), {
      mallId: MALL,
      slug: 'agency',
      name: 'Dinas Diubah',
      kind: 'REGIONAL',
    });
    const files = declared();
    files.counters = files.counters.filter((c) => c.id !== `${MALL}:agency:loket-2`);
    const report = await loadDeclaredCatalog(w.catalogs, files, { at: AT });
    expect(report).toMatchObject({
      changed: [`${MALL}:agency`],
      overridden: [`${MALL}:agency`],
      deactivated: [`${MALL}:agency:loket-2`],
      keptFromApi: [`${MALL}:baru`],
    });
    const stored = await w.catalogs.loadMall(MALL);
    expect(stored?.agencies.find((a) => a.id === `${MALL}:agency`)?.name).toBe('Dinas Uji');
    expect(stored?.counters.find((c) => c.id === `${MALL}:agency:loket-2`)?.active).toBe(false);
    expect(stored?.agencies.some((a) => a.id === `${MALL}:baru`)).toBe(true);
  });

  it('refuses files that clash with what the API made, writing nothing', async () => {
    const w = createFakeWorld({ catalogs: [] });
    await loadDeclaredCatalog(w.catalogs, declared(), { at: AT });
    await w.adminService().upsertService(adminOf(MALL), {
      agencyId: `${MALL}:agency`,
      slug: 'api',
      code: 'API',
      name: 'Layanan API',
      ticketPrefix: 'Z',
      requirements: ['KTP'],
      procedure: ['Datang'],
      processingTime: '1 hari',
      feeAmount: 0,
      product: 'Dokumen',
      legalBasis: ['Peraturan'],
      averageServiceMinutes: 5,
    });
    const files = declared();
    const first = files.services[0];
    if (first) first.ticketPrefix = 'Z';
    const commits = w.catalogs.calls.commit;
    await expect(loadDeclaredCatalog(w.catalogs, files, { at: AT })).rejects.toBeInstanceOf(BadInputError);
    expect(w.catalogs.calls.commit).toBe(commits);
  });
});

describe('MachineClientDirectory', () => {
  const client: MachineClient = {
    id: 'mc-aaaaaaaaaaaaaaaaaaaaaaaaaa',
    kind: 'KIOSK',
    name: 'Kiosk',
    mallId: MALL,
    agencyId: null,
    publicJwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', alg: 'ES256', use: 'sig' },
    createdAt: AT.toISOString(),
    revokedAt: null,
  };
  const audit = { mallId: MALL, at: AT.toISOString(), by: adminOf(MALL), action: 'test', target: client.id };

  it('serves a client from its cache for up to a minute, unknown ids too, and forgets one on request', async () => {
    const repo = new InMemoryAdminRepository();
    let reads = 0;
    const counted = {
      getMachineClient: (id: string) => {
        reads++;
        return repo.getMachineClient(id);
      },
    };
    const clock = new ManualClock(AT);
    const directory = new MachineClientDirectory(counted, clock);
    expect(await directory.get(client.id)).toBeNull();
    await repo.registerMachineClient(client, audit);
    expect(await directory.get(client.id)).toBeNull(); // the unknown id was cached
    clock.advance(60_000);
    expect((await directory.get(client.id))?.revokedAt).toBeNull();
    await repo.revokeMachineClient(client, AT.toISOString(), audit);
    expect((await directory.get(client.id))?.revokedAt).toBeNull(); // within the minute
    directory.forget(client.id);
    expect((await directory.get(client.id))?.revokedAt).toBe(AT.toISOString());
    expect(reads).toBe(3);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const flaky = {
      getMachineClient: async () => {
        if (fail) throw new Error('throttled');
        return client;
      },
    };
    const directory = new MachineClientDirectory(flaky, new ManualClock(AT));
    await expect(directory.get(client.id)).rejects.toThrow('throttled');
    fail = false;
    expect(await directory.get(client.id)).toEqual(client);
  });
});
