/**
 * The figures export (docs/figures-export.md): a mall's figures of a period, read from a running API
 * with an ADMIN token as `Mall.figures` returns them, written as CSV with one row per service and day.
 * The numbers are the API's, unchanged.
 */
import { readFileSync } from 'node:fs';
import type { MallFiguresQuery } from '../generated/client/graphql.js';

/**
 * The query the export sends: the admin console's `MallFigures` (operations/MallFigures.graphql), so the
 * export is a trusted document wherever ad-hoc queries are refused, and its numbers are the console's.
 */
export const FIGURES_EXPORT_QUERY = readFileSync(
  new URL('../../operations/MallFigures.graphql', import.meta.url),
  'utf8',
);

/** One agency of the query's answer, as GraphQL Code Generator types the `MallFigures` operation. */
type ExportedAgency = NonNullable<MallFiguresQuery['mall']>['figures']['agencies'][number];

/** What of the query's answer the CSV reads (the generated answer type, or any part of it with these). */
export interface FiguresExportAnswer {
  mall: { figures: { agencies: Pick<ExportedAgency, 'agency' | 'days'>[] } } | null | undefined;
}

/** The CSV columns, in order: the header row. */
export const CSV_COLUMNS = [
  'date',
  'agency_id',
  'agency_name',
  'service_id',
  'service_code',
  'service_name',
  'issued',
  'served',
  'no_show',
  'cancelled',
  'transferred_out',
  'wait_minutes_avg',
  'wait_minutes_p50',
  'wait_minutes_p90',
  'service_minutes_avg',
  'service_minutes_p50',
  'service_minutes_p90',
  'served_within_target',
  'bookings',
  'booking_no_shows',
] as const;

/** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break; empty for none. */
function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading =, +, - or @ would be a formula in a spreadsheet: names from the catalog are data.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV of an answer: a header, then one row per service and day, by date, agency, then service. */
export function figuresCsv(answer: FiguresExportAnswer): string {
  const rows: (string | number | null | undefined)[][] = [];
  for (const { agency, days } of answer.mall?.figures.agencies ?? []) {
    for (const d of days) {
      rows.push([
        d.date,
        agency.id,
        agency.name,
        d.service.id,
        d.service.code,
        d.service.name,
        d.issued,
        d.served,
        d.noShow,
        d.cancelled,
        d.transferredOut,
        d.waitMinutesAvg,
        d.waitMinutesP50,
        d.waitMinutesP90,
        d.serviceMinutesAvg,
        d.serviceMinutesP50,
        d.serviceMinutesP90,
        d.servedWithinTarget,
        d.bookings,
        d.bookingNoShows,
      ]);
    }
  }
  rows.sort(
    (a, b) =>
      String(a[0]).localeCompare(String(b[0])) ||
      String(a[1]).localeCompare(String(b[1])) ||
      String(a[3]).localeCompare(String(b[3])),
  );
  return [[...CSV_COLUMNS], ...rows]
    .map((r) => r.map(field).join(','))
    .join('\r\n')
    .concat('\r\n');
}
