/**
 * Small catalogs for tests that need exact settings (24-hour schedules, many
 * counters, quotas), written through the same store as the data load.
 */
import type { MallCatalog, MallTimeZone, Service } from '../../src/domain/catalog/catalog.js';
import type { ScheduleSpec, TimeInterval } from '../../src/domain/catalog/schedule.js';
import { WEEKDAYS } from '../../src/domain/time/local-time.js';

export interface FixtureOptions {
  mallId: string;
  timeZone?: MallTimeZone;
  /** Hours of every day; default open all day. */
  hours?: TimeInterval[];
  counters?: number;
  services?: Partial<Service>[];
  priorityStreakLimit?: number;
}

export function fixtureCatalog(options: FixtureOptions): MallCatalog {
  const hours = options.hours ?? [{ opens: '00:00', closes: '24:00' }];
  const schedule: ScheduleSpec = {
    weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, hours])) as ScheduleSpec['weekly'],
    exceptions: [],
  };
  const mallId = options.mallId;
  const agencyId = `${mallId}:agency`;
  const specs = options.services ?? [{}];
  const services: Service[] = specs.map((spec, n) => ({
    id: `${agencyId}:svc${n + 1}`,
    mallId,
    agencyId,
    code: `SVC${n + 1}`,
    name: `Layanan ${n + 1}`,
    description: null,
    ticketPrefix: String.fromCharCode(65 + n),
    requirements: ['KTP'],
    procedure: ['Ambil antrean'],
    processingTime: '15 menit',
    feeRupiah: 0,
    product: 'Dokumen',
    legalBasis: ['Peraturan contoh'],
    complaintHandling: 'Kotak saran',
    dailyQuota: null,
    averageServiceMinutes: 10,
    cutoffMinutes: 0,
    active: true,
    ...spec,
  }));
  return {
    mall: {
      id: mallId,
      name: `Mal Uji ${mallId}`,
      regency: 'Kabupaten Uji',
      province: 'Provinsi Uji',
      address: null,
      timeZone: options.timeZone ?? 'Asia/Jakarta',
      schedule,
      settings: {
        priorityStreakLimit: options.priorityStreakLimit ?? 2,
        minRecallsBeforeNoShow: 1,
        targetWaitMinutes: 30,
      },
    },
    agencies: [
      {
        id: agencyId,
        mallId,
        name: 'Dinas Uji',
        shortName: 'Uji',
        kind: 'REGIONAL',
        description: null,
        active: true,
        schedule: null,
      },
    ],
    services,
    counters: Array.from({ length: options.counters ?? 2 }, (_, n) => ({
      id: `${agencyId}:loket-${n + 1}`,
      mallId,
      agencyId,
      name: `Loket ${n + 1}`,
      serviceIds: services.map((s) => s.id),
      active: true,
    })),
  };
}
