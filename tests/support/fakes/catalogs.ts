/**
 * Catalogs for the use-case tests, built on `fixtureCatalog`: a mall with two
 * agencies (transfers across agencies, complaint assignment) and office hours
 * on weekdays only (working-day deadlines).
 */
import type { MallCatalog } from '../../../src/domain/catalog/catalog.js';
import type { ScheduleException, TimeInterval } from '../../../src/domain/catalog/schedule.js';
import { type FixtureOptions, fixtureCatalog } from '../fixture-catalog.js';

/**
 * `fixtureCatalog` plus a second agency `<mall>:other` with one service
 * (`<mall>:other:svc1`, prefix `D`) and one counter (`<mall>:other:loket-1`) serving it.
 */
export function twoAgencyCatalog(options: FixtureOptions): MallCatalog {
  const base = fixtureCatalog(options);
  const mallId = options.mallId;
  const agencyId = `${mallId}:other`;
  const template = base.services[0];
  const agencyTemplate = base.agencies[0];
  if (!template || !agencyTemplate) throw new Error('fixtureCatalog made no service or agency');
  const serviceId = `${agencyId}:svc1`;
  return {
    ...base,
    agencies: [...base.agencies, { ...agencyTemplate, id: agencyId, name: 'Badan Lain', shortName: 'Lain' }],
    services: [
      ...base.services,
      { ...template, id: serviceId, agencyId, code: 'OTH1', name: 'Layanan Lain', ticketPrefix: 'D' },
    ],
    counters: [
      ...base.counters,
      {
        id: `${agencyId}:loket-1`,
        mallId,
        agencyId,
        name: 'Loket Lain',
        serviceIds: [serviceId],
        active: true,
      },
    ],
  };
}

/** Weekdays 08:00 to 16:00, closed at weekends and on the given holidays. */
export function officeHoursCatalog(
  options: FixtureOptions & { holidays?: string[]; hours?: TimeInterval[] },
): MallCatalog {
  const catalog = twoAgencyCatalog({
    ...options,
    hours: options.hours ?? [{ opens: '08:00', closes: '16:00' }],
  });
  const { weekly } = catalog.mall.schedule;
  weekly.SATURDAY = [];
  weekly.SUNDAY = [];
  const exceptions: ScheduleException[] = (options.holidays ?? []).map((date) => ({
    date,
    intervals: [],
    reason: 'Libur nasional',
  }));
  catalog.mall.schedule = { weekly, exceptions };
  return catalog;
}
