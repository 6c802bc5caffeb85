/**
 * The arithmetic of the graded figures (docs/domain-rules.md, 'Figures and IKM'), in integers:
 * counts and sums stay whole numbers, and a shown value is rounded once, half up, from the exact
 * ratio. So the API, the CSV export and a recomputation from the tickets agree to the last digit.
 */

/** The rounded decimal of `numerator / denominator` with `decimals` places, half up; null when the denominator is 0. */
export function roundRatio(numerator: number, denominator: number, decimals: number): number | null {
  if (denominator === 0) return null;
  const scale = 10 ** decimals;
  // floor((2·n·scale + d) / (2·d)) is n·scale/d rounded half up, computed without a float in between.
  const scaled = Math.floor((2 * numerator * scale + denominator) / (2 * denominator));
  return scaled / scale;
}

/**
 * The nearest-rank percentile `p` (1 to 100) of values sorted ascending: the value at rank
 * ⌈p·n/100⌉, always one of the values; null for none.
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1] ?? null;
}

/** The median of values sorted ascending (the mean of the two middle values for an even count); null for none. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const upper = sorted[Math.floor(n / 2)] ?? 0;
  return n % 2 === 1 ? upper : ((sorted[n / 2 - 1] ?? 0) + upper) / 2;
}

/** Milliseconds per minute and per hour, for showing durations. */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;

/**
 * The Krejcie-Morgan (1970) minimum sample for a population of `population`:
 * s = χ²·N·P(1−P) / (d²·(N−1) + χ²·P(1−P)) with χ² = 3.841, P = 0.5, d = 0.05, rounded up.
 * Multiplied through by 4000 it is 3841·N / (10·N + 3831), so it is computed in integers.
 * N ≤ 0 gives 0; N = 100 → 80, 1,000 → 278, 10,000 → 370.
 */
export function krejcieMorganSample(population: number): number {
  if (!Number.isFinite(population) || population <= 0) return 0;
  const n = Math.floor(population);
  const numerator = 3841 * n;
  const denominator = 10 * n + 3831;
  return Math.ceil(numerator / denominator);
}

/** The grades of the IKM (PermenPANRB 14/2017), best first. */
export const IKM_GRADES = ['A', 'B', 'C', 'D'] as const;
export type IkmGrade = (typeof IKM_GRADES)[number];

/**
 * The lowest published IKM (in hundredths) of each grade: A 88.31–100, B 76.61–88.30,
 * C 65.00–76.60, D 25.00–64.99.
 */
const GRADE_FLOORS: readonly (readonly [IkmGrade, number])[] = [
  ['A', 8831],
  ['B', 7661],
  ['C', 6500],
  ['D', 0],
];

/**
 * The grade of a published IKM given in hundredths (8831 for 88.31): the band is decided on the
 * number as published, rounded to 2 decimals, so the grade never contradicts the figure shown.
 */
export function gradeOfHundredths(hundredths: number): IkmGrade {
  for (const [grade, floor] of GRADE_FLOORS) if (hundredths >= floor) return grade;
  return 'D';
}

/** The index computed from whole-number score sums. */
export interface IkmResult {
  /** IKM as a fraction: 25 × (sum of all scores) / (9 × responses), exact. */
  numerator: number;
  denominator: number;
  /** The published IKM, rounded half up to 2 decimals. */
  rounded: number;
  grade: IkmGrade;
}

/**
 * IKM = 25 × the mean of the element means. With every response scoring every element, element e's
 * mean is S_e / n, so the IKM is 25 × ΣS_e / (9·n): a ratio of whole numbers, rounded once (no 0.111
 * weight, which shifts the second decimal and can change the grade). Null without responses.
 * @param elementSums the sum of scores of each element, over the same `responses` responses.
 */
export function ikmOf(elementSums: readonly number[], responses: number): IkmResult | null {
  if (responses <= 0 || elementSums.length === 0) return null;
  const total = elementSums.reduce((a, b) => a + b, 0);
  const numerator = 25 * total;
  const denominator = elementSums.length * responses;
  const hundredths = Math.floor((2 * 100 * numerator + denominator) / (2 * denominator));
  return { numerator, denominator, rounded: hundredths / 100, grade: gradeOfHundredths(hundredths) };
}
