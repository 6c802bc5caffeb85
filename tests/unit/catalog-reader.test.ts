/**
 * The catalog reader's cache and lookups, over a fake repository that counts its calls and a
 * ManualClock: time is moved, never slept on.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Agency, Counter, Mall, MallCatalog, Service } from '../../src/domain/catalog/catalog.js';
import { CatalogReader, IndexedCatalog, RequestCatalogs } from '../../src/domain/catalog/catalog-reader.js';
import type { CatalogRepository } from '../../src/domain/catalog/catalog-repository.js';
import { closedSchedule, type ScheduleSpec } from '../../src/domain/catalog/schedule.js';
import { weeklyOf } from '../../src/domain/catalog/schedule-view.js';
import { ManualClock } from '../../src/domain/time/clock.js';

function mall(id: string, name: string, timeZone: Mall['timeZone'] = 'Asia/Jakarta'): Mall {
  const schedule = closedSchedule();
  schedule.weekly.MONDAY = [{ opens: '08:00', closes: '15:00' }];
  return {
    id,
    name,
    regency: `Kabupaten ${name}`,
    province: 'Lampung',
    address: null,
    timeZone,
    schedule,
    settings: { priorityStreakLimit: 2, minRecallsBeforeNoShow: 1, targetWaitMinutes: 30 },
  };
}

function agency(
  mallId: string,
  slug: string,
  name: string,
  active = true,
  schedule: ScheduleSpec | null = null,
): Agency {
  return {
    id: `${mallId}:${slug}`,
    mallId,
    name,
    shortName: null,
    kind: 'VERTICAL',
    description: null,
    active,
    schedule,
  };
}

function service(agencyId: string, code: string, name: string, active = true): Service {
  const mallId = agencyId.split(':')[0] ?? '';
  return {
    id: `${agencyId}:${code.toLowerCase()}`,
    mallId,
    agencyId,
    code,
    name,
    description: null,
    ticketPrefix: code.slice(0, 1),
    requirements: ['KTP'],
    procedure: ['Ambil nomor antrean'],
    processingTime: '1 hari kerja',
    feeRupiah: 0,
    product: name,
    legalBasis: ['UU 25/2009'],
    complaintHandling: 'Petugas',
    dailyQuota: null,
    averageServiceMinutes: 10,
    cutoffMinutes: 30,
    active,
  };
}

function counter(agencyId: string, slug: string, name: string, serviceIds: string[], active = true): Counter {
  const mallId = agencyId.split(':')[0] ?? '';
  return { id: `${agencyId}:${slug}`, mallId, agencyId, name, serviceIds, active };
}

function lampungTengah(): MallCatalog {
  const polres = agency('lampung-tengah', 'polres', 'Polres Lampung Tengah');
  const bpjs = agency('lampung-tengah', 'bpjs-kesehatan', 'BPJS Kesehatan');
  const kemenag = agency('lampung-tengah', 'kemenag', 'Kemenag Lampung Tengah', false);
  const atr = agency('lampung-tengah', 'atr-bpn', 'ATR/BPN Lampung Tengah');
  const skck = service(polres.id, 'SKCK', 'SKCK');
  const sim = service(polres.id, 'SIM', 'Perpanjangan SIM', false);
  return {
    mall: mall('lampung-tengah', 'Lampung Tengah'),
    agencies: [polres, bpjs, kemenag, atr],
    services: [skck, sim, service(bpjs.id, 'DAFTAR', 'Pendaftaran Peserta')],
    counters: [counter(polres.id, 'loket-1', 'Loket Polres 1', [skck.id, sim.id])],
  };
}

function kotaMakassar(): MallCatalog {
  const dukcapil = agency('kota-makassar', 'disdukcapil', 'Disdukcapil Kota Makassar');
  const ktp = service(dukcapil.id, 'KTP', 'Perekaman KTP-el');
  return {
    mall: mall('kota-makassar', 'Kota Makassar', 'Asia/Makassar'),
    agencies: [dukcapil],
    services: [ktp],
    counters: [counter(dukcapil.id, 'loket-1', 'Loket Dukcapil 1', [ktp.id])],
  };
}

/** A promise whose settling the test decides. */
interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A repository over fixed catalogs that counts every call; a test may make the next loads wait or fail. */
class CountingRepository implements CatalogRepository {
  readonly loadCalls: string[] = [];
  listCalls = 0;
  /** When set, loadMall returns this promise instead of reading `catalogs`. */
  pending: Deferred<MallCatalog | null> | null = null;
  failures = 0;

  constructor(private readonly catalogs: MallCatalog[]) {}

  loadMall(mallId: string): Promise<MallCatalog | null> {
    this.loadCalls.push(mallId);
    if (this.pending) return this.pending.promise;
    if (this.failures > 0) {
      this.failures -= 1;
      return Promise.reject(new Error('DynamoDB unavailable'));
    }
    return Promise.resolve(this.catalogs.find((c) => c.mall.id === mallId) ?? null);
  }

  listMalls(): Promise<Mall[]> {
    this.listCalls += 1;
    if (this.failures > 0) {
      this.failures -= 1;
      return Promise.reject(new Error('DynamoDB unavailable'));
    }
    return Promise.resolve(this.catalogs.map((c) => c.mall));
  }
}

describe('CatalogReader cache', () => {
  let repository: CountingRepository;
  let clock: ManualClock;
  let reader: CatalogReader;

  beforeEach(() => {
    repository = new CountingRepository([lampungTengah(), kotaMakassar()]);
    clock = new ManualClock(new Date('2026-12-01T01:00:00Z'));
    reader = new CatalogReader(repository, clock);
  });

  it('reads the repository once for two reads within 30 s', async () => {
    const first = await reader.mallCatalog('lampung-tengah');
    clock.advance(29_999);
    const second = await reader.mallCatalog('lampung-tengah');
    expect(repository.loadCalls).toEqual(['lampung-tengah']);
    expect(second).toBe(first);
    expect(first?.mall.id).toBe('lampung-tengah');
  });

  it('reads the repository again once the copy is 30 s old', async () => {
    const first = await reader.mallCatalog('lampung-tengah');
    clock.advance(30_000);
    const second = await reader.mallCatalog('lampung-tengah');
    expect(repository.loadCalls).toEqual(['lampung-tengah', 'lampung-tengah']);
    expect(second).not.toBe(first);
    // The reloaded copy is fresh for another 30 s.
    clock.advance(10_000);
    await reader.mallCatalog('lampung-tengah');
    expect(repository.loadCalls).toHaveLength(2);
  });

  it('honours a configured maximum age', async () => {
    reader = new CatalogReader(repository, clock, { maxAgeMs: 1_000 });
    await reader.mallCatalog('lampung-tengah');
    clock.advance(999);
    await reader.mallCatalog('lampung-tengah');
    expect(repository.loadCalls).toHaveLength(1);
    clock.advance(1);
    await reader.mallCatalog('lampung-tengah');
    expect(repository.loadCalls).toHaveLength(2);
  });

  it('caches each mall apart', async () => {
    await reader.mallCatalog('lampung-tengah');
    await reader.mallCatalog('kota-makassar');
    await reader.mallCatalog('lampung-tengah');
    await reader.mallCatalog('kota-makassar');
    expect(repository.loadCalls).toEqual(['lampung-tengah', 'kota-makassar']);
  });

  it('shares one in-flight read between concurrent readers', async () => {
    const load = deferred<MallCatalog | null>();
    repository.pending = load;
    const reads = [
      reader.mallCatalog('lampung-tengah'),
      reader.agency('lampung-tengah:polres'),
      reader.service('lampung-tengah:polres:skck'),
      reader.mall('lampung-tengah'),
    ];
    expect(repository.loadCalls).toEqual(['lampung-tengah']);
    load.resolve(lampungTengah());
    const [catalog, polres, skck, header] = await Promise.all(reads);
    expect(repository.loadCalls).toHaveLength(1);
    expect(catalog).toBeInstanceOf(IndexedCatalog);
    expect((polres as Agency | null)?.name).toBe('Polres Lampung Tengah');
    expect((skck as Service | null)?.code).toBe('SKCK');
    expect((header as Mall | null)?.id).toBe('lampung-tengah');
  });

  it('does not cache a failed read: the next caller tries again', async () => {
    repository.failures = 1;
    await expect(reader.mallCatalog('lampung-tengah')).rejects.toThrow('DynamoDB unavailable');
    // No time passes: a cached failure would be served again here.
    const retried = await reader.mallCatalog('lampung-tengah');
    expect(repository.loadCalls).toEqual(['lampung-tengah', 'lampung-tengah']);
    expect(retried?.mall.id).toBe('lampung-tengah');
    // The successful read is cached.
    await reader.mallCatalog('lampung-tengah');
    expect(repository.loadCalls).toHaveLength(2);
  });

  it('gives every concurrent reader of a failed read the failure', async () => {
    const load = deferred<MallCatalog | null>();
    repository.pending = load;
    const a = reader.mallCatalog('lampung-tengah');
    const b = reader.mallCatalog('lampung-tengah');
    load.reject(new Error('throttled'));
    await expect(a).rejects.toThrow('throttled');
    await expect(b).rejects.toThrow('throttled');
    expect(repository.loadCalls).toHaveLength(1);
    repository.pending = null;
    await expect(reader.mallCatalog('lampung-tengah')).resolves.toBeInstanceOf(IndexedCatalog);
    expect(repository.loadCalls).toHaveLength(2);
  });

  it('caches a missing mall as null', async () => {
    expect(await reader.mallCatalog('kota-bogor')).toBeNull();
    expect(await reader.mall('kota-bogor')).toBeNull();
    expect(repository.loadCalls).toEqual(['kota-bogor']);
  });

  it('forgets every copy on invalidate', async () => {
    await reader.mallCatalog('lampung-tengah');
    await reader.listMalls();
    reader.invalidate();
    await reader.mallCatalog('lampung-tengah');
    await reader.listMalls();
    expect(repository.loadCalls).toHaveLength(2);
    expect(repository.listCalls).toBe(2);
  });

  describe('listMalls', () => {
    it('lists every mall by name', async () => {
      expect((await reader.listMalls()).map((m) => m.name)).toEqual(['Kota Makassar', 'Lampung Tengah']);
    });

    it('is cached for 30 s', async () => {
      await reader.listMalls();
      clock.advance(29_999);
      await reader.listMalls();
      expect(repository.listCalls).toBe(1);
      clock.advance(1);
      await reader.listMalls();
      expect(repository.listCalls).toBe(2);
    });

    it('shares one in-flight read and does not cache a failure', async () => {
      repository.failures = 1;
      const a = reader.listMalls();
      const b = reader.listMalls();
      await expect(a).rejects.toThrow('DynamoDB unavailable');
      await expect(b).rejects.toThrow('DynamoDB unavailable');
      expect(repository.listCalls).toBe(1);
      expect(await reader.listMalls()).toHaveLength(2);
      expect(repository.listCalls).toBe(2);
    });
  });

  describe("RequestCatalogs: one request's copies", () => {
    it('answers through a promise until the request has the catalog, then at once', async () => {
      const request = new RequestCatalogs(reader);
      const first = request.readCatalog('lampung-tengah', (c) => c.activeAgencies().length);
      expect(first).toBeInstanceOf(Promise);
      expect(await first).toBe(3);
      // Synchronous now: no promise for graphql-js to wait on.
      expect(request.readCatalog('lampung-tengah', (c) => c.activeAgencies().length)).toBe(3);
      expect(request.readCatalog('kota-makassar', (c) => c.mall.id)).toBeInstanceOf(Promise);
      expect(repository.loadCalls).toEqual(['lampung-tengah', 'kota-makassar']);
    });

    it('keeps one version of a catalog for the whole request, though the instance reloads it meanwhile', async () => {
      const request = new RequestCatalogs(reader);
      const seen = await request.readCatalog('lampung-tengah', (c) => c);
      clock.advance(30_000);
      const reloaded = await reader.mallCatalog('lampung-tengah');
      expect(reloaded).not.toBe(seen);
      expect(request.readCatalog('lampung-tengah', (c) => c)).toBe(seen);
      // A new request sees the reloaded copy.
      expect(await new RequestCatalogs(reader).readCatalog('lampung-tengah', (c) => c)).toBe(reloaded);
    });

    it('reads a mall once per request, even without the instance cache', async () => {
      const uncached = new CatalogReader(repository, clock, { maxAgeMs: 0 });
      const request = new RequestCatalogs(uncached);
      // The fields of one mall ask together, before the first read is answered.
      const answers = await Promise.all([
        request.readCatalog('lampung-tengah', (c) => c.mall.id),
        request.readCatalog('lampung-tengah', (c) => c.activeAgencies().length),
        request.readCatalog('lampung-tengah', (c) => c.activeServicesOf('lampung-tengah:polres').length),
      ]);
      expect(answers).toEqual(['lampung-tengah', 3, 1]);
      expect(repository.loadCalls).toEqual(['lampung-tengah']);
    });

    it('finds the root entity in the same copy the nested fields then read', async () => {
      const request = new RequestCatalogs(new CatalogReader(repository, clock, { maxAgeMs: 0 }));
      const polres = await request.agency('lampung-tengah:polres');
      expect(polres?.name).toBe('Polres Lampung Tengah');
      expect(request.readCatalog('lampung-tengah', (c) => c.agencies.get('lampung-tengah:polres'))).toBe(
        polres,
      );
      expect(await request.service('lampung-tengah:tidak-ada')).toBeNull();
      expect(repository.loadCalls).toEqual(['lampung-tengah']);
    });

    it('fails the field, not the process, when the mall is gone', async () => {
      await expect(new RequestCatalogs(reader).readCatalog('kota-lain', (c) => c)).rejects.toThrow(
        /vanished/,
      );
    });
  });
});

describe('CatalogReader lookups by id', () => {
  let repository: CountingRepository;
  let reader: CatalogReader;

  beforeEach(() => {
    repository = new CountingRepository([lampungTengah(), kotaMakassar()]);
    reader = new CatalogReader(repository, new ManualClock(new Date('2026-12-01T01:00:00Z')));
  });

  it('finds an agency in the mall its id names', async () => {
    const found = await reader.agency('kota-makassar:disdukcapil');
    expect(found?.name).toBe('Disdukcapil Kota Makassar');
    expect(found?.mallId).toBe('kota-makassar');
    expect(repository.loadCalls).toEqual(['kota-makassar']);
  });

  it('finds a service in the mall its id names', async () => {
    const found = await reader.service('lampung-tengah:polres:skck');
    expect(found?.name).toBe('SKCK');
    expect(found?.agencyId).toBe('lampung-tengah:polres');
    expect(repository.loadCalls).toEqual(['lampung-tengah']);
  });

  it('finds a counter in the mall its id names', async () => {
    const found = await reader.counter('kota-makassar:disdukcapil:loket-1');
    expect(found?.name).toBe('Loket Dukcapil 1');
    expect(repository.loadCalls).toEqual(['kota-makassar']);
  });

  it('returns null for an id that the named mall does not hold', async () => {
    expect(await reader.agency('lampung-tengah:disdukcapil')).toBeNull();
    expect(await reader.service('kota-makassar:polres:skck')).toBeNull();
    expect(await reader.counter('lampung-tengah:polres:loket-9')).toBeNull();
  });

  it('returns null for an id of an unknown mall', async () => {
    expect(await reader.agency('kota-bogor:polres')).toBeNull();
  });

  it('returns null for a malformed id without reading the repository', async () => {
    expect(await reader.agency('polres')).toBeNull();
    expect(await reader.service('')).toBeNull();
    expect(await reader.counter(':polres:loket-1')).toBeNull();
    expect(await reader.catalogOf('lampung-tengah')).toBeNull();
    expect(repository.loadCalls).toEqual([]);
  });

  it('does not take a service id for an agency id, nor the reverse', async () => {
    expect(await reader.agency('lampung-tengah:polres:skck')).toBeNull();
    expect(await reader.service('lampung-tengah:polres')).toBeNull();
  });
});

describe('IndexedCatalog', () => {
  const catalog = new IndexedCatalog(lampungTengah());

  it('lists active agencies by name, leaving out inactive ones', () => {
    expect(catalog.activeAgencies().map((a) => a.name)).toEqual([
      'ATR/BPN Lampung Tengah',
      'BPJS Kesehatan',
      'Polres Lampung Tengah',
    ]);
  });

  it('lists only active services and counters of an agency', () => {
    expect(catalog.activeServicesOf('lampung-tengah:polres').map((s) => s.code)).toEqual(['SKCK']);
    expect(catalog.activeCountersOf('lampung-tengah:polres').map((c) => c.name)).toEqual(['Loket Polres 1']);
    expect(catalog.activeServicesOf('lampung-tengah:kemenag')).toEqual([]);
  });

  it('lists the active services a counter serves', () => {
    const loket = catalog.counters.get('lampung-tengah:polres:loket-1');
    expect(loket).toBeDefined();
    expect(catalog.servicesOfCounter(loket as Counter).map((s) => s.code)).toEqual(['SKCK']);
  });

  it("builds an agency's schedule on the mall's, in the mall's zone", () => {
    const own = closedSchedule();
    const withOwn = agency('lampung-tengah', 'bank', 'Bank Lampung', true, own);
    const withoutOwn = agency('lampung-tengah', 'bpjs', 'BPJS', true, null);
    expect(catalog.agencySchedule(withOwn)).toEqual({
      timeZone: 'Asia/Jakarta',
      chain: [catalog.mall.schedule, own],
    });
    expect(catalog.agencySchedule(withoutOwn).chain).toEqual([catalog.mall.schedule]);
    expect(catalog.mallSchedule()).toEqual({ timeZone: 'Asia/Jakarta', chain: [catalog.mall.schedule] });
  });

  it('keeps one schedule per agency and one service list per counter for the life of the load', () => {
    const polres = catalog.agencies.get('lampung-tengah:polres') as Agency;
    const loket = catalog.counters.get('lampung-tengah:polres:loket-1') as Counter;
    expect(catalog.agencySchedule(polres)).toBe(catalog.agencySchedule(polres));
    expect(catalog.mallSchedule()).toBe(catalog.mallSchedule());
    expect(catalog.servicesOfCounter(loket)).toBe(catalog.servicesOfCounter(loket));
    // Weekly hours are computed once per schedule, so once per agency and load.
    expect(weeklyOf(catalog.agencySchedule(polres))).toBe(weeklyOf(catalog.agencySchedule(polres)));
  });

  it('answers by the object, so an agency of another load gets its own schedule', () => {
    const polres = catalog.agencies.get('lampung-tengah:polres') as Agency;
    const reloaded = { ...polres, schedule: closedSchedule() };
    expect(catalog.agencySchedule(reloaded).chain).toEqual([catalog.mall.schedule, reloaded.schedule]);
    expect(catalog.agencySchedule(polres).chain).toEqual(
      polres.schedule ? [catalog.mall.schedule, polres.schedule] : [catalog.mall.schedule],
    );
    const next = new IndexedCatalog(lampungTengah());
    const again = next.agencies.get('lampung-tengah:polres') as Agency;
    expect(next.agencySchedule(again)).not.toBe(catalog.agencySchedule(polres));
  });
});
