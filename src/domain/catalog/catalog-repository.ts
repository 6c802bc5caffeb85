import type { Mall, MallCatalog } from './catalog.js';

/** Where catalogs are kept (the DynamoDB adapter implements it). */
export interface CatalogRepository {
  /** The whole catalog of one mall, or null when there is no such mall. */
  loadMall(mallId: string): Promise<MallCatalog | null>;
  /** Every mall header, in no particular order. */
  listMalls(): Promise<Mall[]>;
}
