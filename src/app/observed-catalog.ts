/**
 * The catalog reader as the app layer observes it: each lookup of a mall's catalog, and each that had to
 * read DynamoDB, is counted in the request's scope, for the catalog cache metrics. The domain's reader
 * stays unaware of metrics.
 */
import {
  CatalogReader,
  type CatalogReaderOptions,
  type IndexedCatalog,
} from '../domain/catalog/catalog-reader.js';
import type { CatalogRepository } from '../domain/catalog/catalog-repository.js';
import type { Clock } from '../domain/time/clock.js';
import { currentRequest } from './request-scope.js';

/** A `CatalogReader` that counts its lookups and its repository reads in the current request's scope. */
export class ObservedCatalogReader extends CatalogReader {
  constructor(repository: CatalogRepository, clock: Clock, options: CatalogReaderOptions = {}) {
    super(
      {
        loadMall: (mallId) => {
          const scope = currentRequest();
          if (scope) scope.catalogLoads++;
          return repository.loadMall(mallId);
        },
        listMalls: () => repository.listMalls(),
      },
      clock,
      options,
    );
  }

  override mallCatalog(mallId: string): Promise<IndexedCatalog | null> {
    const scope = currentRequest();
    if (scope) scope.catalogLookups++;
    return super.mallCatalog(mallId);
  }
}
