import { describe, expect, it } from 'vitest';
import {
  averageServiceMinutes,
  estimateWaitMinutes,
  MAX_PLAUSIBLE_SERVICE_MINUTES,
  MIN_LEARNED_SAMPLES,
  serviceDurationsMinutes,
} from '../../src/domain/queue/wait-estimate.js';

describe('averageServiceMinutes', () => {
  it("is the mean of today's finished services", () => {
    expect(averageServiceMinutes([4, 6, 8], 15)).toBe(6);
    expect(averageServiceMinutes([10, 10, 10, 14], 15)).toBe(11);
  });

  it(`keeps the configured average until ${MIN_LEARNED_SAMPLES} services have finished`, () => {
    expect(averageServiceMinutes([0.3], 15)).toBe(15);
    expect(averageServiceMinutes([0.3, 0.4], 15)).toBe(15);
    expect(averageServiceMinutes([0.3, 0.4, 5], 15)).toBe(1.9);
  });

  it('falls back to the configured average when nothing has finished', () => {
    expect(averageServiceMinutes([], 15)).toBe(15);
  });

  it('ignores non-positive, absurdly long and non-numeric durations', () => {
    expect(
      averageServiceMinutes([0, -3, 5, 7, 6, 481, 10_000, Number.NaN, Number.POSITIVE_INFINITY], 15),
    ).toBe(6);
    expect(averageServiceMinutes([0, -1, 600, 5, 7], 12)).toBe(12); // two plausible ones are too few
    expect(averageServiceMinutes([0, -1, 600], 12)).toBe(12);
  });

  it('keeps a duration of exactly 8 hours', () => {
    expect(MAX_PLAUSIBLE_SERVICE_MINUTES).toBe(480);
    expect(averageServiceMinutes([480, 0.5 * 480, 360], 15)).toBe(360);
  });

  it('rounds to a tenth of a minute', () => {
    expect(averageServiceMinutes([1, 1, 2], 15)).toBe(1.3);
    expect(averageServiceMinutes([2.25, 2.3, 2.3], 15)).toBe(2.3);
  });

  it('is at least 1 minute', () => {
    expect(averageServiceMinutes([0.2, 0.3, 0.1], 15)).toBe(1);
    expect(averageServiceMinutes([], 0)).toBe(1);
  });

  it('refuses a fallback that is not a number', () => {
    expect(() => averageServiceMinutes([], Number.NaN)).toThrow(RangeError);
  });
});

describe('serviceDurationsMinutes', () => {
  it('measures startedAt to finishedAt of finished services only', () => {
    expect(
      serviceDurationsMinutes([
        { startedAt: '2026-12-01T01:00:00.000Z', finishedAt: '2026-12-01T01:12:30.000Z' },
        { startedAt: '2026-12-01T08:00:00+07:00', finishedAt: '2026-12-01T01:05:00Z' },
        { startedAt: '2026-12-01T02:00:00.000Z', finishedAt: null },
        { startedAt: null, finishedAt: null },
      ]),
    ).toEqual([12.5, 5]);
  });
});

describe('estimateWaitMinutes', () => {
  it('is 0 for the ticket called next', () => {
    expect(estimateWaitMinutes(0, 12, 3)).toBe(0);
  });

  it('is position × average ÷ open counters, rounded up to a whole minute', () => {
    expect(estimateWaitMinutes(4, 5, 2)).toBe(10);
    expect(estimateWaitMinutes(3, 5, 2)).toBe(8); // 7.5
    expect(estimateWaitMinutes(1, 12, 3)).toBe(4);
    expect(estimateWaitMinutes(1, 1.3, 4)).toBe(1); // 0.325
    expect(estimateWaitMinutes(7, 2.3, 1)).toBe(17); // 16.1
  });

  it('does not round a whole product up because of floating point', () => {
    expect(estimateWaitMinutes(50, 1.1, 5)).toBe(11); // 11.000000000000002 in floating point
    expect(estimateWaitMinutes(45, 2.2, 3)).toBe(33); // 33.00000000000001
  });

  it('estimates with one counter when none is open', () => {
    expect(estimateWaitMinutes(3, 5, 0)).toBe(15);
  });

  it('always gives a whole number', () => {
    for (let position = 0; position < 50; position++) {
      expect(Number.isInteger(estimateWaitMinutes(position, 3.7, 3))).toBe(true);
    }
  });

  it('refuses a position that is not a whole number from 0', () => {
    expect(() => estimateWaitMinutes(-1, 5, 1)).toThrow(RangeError);
    expect(() => estimateWaitMinutes(1.5, 5, 1)).toThrow(RangeError);
  });
});
