/**
 * The catalog in DynamoDB: reads for the API, and the one writer of catalog changes, used by the
 * administration mutations and the data load alike (optimistic, per mall, with audit entries).
 */
import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/admin/audit.js';
import type { CatalogLoadReport } from '../../domain/admin/catalog-load.js';
import {
  type CatalogItemWrite,
  type CatalogWriter,
  type ChangeSource,
  type CommitOptions,
  MAX_WRITES_PER_COMMIT,
  type Provenance,
  type WritableCatalog,
} from '../../domain/admin/catalog-writer.js';
import type { Agency, Counter, Mall, MallCatalog, Service } from '../../domain/catalog/catalog.js';
import type { CatalogRepository } from '../../domain/catalog/catalog-repository.js';
import { StaleWriteError } from '../../domain/shared/stale-write-error.js';
import { adminKeys, catalogKeys, GSI1, type ItemKey, type ItemType, PK } from '../shared/keys.js';
import { queryPartition } from '../shared/query-partition.js';

interface CatalogItem extends ItemKey {
  type: ItemType;
  data: Mall | Agency | Service | Counter;
  [key: string]: unknown;
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

/** What a catalog write changed, by item (the load's report). */
export type CatalogWriteReport = CatalogLoadReport;

/** The attributes of a catalog item beside its data: who made it, who changed it last. */
const CREATED_BY = 'createdBy';
const CHANGED_BY = 'changedBy';
/** On the mall item: the catalog's version (every write bumps it) and the digest of the last load. */
const VERSION = 'catalogVersion';
const LOAD_DIGEST = 'loadDigest';

function keyOf(write: CatalogItemWrite): ItemKey {
  switch (write.type) {
    case 'MALL':
      return catalogKeys.mall(write.data.id);
    case 'AGENCY':
      return catalogKeys.agency(write.data);
    case 'SERVICE':
      return catalogKeys.service(write.data);
    case 'COUNTER':
      return catalogKeys.counter(write.data);
  }
}

/** The DynamoDB adapter of `CatalogRepository` and `CatalogWriter`. */
export class DynamoCatalogStore implements CatalogRepository, CatalogWriter {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private async partitionItems(mallId: string, consistent = false): Promise<CatalogItem[]> {
    const items = await queryPartition(this.client, {
      tableName: this.tableName,
      partitionKeyName: PK,
      value: catalogKeys.partition(mallId),
      consistent,
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

  /** One strongly consistent Query of the mall's partition. */
  async readForWrite(mallId: string): Promise<WritableCatalog | null> {
    const items = await this.partitionItems(mallId, true);
    const catalog = fromItems(items);
    if (!catalog) return null;
    const mallItem = items.find((i) => i.type === 'MALL');
    const provenance = new Map<string, Provenance>();
    for (const item of items) {
      // Items written before provenance was kept came from a load.
      const createdBy = (item[CREATED_BY] as ChangeSource | undefined) ?? 'LOAD';
      const changedBy = (item[CHANGED_BY] as ChangeSource | undefined) ?? createdBy;
      provenance.set(item.data.id, { createdBy, changedBy });
    }
    return {
      catalog,
      version: Number(mallItem?.[VERSION] ?? 0),
      provenance,
      loadDigest: (mallItem?.[LOAD_DIGEST] as string | undefined) ?? null,
    };
  }

  /**
   * One TransactWriteItems: the mall item's version (conditional on the version read), the items (each an
   * Update, so who created it is kept) and the audit entries. All or nothing.
   */
  async commit(
    mallId: string,
    expectedVersion: number,
    items: CatalogItemWrite[],
    audit: AuditEntry[],
    options: CommitOptions = {},
  ): Promise<void> {
    const mallWrite = items.find((i) => i.type === 'MALL');
    // The mall's version is its own action unless the mall item is among the writes.
    if (items.length + audit.length + (mallWrite ? 0 : 1) > MAX_WRITES_PER_COMMIT) {
      throw new RangeError(
        `At most ${MAX_WRITES_PER_COMMIT} actions (items, audit entries, version) per commit`,
      );
    }
    const names: Record<string, string> = { '#version': VERSION };
    const values: Record<string, unknown> = { ':next': expectedVersion + 1 };
    const sets = ['#version = :next'];
    let condition = expectedVersion === 0 ? 'attribute_not_exists(#version)' : '#version = :expected';
    if (expectedVersion !== 0) values[':expected'] = expectedVersion;
    if (options.loadDigest) {
      sets.push('#digest = :digest');
      names['#digest'] = LOAD_DIGEST;
      values[':digest'] = options.loadDigest;
    }
    if (mallWrite) {
      const directory = catalogKeys.mallDirectory(mallWrite.data);
      sets.push(
        '#data = :data',
        '#type = :type',
        '#gsi1pk = :gsi1pk',
        '#gsi1sk = :gsi1sk',
        '#changedBy = :source',
        '#createdBy = if_not_exists(#createdBy, :source)',
      );
      Object.assign(names, {
        '#data': 'data',
        '#type': 'type',
        '#gsi1pk': GSI1.pk,
        '#gsi1sk': GSI1.sk,
        '#changedBy': CHANGED_BY,
        '#createdBy': CREATED_BY,
      });
      Object.assign(values, {
        ':data': mallWrite.data,
        ':type': 'MALL' satisfies ItemType,
        ':gsi1pk': directory[GSI1.pk],
        ':gsi1sk': directory[GSI1.sk],
        ':source': mallWrite.source,
      });
    } else {
      // A change to an agency, service or counter needs its mall; only the mall's own write creates it.
      names['#pk'] = PK;
      condition = `attribute_exists(#pk) AND ${condition}`;
    }
    const mallUpdate = {
      TableName: this.tableName,
      Key: catalogKeys.mall(mallId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
    const itemUpdates = items
      .filter((i) => i.type !== 'MALL')
      .map((write) => ({
        Update: {
          TableName: this.tableName,
          Key: keyOf(write),
          UpdateExpression:
            'SET #data = :data, #type = :type, #changedBy = :source, #createdBy = if_not_exists(#createdBy, :source)',
          ExpressionAttributeNames: {
            '#data': 'data',
            '#type': 'type',
            '#changedBy': CHANGED_BY,
            '#createdBy': CREATED_BY,
          },
          ExpressionAttributeValues: { ':data': write.data, ':type': write.type, ':source': write.source },
        },
      }));
    const auditPuts = audit.map((entry) => ({
      Put: {
        TableName: this.tableName,
        Item: { ...adminKeys.audit(mallId, entry.at, randomUUID()), type: 'AUDIT' satisfies ItemType, entry },
      },
    }));
    try {
      await this.client.send(
        new TransactWriteCommand({ TransactItems: [{ Update: mallUpdate }, ...itemUpdates, ...auditPuts] }),
      );
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      ) {
        throw new StaleWriteError('UNKNOWN', { cause: error });
      }
      throw error;
    }
  }

  /**
   * Writes a validated catalog as the data load does (`loadDeclaredCatalog`): adds what is new, replaces
   * what changed, marks inactive what an earlier load made and the files no longer name. Running it twice
   * writes nothing the second time.
   */
  async writeCatalog(catalog: MallCatalog, at: Date = new Date()): Promise<CatalogWriteReport> {
    // Loaded on first use: the catalog rules and their validation library are the load's and the admin
    // mutations', and would otherwise be evaluated in every cold start of the API.
    const { loadDeclaredCatalog } = await import('../../domain/admin/catalog-load.js');
    return loadDeclaredCatalog(this, catalog, { at });
  }
}
