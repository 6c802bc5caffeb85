import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, figuresCsv } from '../../../src/local/figures-csv.js';

describe('the figures export', () => {
  it('writes one CSV row per service and day with the numbers Mall.figures gives', () => {
    const csv = figuresCsv({
      mall: {
        figures: {
          agencies: [
            {
              agency: { id: 'm:a', name: 'Dinas "Uji", Kota' },
              days: [
                {
                  date: '2026-12-02',
                  service: { id: 'm:a:s', code: 'S1', name: '=HYPERLINK()' },
                  issued: 10,
                  served: 8,
                  noShow: 1,
                  cancelled: 1,
                  transferredOut: 0,
                  waitMinutesAvg: 12.5,
                  waitMinutesP50: 11,
                  waitMinutesP90: 30.02,
                  serviceMinutesAvg: 7.25,
                  serviceMinutesP50: 7,
                  serviceMinutesP90: 9.5,
                  servedWithinTarget: 0.9,
                  bookings: 0,
                  bookingNoShows: 0,
                },
              ],
            },
          ],
        },
      },
    });
    expect(csv.split('\r\n')).toEqual([
      CSV_COLUMNS.join(','),
      `2026-12-02,m:a,"Dinas ""Uji"", Kota",m:a:s,S1,'=HYPERLINK(),10,8,1,1,0,12.5,11,30.02,7.25,7,9.5,0.9,0,0`,
      '',
    ]);
  });
});
