import type { CatalogWriteReport, DynamoCatalogStore } from '../dynamo/catalog/catalog-store.js';
import { readCatalogs } from './data-files.js';

/**
 * Validates every data file under `dataDir`, then writes each mall's catalog.
 * Nothing is written unless every file is valid.
 *
 * @throws DataFilesInvalidError when a file is invalid.
 */
export async function loadCatalogs(
  dataDir: string,
  store: DynamoCatalogStore,
): Promise<CatalogWriteReport[]> {
  const catalogs = await readCatalogs(dataDir);
  const reports: CatalogWriteReport[] = [];
  for (const catalog of catalogs) reports.push(await store.writeCatalog(catalog));
  return reports;
}

/** One line per mall: what the load added, changed and deactivated. */
export function describeReports(reports: CatalogWriteReport[]): string {
  return reports
    .map((r) => {
      const list = (label: string, ids: string[]) => (ids.length ? `\n    ${label}: ${ids.join(', ')}` : '');
      return (
        `  ${r.mallId}: ${r.added.length} added, ${r.changed.length} changed, ${r.deactivated.length} deactivated, ${r.unchanged} unchanged` +
        list('added', r.added) +
        list('changed', r.changed) +
        list('deactivated', r.deactivated)
      );
    })
    .join('\n');
}
