/**
 * The port through which every change to a catalog is written, by the administration mutations and by
 * the data load alike: one optimistic transaction per change set, with its audit entries.
 */
import type { Agency, Counter, Mall, MallCatalog, Service } from '../catalog/catalog.js';
import type { AuditEntry } from './audit.js';

/** Who last wrote an item: a data load or the API. */
export type ChangeSource = 'LOAD' | 'API';

/** Where an item of the catalog came from. */
export interface Provenance {
  /** Who created it: a load may deactivate only what a load created. */
  createdBy: ChangeSource;
  /** Who changed it last: a load that overrides an API change says so. */
  changedBy: ChangeSource;
}

/** A mall's catalog as the writer read it, fresh from the table: what a change is validated against. */
export interface WritableCatalog {
  catalog: MallCatalog;
  /** Bumped by every write; a write made against an older version is refused (StaleWriteError). */
  version: number;
  /** By item id (the mall's id for the mall). */
  provenance: Map<string, Provenance>;
  /** The digest of the files the last load applied (see `declarationDigest`); null before any load. */
  loadDigest: string | null;
}

/** Options of {@link CatalogWriter.commit}. */
export interface CommitOptions {
  /** Stores the digest of the files a load applied with this transaction. */
  loadDigest?: string;
}

/** One item to write. */
export type CatalogItemWrite =
  | { type: 'MALL'; data: Mall; source: ChangeSource }
  | { type: 'AGENCY'; data: Agency; source: ChangeSource }
  | { type: 'SERVICE'; data: Service; source: ChangeSource }
  | { type: 'COUNTER'; data: Counter; source: ChangeSource };

/** Largest number of items plus audit entries {@link CatalogWriter.commit} takes at once. */
export const MAX_WRITES_PER_COMMIT = 100;

/** Writes catalogs (the DynamoDB adapter implements it). */
export interface CatalogWriter {
  /** The mall's catalog, version and provenance, read fresh (never from a cache); null without the mall. */
  readForWrite(mallId: string): Promise<WritableCatalog | null>;
  /**
   * Writes `items` and `audit` in one transaction, if the mall's catalog is still at `expectedVersion`
   * (0: the mall does not exist yet), and bumps the version. All or nothing.
   * @throws StaleWriteError when another write came first.
   */
  commit(
    mallId: string,
    expectedVersion: number,
    items: CatalogItemWrite[],
    audit: AuditEntry[],
    options?: CommitOptions,
  ): Promise<void>;
}
