/**
 * CatalogReader and RequestCatalogs over the catalog fake and a manual clock:
 * the instance's cache, lookups by id, and one copy of a mall per request.
 */
import { describe, expect, it } from 'vitest';
import type { MallCatalog } from '../../../src/domain/catalog/catalog.js';
import { CatalogReader, RequestCatalogs } from '../../../src/domain/catalog/catalog-reader.js';
import { ManualClock } from '../../../src/domain/time/clock.js';
import { twoAgencyCatalog } from '../../support/fakes/catalogs.js';
import { InMemoryCatalogRepository } from '../../support/fakes/index.js';
import { fixtureCatalog } from '../../support/fixture-catalog.js';

const T0 = new Date('2026-12-01T02:00:00Z');

function setup(maxAgeMs?: number) {
  const a = twoAgencyCatalog({ mallId: 'mal-a', counters: 2, services: [{}, { active: false }] });
  a.mall.name = 'Mal Pelayanan Publik Zamrud';
  const b = fixtureCatalog({ mallId: 'mal-b' });
  b.mall.name = 'Mal Pelayanan Publik Anggrek';
  const repo = new InMemoryCatalogRepository([a, b]);
  const clock = new ManualClock(T0);
  const reader = new CatalogReader(repo, clock, maxAgeMs === undefined ? {} : { maxAgeMs });
  return { repo, clock, reader, a };
}

function renamed(catalog: MallCatalog, name: string): MallCatalog {
  return { ...catalog, mall: { ...catalog.mall, name } };
}

describe('CatalogReader', () => {
  it('reads a mall once while its copy is younger than maxAgeMs, then again', async () => {
    const { repo, clock, reader } = setup(30_000);
    const [first, second] = await Promise.all([reader.mallCatalog('mal-a'), reader.mallCatalog('mal-a')]);
    expect(first).toBe(second);
    expect(repo.calls.loadMall).toBe(1);
    clock.advance(29_999);
    expect(await reader.mallCatalog('mal-a')).toBe(first);
    clock.advance(1);
    const fresh = await reader.mallCatalog('mal-a');
    expect(fresh).not.toBe(first);
    expect(repo.calls.loadMall).toBe(2);
  });

  it('answers null for an unknown mall (cached too) and for an implausible id without reading', async () => {
    const { repo, reader } = setup();
    expect(await reader.mallCatalog('no-such-mall')).toBeNull();
    expect(await reader.mallCatalog('no-such-mall')).toBeNull();
    expect(repo.calls.loadMall).toBe(1);
    expect(await reader.mallCatalog('')).toBeNull();
    expect(await reader.mallCatalog('m'.repeat(201))).toBeNull();
    expect(repo.calls.loadMall).toBe(1);
  });

  it('does not keep a failed read: the next caller reads again', async () => {
    const { repo, reader } = setup();
    repo.failNext();
    await expect(reader.mallCatalog('mal-a')).rejects.toThrow('ProvisionedThroughputExceededException');
    expect((await reader.mallCatalog('mal-a'))?.mall.id).toBe('mal-a');
    repo.failNext();
    await expect(reader.listMalls()).rejects.toThrow();
    expect((await reader.listMalls()).map((m) => m.id)).toEqual(['mal-b', 'mal-a']);
  });

  it('lists malls by name, cached like a mall, and forgets every copy on invalidate', async () => {
    const { repo, reader, clock, a } = setup(1000);
    expect((await reader.listMalls()).map((m) => m.name)).toEqual([
      'Mal Pelayanan Publik Anggrek',
      'Mal Pelayanan Publik Zamrud',
    ]);
    await reader.listMalls();
    expect(repo.calls.listMalls).toBe(1);
    repo.put(renamed(a, 'Mal Pelayanan Publik Aster'));
    expect((await reader.listMalls())[0]?.name).toBe('Mal Pelayanan Publik Anggrek');
    clock.advance(1000);
    expect((await reader.listMalls())[0]?.name).toBe('Mal Pelayanan Publik Anggrek');
    expect((await reader.listMalls())[1]?.name).toBe('Mal Pelayanan Publik Aster');
    await reader.mallCatalog('mal-a');
    reader.invalidate();
    await reader.mallCatalog('mal-a');
    await reader.listMalls();
    expect([repo.calls.loadMall, repo.calls.listMalls]).toEqual([2, 3]);
  });

  it('takes a catalog this instance just wrote as its copy at once, and lists malls afresh', async () => {
    const { repo, reader, a } = setup();
    const before = await reader.mallCatalog('mal-a');
    await reader.listMalls();
    reader.replace(renamed(a, 'Mal Pelayanan Publik Aster'));
    const after = await reader.mallCatalog('mal-a');
    expect(after).not.toBe(before);
    expect(after?.mall.name).toBe('Mal Pelayanan Publik Aster');
    expect(repo.calls.loadMall).toBe(1);
    repo.put(renamed(a, 'Mal Pelayanan Publik Aster'));
    expect((await reader.listMalls()).map((m) => m.name)).toEqual([
      'Mal Pelayanan Publik Anggrek',
      'Mal Pelayanan Publik Aster',
    ]);
    expect(repo.calls.listMalls).toBe(2);
  });

  it('finds a mall, agency, service or counter by its id, and nothing for a malformed or unknown one', async () => {
    const { reader } = setup();
    expect((await reader.mall('mal-a'))?.id).toBe('mal-a');
    expect((await reader.agency('mal-a:other'))?.name).toBe('Badan Lain');
    expect((await reader.service('mal-a:other:svc1'))?.ticketPrefix).toBe('D');
    expect((await reader.counter('mal-a:agency:loket-2'))?.name).toBe('Loket 2');
    expect((await reader.catalogOf('mal-b:agency'))?.mall.id).toBe('mal-b');
    for (const id of ['nocolon', ':agency', 'mal-z:agency', 'mal-a:agency:nope']) {
      expect(await reader.service(id), id).toBeNull();
    }
    expect(await reader.mall('mal-z')).toBeNull();
  });

  it('indexes a catalog: active services and counters of an agency by name, the schedules', async () => {
    const { reader } = setup();
    const catalog = await reader.mallCatalog('mal-a');
    if (!catalog) throw new Error('no catalog');
    expect(catalog.activeAgencies().map((x) => x.id)).toEqual(['mal-a:other', 'mal-a:agency']);
    expect(catalog.activeServicesOf('mal-a:agency').map((s) => s.id)).toEqual(['mal-a:agency:svc1']);
    expect(catalog.activeCountersOf('mal-a:agency').map((c) => c.id)).toEqual([
      'mal-a:agency:loket-1',
      'mal-a:agency:loket-2',
    ]);
    const counter = catalog.counters.get('mal-a:agency:loket-1');
    if (!counter) throw new Error('no counter');
    expect(catalog.servicesOfCounter(counter).map((s) => s.id)).toEqual(['mal-a:agency:svc1']);
    expect(catalog.servicesOfCounter(counter)).toBe(catalog.servicesOfCounter(counter));
    expect(catalog.mallSchedule()).toEqual({ timeZone: 'Asia/Jakarta', chain: [catalog.mall.schedule] });
    const agency = catalog.agencies.get('mal-a:agency');
    if (!agency) throw new Error('no agency');
    expect(catalog.agencySchedule(agency).chain).toHaveLength(1);
  });
});

describe('RequestCatalogs', () => {
  it('gives one request one copy of a mall even when the instance’s copy is replaced meanwhile', async () => {
    const { repo, reader, clock, a } = setup(1000);
    const request = new RequestCatalogs(reader);
    const before = await request.mallCatalog('mal-a');
    repo.put(renamed(a, 'Mal Baru'));
    clock.advance(5000);
    expect((await reader.mallCatalog('mal-a'))?.mall.name).toBe('Mal Baru');
    expect(await request.mallCatalog('mal-a')).toBe(before);
    expect((await request.mall('mal-a'))?.name).toBe('Mal Pelayanan Publik Zamrud');
    expect((await new RequestCatalogs(reader).mall('mal-a'))?.name).toBe('Mal Baru');
  });

  it('shares one read among the fields that ask at once, and reads synchronously once loaded', async () => {
    const { repo, reader } = setup();
    const request = new RequestCatalogs(reader);
    const pending = request.readCatalog('mal-b', (c) => c.mall.name);
    expect(pending).toBeInstanceOf(Promise);
    const [name, service] = await Promise.all([pending, request.service('mal-b:agency:svc1')]);
    expect([name, service?.id]).toEqual(['Mal Pelayanan Publik Anggrek', 'mal-b:agency:svc1']);
    expect(repo.calls.loadMall).toBe(1);
    expect(request.readCatalog('mal-b', (c) => c.services.size)).toBe(1);
    await expect(request.readCatalog('no-such-mall', (c) => c.mall.id)).rejects.toThrow(
      'Catalog of mall no-such-mall vanished mid-request',
    );
  });

  it('lists malls from the instance’s copy', async () => {
    const { repo, reader } = setup();
    await reader.listMalls();
    expect((await new RequestCatalogs(reader).listMalls()).map((m) => m.id)).toEqual(['mal-b', 'mal-a']);
    expect(repo.calls.listMalls).toBe(1);
  });
});
