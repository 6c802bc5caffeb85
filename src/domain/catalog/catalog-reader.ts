/**
 * Read access to the catalog with a per-instance cache: a kiosk's opening
 * query costs one read of the mall's partition, and none while the cache is
 * warm. Catalog changes are rare (data loads, admin edits), so a copy at
 * most `maxAgeMs` old is an accepted staleness.
 */

import { NotFoundError } from '../shared/errors.js';
import type { Clock } from '../time/clock.js';
import type { Agency, Counter, Mall, MallCatalog, Service } from './catalog.js';
import { isPlausibleId, mallIdOf } from './catalog.js';
import type { CatalogRepository } from './catalog-repository.js';
import { byName } from './name-order.js';
import type { ScheduleView } from './schedule-view.js';

/** A catalog with lookups by id, built once per load. */
export class IndexedCatalog {
  readonly agencies = new Map<string, Agency>();
  readonly services = new Map<string, Service>();
  readonly counters = new Map<string, Counter>();
  /** Sorted once per load: every kiosk query asks each agency for them. */
  private readonly servicesByAgency = new Map<string, Service[]>();
  private readonly countersByAgency = new Map<string, Counter[]>();
  private readonly sortedAgencies: Agency[];
  /**
   * Made on first use and kept with this load: a kiosk query asks each of them of every agency and
   * counter on every request, and the same object each time lets `weeklyOf` keep its answer too.
   */
  private readonly schedules = new WeakMap<Agency, ScheduleView>();
  private readonly counterServices = new WeakMap<Counter, Service[]>();
  private ownSchedule: ScheduleView | undefined;

  constructor(readonly catalog: MallCatalog) {
    for (const a of catalog.agencies) this.agencies.set(a.id, a);
    for (const s of catalog.services) this.services.set(s.id, s);
    for (const c of catalog.counters) this.counters.set(c.id, c);
    this.sortedAgencies = byName(catalog.agencies.filter((a) => a.active));
    for (const s of byName(catalog.services.filter((s) => s.active)))
      push(this.servicesByAgency, s.agencyId, s);
    for (const c of byName(catalog.counters.filter((c) => c.active)))
      push(this.countersByAgency, c.agencyId, c);
  }

  get mall(): Mall {
    return this.catalog.mall;
  }

  /** Active agencies of the mall, by name. */
  activeAgencies(): Agency[] {
    return this.sortedAgencies;
  }

  /** Active services of an agency, by name. */
  activeServicesOf(agencyId: string): Service[] {
    return this.servicesByAgency.get(agencyId) ?? [];
  }

  /** Active counters of an agency, by name. */
  activeCountersOf(agencyId: string): Counter[] {
    return this.countersByAgency.get(agencyId) ?? [];
  }

  /** The active services a counter of this catalog serves, by name. */
  servicesOfCounter(counter: Counter): Service[] {
    return remember(this.counterServices, counter, () =>
      byName(
        counter.serviceIds.map((id) => this.services.get(id)).filter((s): s is Service => !!s && s.active),
      ),
    );
  }

  /** The mall's schedule. */
  mallSchedule(): ScheduleView {
    this.ownSchedule ??= { timeZone: this.mall.timeZone, chain: [this.mall.schedule] };
    return this.ownSchedule;
  }

  /** An agency's schedule: the mall's, narrowed by the agency's own when it has one. */
  agencySchedule(agency: Agency): ScheduleView {
    return remember(this.schedules, agency, () => {
      const chain = agency.schedule ? [this.mall.schedule, agency.schedule] : [this.mall.schedule];
      return { timeZone: this.mall.timeZone, chain };
    });
  }
}

/** Keyed by the object, so an agency or counter of another load never gets this load's answer. */
function remember<K extends object, T>(map: WeakMap<K, T>, key: K, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

interface CacheEntry<T> {
  loadedAt: number;
  value: Promise<T>;
}

/** Options of the catalog reader. */
export interface CatalogReaderOptions {
  /** Oldest copy served, in ms. @default 30000 */
  maxAgeMs?: number;
}

/** Malls, agencies, services and counters found by id, in whatever copies of the catalogs `mallCatalog` gives. */
export abstract class CatalogLookups {
  /** The catalog of a mall, or null when there is none. */
  abstract mallCatalog(mallId: string): Promise<IndexedCatalog | null>;

  /** The catalog that holds an agency, service or counter id; null for an unknown or malformed id. */
  catalogOf(id: string): Promise<IndexedCatalog | null> {
    const mallId = mallIdOf(id);
    return mallId ? this.mallCatalog(mallId) : Promise.resolve(null);
  }

  async mall(id: string): Promise<Mall | null> {
    return (await this.mallCatalog(id))?.mall ?? null;
  }

  async agency(id: string): Promise<Agency | null> {
    return (await this.catalogOf(id))?.agencies.get(id) ?? null;
  }

  async service(id: string): Promise<Service | null> {
    return (await this.catalogOf(id))?.services.get(id) ?? null;
  }

  /**
   * A service with the catalog that holds it, for use cases that read both.
   * @param activeOnly also refuse a service, or a service of an agency, that is no longer active.
   * @throws NotFoundError for an unknown (or, with `activeOnly`, inactive) service.
   */
  async requireService(
    id: string,
    activeOnly: boolean,
  ): Promise<{ catalog: IndexedCatalog; service: Service }> {
    const catalog = await this.catalogOf(id);
    const service = catalog?.services.get(id);
    const usable =
      service !== undefined &&
      (!activeOnly || (service.active && !!catalog?.agencies.get(service.agencyId)?.active));
    if (!catalog || !service || !usable) throw new NotFoundError('No such service.');
    return { catalog, service };
  }

  async counter(id: string): Promise<Counter | null> {
    return (await this.catalogOf(id))?.counters.get(id) ?? null;
  }
}

/** The catalog use cases over the instance's cached copies: find malls, agencies, services and counters by id. */
export class CatalogReader extends CatalogLookups {
  private readonly malls = new Map<string, CacheEntry<IndexedCatalog | null>>();
  private directory: CacheEntry<Mall[]> | null = null;
  private readonly maxAgeMs: number;

  constructor(
    private readonly repository: CatalogRepository,
    private readonly clock: Clock,
    options: CatalogReaderOptions = {},
  ) {
    super();
    this.maxAgeMs = options.maxAgeMs ?? 30_000;
  }

  /** The catalog of a mall, or null when there is none. */
  mallCatalog(mallId: string): Promise<IndexedCatalog | null> {
    if (!isPlausibleId(mallId)) return Promise.resolve(null);
    const now = this.clock.now().getTime();
    const cached = this.malls.get(mallId);
    if (cached && now - cached.loadedAt < this.maxAgeMs) return cached.value;
    const value = this.repository.loadMall(mallId).then((c) => (c ? new IndexedCatalog(c) : null));
    // A failed read is not cached: the next caller tries again.
    value.catch(() => this.malls.delete(mallId));
    this.malls.set(mallId, { loadedAt: now, value });
    return value;
  }

  /** Every mall, by name. */
  async listMalls(): Promise<Mall[]> {
    const now = this.clock.now().getTime();
    if (!this.directory || now - this.directory.loadedAt >= this.maxAgeMs) {
      const value = this.repository.listMalls().then(byName);
      value.catch(() => {
        this.directory = null;
      });
      this.directory = { loadedAt: now, value };
    }
    return this.directory.value;
  }

  /**
   * Takes `catalog` as the instance's copy of its mall, fresh from now: what this instance just wrote, so
   * its next request sees the change at once (other instances within `maxAgeMs`).
   */
  replace(catalog: MallCatalog): void {
    this.malls.set(catalog.mall.id, {
      loadedAt: this.clock.now().getTime(),
      value: Promise.resolve(new IndexedCatalog(catalog)),
    });
    // A new mall, or a renamed one, shows in the directory of malls at once too.
    this.directory = null;
  }

  /** Forgets every cached copy; the next read goes to the repository. */
  invalidate(): void {
    this.malls.clear();
    this.directory = null;
  }
}

/**
 * One request's view of the catalogs: the first read of a mall goes to the instance's reader (and its
 * cache), later ones get the same copy. So every field and every use case of a request sees one version
 * of a mall's catalog, even when the instance's cached copy is replaced mid-request, and the many nested
 * catalog fields of a kiosk query resolve without a promise each (`readCatalog`).
 */
export class RequestCatalogs extends CatalogLookups {
  private readonly loaded = new Map<string, IndexedCatalog | null>();
  /** Reads in flight, shared by the fields that ask before the first one is answered. */
  private readonly loading = new Map<string, Promise<IndexedCatalog | null>>();

  constructor(private readonly reader: CatalogReader) {
    super();
  }

  mallCatalog(mallId: string): Promise<IndexedCatalog | null> {
    let loading = this.loading.get(mallId);
    if (!loading) {
      loading = this.reader.mallCatalog(mallId).then((catalog) => {
        this.loaded.set(mallId, catalog);
        return catalog;
      });
      this.loading.set(mallId, loading);
    }
    return loading;
  }

  /** Every mall, by name (the directory is not a mall's catalog: the instance's copy). */
  listMalls(): Promise<Mall[]> {
    return this.reader.listMalls();
  }

  /**
   * `read` applied to the catalog of a mall whose mall, agency, service or counter this request already
   * holds: at once when this request has read it, otherwise once loaded.
   */
  readCatalog<T>(mallId: string, read: (catalog: IndexedCatalog) => T): T | Promise<T> {
    const catalog = this.loaded.get(mallId);
    if (catalog) return read(catalog);
    return this.mallCatalog(mallId).then((loaded) => {
      if (!loaded) throw new Error(`Catalog of mall ${mallId} vanished mid-request`);
      return read(loaded);
    });
  }
}
