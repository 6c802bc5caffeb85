/**
 * The order of names in every list the API returns "by name": Indonesian collation, as
 * `Intl.Collator('id')` compares (docs/domain-rules.md, "Names and their order").
 *
 * Why not just that collator: the first collator a Node process builds loads ICU's collation data,
 * about 5 ms, and every Lambda cold start would pay it on its first catalog (docs/performance.md).
 * Names of agencies, services and counters are nearly always plain printable ASCII, and for those the
 * collator's answer follows from three facts about the Unicode collation algorithm with Indonesian
 * (which CLDR does not tailor: the root order):
 *
 * 1. every printable ASCII character has a primary weight, spaces and punctuation included (they are
 *    "non-ignorable" by default), in the order of `SYMBOLS_AND_DIGITS` and `LETTERS` below, a letter's two cases sharing one;
 * 2. the primary weights are compared first, over the whole name, a shorter name first when one is a
 *    prefix of the other;
 * 3. only if they are all equal does case decide, at the first position where it differs, lowercase first.
 *
 * A name with any other character goes to the collator itself. A unit test compares this function with
 * the collator on every pair of printable ASCII characters and on many generated names.
 */

/**
 * Printable ASCII (U+0020 to U+007E) in collation order: the spaces, punctuation and symbols, the digits,
 * then the letters, each letter's two cases weighing the same.
 */
const SYMBOLS_AND_DIGITS = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Primary weight by character code, for codes 0x20 to 0x7e. */
const PRIMARY = new Uint8Array(128);
for (const [i, c] of [...SYMBOLS_AND_DIGITS].entries()) PRIMARY[c.charCodeAt(0)] = i + 1;
for (const [i, c] of [...LETTERS].entries()) {
  PRIMARY[c.charCodeAt(0)] = SYMBOLS_AND_DIGITS.length + i + 1;
  PRIMARY[c.toUpperCase().charCodeAt(0)] = SYMBOLS_AND_DIGITS.length + i + 1;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

let collator: Intl.Collator | undefined;

/** Negative when `a` sorts before `b`, positive after, 0 when Indonesian collation holds them equal. */
export function compareNames(a: string, b: string): number {
  if (!PRINTABLE_ASCII.test(a) || !PRINTABLE_ASCII.test(b)) {
    collator ??= new Intl.Collator('id');
    return collator.compare(a, b);
  }
  const shorter = Math.min(a.length, b.length);
  let byCase = 0;
  for (let i = 0; i < shorter; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const primaryX = PRIMARY[x] ?? 0;
    const primaryY = PRIMARY[y] ?? 0;
    if (primaryX !== primaryY) return primaryX < primaryY ? -1 : 1;
    // The same letter in two cases: lowercase (the higher code) first, if nothing stronger differs.
    if (byCase === 0) byCase = x > y ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return byCase;
}

/** A sorted copy of `items` by their names. */
export function byName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareNames(a.name, b.name));
}
