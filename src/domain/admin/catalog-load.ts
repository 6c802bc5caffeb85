/**
 * The data load as a client of the administration path: a mall's catalog as the data files declare it,
 * written through the same writer, checked with the same rules and audited as the loader's changes.
 *
 * Files and the API never undo each other: a load deactivates only what a load created and the files no
 * longer list (never what was made through the API), and where the files name something the API changed
 * since, the files win and the report says so (docs/domain-rules.md, 'Administration and machine clients').
 */
import { createHash } from 'node:crypto';
import type { MallCatalog } from '../catalog/catalog.js';
import { BadInputError } from '../shared/errors.js';
import { loaderViewer } from './audit.js';
import { counterConflicts, serviceConflicts } from './catalog-rules.js';
import { type CatalogItemWrite, type CatalogWriter, MAX_WRITES_PER_COMMIT } from './catalog-writer.js';

/** What a load of one mall did. */
export interface CatalogLoadReport {
  mallId: string;
  added: string[];
  changed: string[];
  /** Made by an earlier load, no longer in the files: kept, marked inactive, so old tickets still resolve. */
  deactivated: string[];
  unchanged: number;
  /** Changed through the API since, and now as the files say: the files won. */
  overridden: string[];
  /** Made through the API and not in the files: left as they are. */
  keptFromApi: string[];
  /** True when the files were the same as at the last load and nothing was applied (`onlyWhenFilesChanged`). */
  skipped: boolean;
}

/** Options of {@link loadDeclaredCatalog}. */
export interface CatalogLoadOptions {
  /** The instant of the audit entries. */
  at: Date;
  /**
   * Apply nothing when the files declare exactly what the last load applied (what `npm start` does on
   * every start, so that changes made through the API since are kept). @default false
   */
  onlyWhenFilesChanged?: boolean;
}

const ACTION: Record<CatalogItemWrite['type'], string> = {
  MALL: 'loadMall',
  AGENCY: 'upsertAgency',
  SERVICE: 'upsertService',
  COUNTER: 'upsertCounter',
};

/** Stable JSON: the same value gives the same text whatever its attribute order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** A digest of what the files declare for a mall. */
export function declarationDigest(catalog: MallCatalog): string {
  return createHash('sha256').update(canonicalJson(catalog)).digest('base64url');
}

function itemsOf(catalog: MallCatalog): CatalogItemWrite[] {
  return [
    { type: 'MALL', data: catalog.mall, source: 'LOAD' },
    ...catalog.agencies.map((data): CatalogItemWrite => ({ type: 'AGENCY', data, source: 'LOAD' })),
    ...catalog.services.map((data): CatalogItemWrite => ({ type: 'SERVICE', data, source: 'LOAD' })),
    ...catalog.counters.map((data): CatalogItemWrite => ({ type: 'COUNTER', data, source: 'LOAD' })),
  ];
}

/**
 * Writes `declared` (a validated mall catalog from the files) through `writer`, with an audit entry by the
 * loader for each item written. Writes go in transactions of up to 50 items (each with its audit entry);
 * a rerun after a failure completes a load.
 * @throws BadInputError when the files clash with what was made through the API (e.g. a ticket prefix).
 */
export async function loadDeclaredCatalog(
  writer: CatalogWriter,
  declared: MallCatalog,
  options: CatalogLoadOptions,
): Promise<CatalogLoadReport> {
  const mallId = declared.mall.id;
  const current = await writer.readForWrite(mallId);
  const digest = declarationDigest(declared);
  const report: CatalogLoadReport = {
    mallId,
    added: [],
    changed: [],
    deactivated: [],
    unchanged: 0,
    overridden: [],
    keptFromApi: [],
    skipped: false,
  };
  if (options.onlyWhenFilesChanged && current?.loadDigest === digest) {
    report.skipped = true;
    return report;
  }

  const existing = new Map<string, CatalogItemWrite>(
    current ? itemsOf(current.catalog).map((i) => [`${i.type}#${i.data.id}`, i]) : [],
  );
  const writes: CatalogItemWrite[] = [];
  for (const item of itemsOf(declared)) {
    const key = `${item.type}#${item.data.id}`;
    const old = existing.get(key);
    existing.delete(key);
    if (!old) report.added.push(item.data.id);
    else if (canonicalJson(old.data) !== canonicalJson(item.data)) {
      report.changed.push(item.data.id);
      if (current?.provenance.get(item.data.id)?.changedBy === 'API') report.overridden.push(item.data.id);
    } else {
      report.unchanged++;
      continue;
    }
    writes.push(item);
  }
  const final: MallCatalog = structuredClone(declared);
  for (const old of existing.values()) {
    if (old.type === 'MALL') continue;
    const createdBy = current?.provenance.get(old.data.id)?.createdBy ?? 'LOAD';
    if (createdBy === 'API') {
      report.keptFromApi.push(old.data.id);
      if (old.type === 'AGENCY') final.agencies.push(old.data);
      if (old.type === 'SERVICE') final.services.push(old.data);
      if (old.type === 'COUNTER') final.counters.push(old.data);
      continue;
    }
    if (!old.data.active) continue;
    report.deactivated.push(old.data.id);
    writes.push({ ...old, data: { ...old.data, active: false }, source: 'LOAD' } as CatalogItemWrite);
  }

  // What the API made stays; it must still fit the files' catalog (e.g. no ticket prefix used twice).
  for (const service of final.services) {
    const [issue] = serviceConflicts(final, service);
    if (issue) throw new BadInputError(`${service.id}: ${issue.field}: ${issue.reason}`, issue.field);
  }
  for (const counter of final.counters) {
    const [issue] = counterConflicts(final, counter);
    if (issue) throw new BadInputError(`${counter.id}: ${issue.field}: ${issue.reason}`, issue.field);
  }

  if (writes.length === 0 && current?.loadDigest === digest) return report;
  let version = current?.version ?? 0;
  // Each item brings its audit entry, and a commit without the mall item adds the mall's version update.
  const perCommit = Math.floor((MAX_WRITES_PER_COMMIT - 1) / 2);
  const at = options.at.toISOString();
  const by = loaderViewer(mallId);
  // The mall first: a mall that does not exist yet is created by the first transaction.
  writes.sort((a, b) => (a.type === 'MALL' ? -1 : b.type === 'MALL' ? 1 : 0));
  for (let i = 0; i < writes.length || i === 0; i += perCommit) {
    const batch = writes.slice(i, i + perCommit);
    const last = i + perCommit >= writes.length;
    await writer.commit(
      mallId,
      version,
      batch,
      batch.map((w) => ({ mallId, at, by, action: ACTION[w.type], target: w.data.id })),
      // The digest goes with the last batch: an interrupted load is applied again on the next start.
      last ? { loadDigest: digest } : {},
    );
    version++;
  }
  return report;
}
