/**
 * The catalog in DynamoDB: reads for the API, and the idempotent write of a
 * validated catalog for the data load.
 */
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Agency, Counter, Mall, MallCatalog, Service } from '../../domain/catalog/catalog.js';
import type { CatalogRepository } from '../../domain/catalog/catalog-repository.js';
import { catalogKeys, GSI1, type ItemKey, type ItemType, PK } from '../shared/keys.js';
import { queryPartition } from '../shared/query-partition.js';

interface CatalogItem extends ItemKey {
  type: ItemType;
  data: Mall | Agency | Service | Counter;
  [key: string]: unknown;
}

function toItems(catalog: MallCatalog): CatalogItem[] {
  const { mall } = catalog;
  return [
    { ...catalogKeys.mall(mall.id), ...catalogKeys.mallDirectory(mall), type: 'MALL', data: mall },
    ...catalog.agencies.map((a): CatalogItem => ({ ...catalogKeys.agency(a), type: 'AGENCY', data: a })),
    ...catalog.services.map((s): CatalogItem => ({ ...catalogKeys.service(s), type: 'SERVICE', data: s })),
    ...catalog.counters.map((c): CatalogItem => ({ ...catalogKeys.counter(c), type: 'COUNTER', data: c })),
  ];
}

function fromItems(items: CatalogItem[]): MallCatalog | null {
  const mallItem = items.find((i) => i.type === 'MALL');
  if (!mallItem) return null;
  const of = <T>(type: ItemType) => items.filter((i) => i.type === type).map((i) => i.data as T);
  return {
    mall: mallItem.data as Mall,
    agencies: of<Agency>('AGENCY'),
    services: of<Service>('SERVICE'),
    counters: of<Counter>('COUNTER'),
  };
}

/** What a catalog write changed, by item. */
export interface CatalogWriteReport {
  mallId: string;
  added: string[];
  changed: string[];
  /** In the table but no longer in the files: kept, marked inactive, so old tickets still resolve. */
  deactivated: string[];
  unchanged: number;
}

/** Largest TransactWriteItems DynamoDB accepts. */
const MAX_TRANSACTION_ITEMS = 100;

/** Stable JSON for comparing items regardless of attribute order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** The DynamoDB adapter of `CatalogRepository`. */
export class DynamoCatalogStore implements CatalogRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private async partitionItems(mallId: string): Promise<CatalogItem[]> {
    const items = await queryPartition(this.client, {
      tableName: this.tableName,
      partitionKeyName: PK,
      value: catalogKeys.partition(mallId),
    });
    return items as CatalogItem[];
  }

  /** One Query of the mall's partition (one request per MB of catalog). */
  async loadMall(mallId: string): Promise<MallCatalog | null> {
    return fromItems(await this.partitionItems(mallId));
  }

  /** One Query of the mall directory in GSI1. */
  async listMalls(): Promise<Mall[]> {
    const items = await queryPartition(this.client, {
      tableName: this.tableName,
      index: { name: GSI1.name, pk: GSI1.pk },
      partitionKeyName: PK,
      value: catalogKeys.mallDirectoryPartition,
    });
    return items.map((i) => (i as CatalogItem).data as Mall);
  }

  /**
   * Writes a validated catalog: adds what is new, replaces what changed,
   * marks inactive what the files no longer name, leaves the rest untouched.
   * Running it twice writes nothing the second time. Writes go in
   * transactions of up to 100 items; a mall with more changes is written in
   * several, and a rerun after a failure completes it.
   */
  async writeCatalog(catalog: MallCatalog): Promise<CatalogWriteReport> {
    const existing = new Map((await this.partitionItems(catalog.mall.id)).map((i) => [i.sk, i]));
    const report: CatalogWriteReport = {
      mallId: catalog.mall.id,
      added: [],
      changed: [],
      deactivated: [],
      unchanged: 0,
    };
    const writes: CatalogItem[] = [];
    for (const item of toItems(catalog)) {
      const old = existing.get(item.sk);
      existing.delete(item.sk);
      if (!old) report.added.push(item.data.id);
      else if (canonical(old) !== canonical(item)) report.changed.push(item.data.id);
      else {
        report.unchanged++;
        continue;
      }
      writes.push(item);
    }
    for (const old of existing.values()) {
      if (old.type === 'MALL' || !('active' in old.data) || !old.data.active) continue;
      report.deactivated.push(old.data.id);
      writes.push({ ...old, data: { ...old.data, active: false } });
    }
    for (let i = 0; i < writes.length; i += MAX_TRANSACTION_ITEMS) {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: writes
            .slice(i, i + MAX_TRANSACTION_ITEMS)
            .map((Item) => ({ Put: { TableName: this.tableName, Item } })),
        }),
      );
    }
    return report;
  }
}
