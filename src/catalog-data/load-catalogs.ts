/**
 * The data load: every data file validated (`data-files.ts`), then each mall's catalog written through
 * the administration path's writer (`loadDeclaredCatalog`), as audited changes by the loader.
 */
import { type CatalogLoadReport, loadDeclaredCatalog } from '../domain/admin/catalog-load.js';
import type { CatalogWriter } from '../domain/admin/catalog-writer.js';
import { readCatalogs } from './data-files.js';

/** Options of {@link loadCatalogs}. */
export interface LoadCatalogsOptions {
  /**
   * Skip a mall whose files declare what the last load applied: `npm start` loads on every start and
   * must keep what was changed through the API since. @default false
   */
  onlyWhenFilesChanged?: boolean;
  /** Instant of the audit entries. @default - now */
  at?: Date;
}

/**
 * Validates every data file under `dataDir`, then writes each mall's catalog.
 * Nothing is written unless every file is valid.
 *
 * @throws DataFilesInvalidError when a file is invalid.
 * @throws BadInputError when the files clash with what was made through the API (e.g. a ticket prefix).
 */
export async function loadCatalogs(
  dataDir: string,
  writer: CatalogWriter,
  options: LoadCatalogsOptions = {},
): Promise<CatalogLoadReport[]> {
  const catalogs = await readCatalogs(dataDir);
  const reports: CatalogLoadReport[] = [];
  for (const catalog of catalogs) {
    reports.push(
      await loadDeclaredCatalog(writer, catalog, {
        at: options.at ?? new Date(),
        onlyWhenFilesChanged: options.onlyWhenFilesChanged ?? false,
      }),
    );
  }
  return reports;
}

/** One line per mall: what the load added, changed and deactivated, and where it met changes made through the API. */
export function describeReports(reports: CatalogLoadReport[]): string {
  return reports
    .map((r) => {
      if (r.skipped) return `  ${r.mallId}: files unchanged since the last load; nothing applied`;
      const list = (label: string, ids: string[]) => (ids.length ? `\n    ${label}: ${ids.join(', ')}` : '');
      return (
        `  ${r.mallId}: ${r.added.length} added, ${r.changed.length} changed, ${r.deactivated.length} deactivated, ${r.unchanged} unchanged` +
        list('added', r.added) +
        list('changed', r.changed) +
        list('deactivated', r.deactivated) +
        list('changed through the API since, now as the files say (the files win)', r.overridden) +
        list('made through the API, not in the files, kept', r.keptFromApi)
      );
    })
    .join('\n');
}
