import { describe, expect, it } from 'vitest';
import {
  gradeOfHundredths,
  ikmOf,
  krejcieMorganSample,
  median,
  nearestRank,
  roundRatio,
} from '../../../src/domain/figures/figures-math.js';

describe('IKM (docs/domain-rules.md, Figures and IKM)', () => {
  it('is 25 x the mean of the element means, exact, where the 0.111 weight gives another second decimal and grade', () => {
    // 10 responses; element sums 36, 36, 35 × 5, 36, 35 → element means 3.6, 3.6, 3.5 … (sum 31.8).
    // Exact: 25 × 31.8 / 9 = 88.333… → 88.33, grade A.
    // With the weight 0.111: 25 × 31.8 × 0.111 = 88.245 → 88.25, grade B.
    const sums = [36, 36, 35, 35, 35, 35, 36, 35, 35];
    const ikm = ikmOf(sums, 10);
    expect(ikm?.rounded).toBe(88.33);
    expect(ikm?.grade).toBe('A');
    expect(ikm).toMatchObject({ numerator: 25 * 318, denominator: 90 });
    const weighted = Math.round(25 * sums.reduce((a, s) => a + (s / 10) * 0.111, 0) * 100) / 100;
    expect(weighted).toBe(88.25);
    expect(gradeOfHundredths(Math.round(weighted * 100))).toBe('B');
  });

  it('decides the grade on the value as published, rounded half up to 2 decimals', () => {
    // 400 responses, scores summing to 12,716: 25 × 12716 / 3600 = 88.3055… → published 88.31, grade A
    // (truncated it would read 88.30, grade B).
    const ikm = ikmOf([1413, 1413, 1413, 1413, 1413, 1413, 1413, 1413, 1412], 400);
    expect(ikm?.rounded).toBe(88.31);
    expect(ikm?.grade).toBe('A');
  });

  it('puts each published boundary in its band: 88.30/88.31, 76.60/76.61, 65.00/64.99', () => {
    expect(gradeOfHundredths(10000)).toBe('A');
    expect(gradeOfHundredths(8831)).toBe('A');
    expect(gradeOfHundredths(8830)).toBe('B');
    expect(gradeOfHundredths(7661)).toBe('B');
    expect(gradeOfHundredths(7660)).toBe('C');
    expect(gradeOfHundredths(6500)).toBe('C');
    expect(gradeOfHundredths(6499)).toBe('D');
    expect(gradeOfHundredths(2500)).toBe('D');
  });

  it('is 100 when every score is 4, 25 when every score is 1, and null without responses', () => {
    expect(ikmOf(Array(9).fill(4 * 7), 7)?.rounded).toBe(100);
    expect(ikmOf(Array(9).fill(3), 3)).toMatchObject({ rounded: 25, grade: 'D' });
    expect(ikmOf(Array(9).fill(0), 0)).toBeNull();
  });
});

describe('Krejcie-Morgan minimum sample', () => {
  it('gives the table values: N = 100 → 80, 1,000 → 278, 10,000 → 370; N ≤ 0 → 0', () => {
    expect(krejcieMorganSample(100)).toBe(80);
    expect(krejcieMorganSample(1000)).toBe(278);
    expect(krejcieMorganSample(10000)).toBe(370);
    expect(krejcieMorganSample(0)).toBe(0);
    expect(krejcieMorganSample(-3)).toBe(0);
    expect(krejcieMorganSample(1)).toBe(1);
    expect(krejcieMorganSample(10)).toBe(10);
    expect(krejcieMorganSample(1_000_000)).toBe(384);
  });
});

describe('nearest-rank percentiles, median and rounding', () => {
  it('takes the value at rank ⌈p·n/100⌉', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(values, 50)).toBe(5);
    expect(nearestRank(values, 90)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(nearestRank([42], 90)).toBe(42);
    expect(nearestRank([], 50)).toBeNull();
  });

  it('takes the mean of the two middle values for an even count', () => {
    expect(median([1, 3, 8, 20])).toBe(5.5);
    expect(median([1, 3, 8])).toBe(3);
    expect(median([])).toBeNull();
  });

  it('rounds the exact ratio half up, once', () => {
    expect(roundRatio(1, 8, 2)).toBe(0.13); // 0.125: a float round() may say 0.12
    expect(roundRatio(90_000, 60_000, 2)).toBe(1.5);
    expect(roundRatio(2, 3, 4)).toBe(0.6667);
    expect(roundRatio(5, 0, 2)).toBeNull();
  });
});
