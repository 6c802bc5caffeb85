import type { CatalogReader } from '../domain/catalog-reader.js';
import type { Viewer } from '../domain/viewer.js';

/** What every resolver receives: the instance's use cases and this request's caller and instant. */
export interface GraphQLContext {
  viewer: Viewer;
  /** The request's instant; every field of one request sees the same "now". */
  now: Date;
  catalog: CatalogReader;
}
