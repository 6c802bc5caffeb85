import type { AuditEntry } from '../../../src/domain/admin/audit.js';
import {
  type CatalogItemWrite,
  type CatalogWriter,
  type ChangeSource,
  type CommitOptions,
  MAX_WRITES_PER_COMMIT,
  type Provenance,
  type WritableCatalog,
} from '../../../src/domain/admin/catalog-writer.js';
import type { Mall, MallCatalog } from '../../../src/domain/catalog/catalog.js';
import type { CatalogRepository } from '../../../src/domain/catalog/catalog-repository.js';
import { StaleWriteError } from '../../../src/domain/shared/stale-write-error.js';
import { copy, roundTrip } from './conditions.js';

/** One mall's partition: its catalog, the version every write bumps, who made each item, the last load. */
interface StoredMall {
  catalog: MallCatalog;
  /** Absent until the first write through the writer (a mall loaded before versions were kept). */
  version?: number;
  provenance: Map<string, Provenance>;
  loadDigest: string | null;
}

/** Where the catalog's audit entries go, in the same write as the change. */
export interface AuditSink {
  append(entries: readonly AuditEntry[]): void;
}

/**
 * Catalogs in memory, one partition per mall, read and written as the DynamoDB store
 * (src/dynamo/catalog/catalog-store.ts) does. Each read returns a fresh copy (as each Query does) and is
 * counted; `failNext` makes the next read fail; `put` stores a mall's catalog as a data load once did.
 * `commit` writes only if the mall is still at `expectedVersion` (0: no version yet) and, for a change of
 * an agency, service or counter, exists; else StaleWriteError UNKNOWN. It keeps who created each item,
 * bumps the version and hands its audit entries to the sink, all or nothing, at most 100 writes.
 */
export class InMemoryCatalogRepository implements CatalogRepository, CatalogWriter {
  private readonly malls = new Map<string, StoredMall>();
  readonly calls = { loadMall: 0, listMalls: 0, readForWrite: 0, commit: 0 };
  private failures: Error[] = [];
  /** Runs before `commit` checks its condition; may change the store (another admin winning). */
  beforeCommit: ((mallId: string) => void | Promise<void>) | null = null;

  constructor(
    catalogs: readonly MallCatalog[] = [],
    private readonly audit: AuditSink = { append: () => {} },
  ) {
    for (const catalog of catalogs) this.put(catalog);
  }

  /** Stores a mall's catalog as a data load made it (every item created by LOAD). */
  put(catalog: MallCatalog): void {
    const provenance = new Map<string, Provenance>();
    for (const item of [catalog.mall, ...catalog.agencies, ...catalog.services, ...catalog.counters]) {
      provenance.set(item.id, { createdBy: 'LOAD', changedBy: 'LOAD' });
    }
    const old = this.malls.get(catalog.mall.id);
    this.malls.set(catalog.mall.id, {
      catalog: copy(catalog),
      ...(old?.version === undefined ? {} : { version: old.version }),
      provenance,
      loadDigest: old?.loadDigest ?? null,
    });
  }

  failNext(error = new Error('ProvisionedThroughputExceededException')): void {
    this.failures.push(error);
  }

  private fail(): void {
    const failure = this.failures.shift();
    if (failure) throw failure;
  }

  async loadMall(mallId: string): Promise<MallCatalog | null> {
    this.calls.loadMall++;
    await roundTrip();
    this.fail();
    const stored = this.malls.get(mallId);
    return stored ? copy(stored.catalog) : null;
  }

  async listMalls(): Promise<Mall[]> {
    this.calls.listMalls++;
    await roundTrip();
    this.fail();
    return [...this.malls.values()].map((m) => copy(m.catalog.mall));
  }

  async readForWrite(mallId: string): Promise<WritableCatalog | null> {
    this.calls.readForWrite++;
    await roundTrip();
    this.fail();
    const stored = this.malls.get(mallId);
    if (!stored) return null;
    return {
      catalog: copy(stored.catalog),
      version: stored.version ?? 0,
      provenance: new Map([...stored.provenance].map(([id, p]) => [id, { ...p }])),
      loadDigest: stored.loadDigest,
    };
  }

  async commit(
    mallId: string,
    expectedVersion: number,
    items: CatalogItemWrite[],
    audit: AuditEntry[],
    options: CommitOptions = {},
  ): Promise<void> {
    this.calls.commit++;
    // As the store: the mall's version is an action of its own unless the mall item is among the writes.
    const versionAction = items.some((i) => i.type === 'MALL') ? 0 : 1;
    if (items.length + audit.length + versionAction > MAX_WRITES_PER_COMMIT) {
      throw new RangeError(
        `At most ${MAX_WRITES_PER_COMMIT} actions (items, audit entries, version) per commit`,
      );
    }
    await roundTrip();
    await this.beforeCommit?.(mallId);
    const stored = this.malls.get(mallId);
    const mallWrite = items.find((i) => i.type === 'MALL');
    const versionOk =
      expectedVersion === 0 ? stored?.version === undefined : stored?.version === expectedVersion;
    if (!versionOk || (!mallWrite && !stored)) throw new StaleWriteError('UNKNOWN');

    const next: StoredMall = stored
      ? { ...stored, catalog: copy(stored.catalog), provenance: new Map(stored.provenance) }
      : {
          catalog: {
            mall: copy((mallWrite as { data: Mall }).data),
            agencies: [],
            services: [],
            counters: [],
          },
          provenance: new Map(),
          loadDigest: null,
        };
    next.version = expectedVersion + 1;
    if (options.loadDigest) next.loadDigest = options.loadDigest;
    const mark = (id: string, source: ChangeSource) => {
      next.provenance.set(id, { createdBy: next.provenance.get(id)?.createdBy ?? source, changedBy: source });
    };
    const put = <T extends { id: string }>(list: T[], item: T): T[] =>
      list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
    for (const write of copy(items)) {
      if (write.type === 'MALL') next.catalog.mall = write.data;
      else if (write.type === 'AGENCY') next.catalog.agencies = put(next.catalog.agencies, write.data);
      else if (write.type === 'SERVICE') next.catalog.services = put(next.catalog.services, write.data);
      else next.catalog.counters = put(next.catalog.counters, write.data);
      mark(write.data.id, write.source);
    }
    this.malls.set(mallId, next);
    this.audit.append(audit);
  }
}
