import type { Mall, MallCatalog } from '../../../src/domain/catalog/catalog.js';
import type { CatalogRepository } from '../../../src/domain/catalog/catalog-repository.js';
import { copy, roundTrip } from './conditions.js';

/**
 * Catalogs in memory, one per mall, as the data load would have written them.
 * Each read returns a fresh copy (as each Query does) and is counted;
 * `failNext` makes the next read fail, `put` replaces a mall's catalog (an admin edit).
 */
export class InMemoryCatalogRepository implements CatalogRepository {
  private readonly catalogs = new Map<string, MallCatalog>();
  readonly calls = { loadMall: 0, listMalls: 0 };
  private failures: Error[] = [];

  constructor(catalogs: readonly MallCatalog[] = []) {
    for (const catalog of catalogs) this.put(catalog);
  }

  put(catalog: MallCatalog): void {
    this.catalogs.set(catalog.mall.id, copy(catalog));
  }

  failNext(error = new Error('ProvisionedThroughputExceededException')): void {
    this.failures.push(error);
  }

  async loadMall(mallId: string): Promise<MallCatalog | null> {
    this.calls.loadMall++;
    await roundTrip();
    const failure = this.failures.shift();
    if (failure) throw failure;
    const catalog = this.catalogs.get(mallId);
    return catalog ? copy(catalog) : null;
  }

  async listMalls(): Promise<Mall[]> {
    this.calls.listMalls++;
    await roundTrip();
    const failure = this.failures.shift();
    if (failure) throw failure;
    return [...this.catalogs.values()].map((c) => copy(c.mall));
  }
}
