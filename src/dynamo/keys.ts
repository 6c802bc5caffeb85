/**
 * The one module that knows the table's keys: every partition key, sort key
 * and index key of Loket's single table is built here and nowhere else.
 * `docs/data-model.md` lists the access patterns these serve.
 */
import type { Agency, Counter, Mall, Service } from '../domain/catalog.js';
import { TABLE_DEFINITION } from './table-definition.js';

export const PK = TABLE_DEFINITION.partitionKey;
export const SK = TABLE_DEFINITION.sortKey;
export const TTL = TABLE_DEFINITION.timeToLiveAttribute;
export const GSI1 = { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' } as const;
export const GSI2 = { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' } as const;

/** Item types, stored in every item's `type` attribute. */
export type ItemType = 'MALL' | 'AGENCY' | 'SERVICE' | 'COUNTER';

/** The primary key of an item. */
export interface ItemKey {
  pk: string;
  sk: string;
}

/**
 * Catalog: one item collection per mall (`MALL#<mallId>`), so the whole
 * catalog of a mall is one Query. Mall headers are also in GSI1 under
 * `MALLS` for the list of malls.
 */
export const catalogKeys = {
  partition: (mallId: string): string => `MALL#${mallId}`,
  mall: (mallId: string): ItemKey => ({ pk: `MALL#${mallId}`, sk: 'MALL' }),
  agency: (a: Pick<Agency, 'mallId' | 'id'>): ItemKey => ({ pk: `MALL#${a.mallId}`, sk: `AGENCY#${a.id}` }),
  service: (s: Pick<Service, 'mallId' | 'id'>): ItemKey => ({
    pk: `MALL#${s.mallId}`,
    sk: `SERVICE#${s.id}`,
  }),
  counter: (c: Pick<Counter, 'mallId' | 'id'>): ItemKey => ({
    pk: `MALL#${c.mallId}`,
    sk: `COUNTER#${c.id}`,
  }),
  /** GSI1 entry of a mall header: the directory of malls. */
  mallDirectory: (m: Pick<Mall, 'id'>) => ({ [GSI1.pk]: 'MALLS', [GSI1.sk]: m.id }),
  mallDirectoryPartition: 'MALLS',
} as const;
