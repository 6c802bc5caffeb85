/**
 * The order by name (src/domain/catalog/name-order.ts) against the collator it stands in for: every
 * pair of printable ASCII characters, every pair of short names over a mixed alphabet, and generated
 * names of the kind the data files hold. Any sign that differs from `Intl.Collator('id')` fails.
 */
import { describe, expect, it } from 'vitest';
import { byName, compareNames } from '../../src/domain/catalog/name-order.js';

const collator = new Intl.Collator('id');
const sign = (n: number) => Math.sign(n);

function mismatches(pairs: Iterable<[string, string]>): string[] {
  const wrong: string[] = [];
  for (const [a, b] of pairs) {
    if (sign(compareNames(a, b)) !== sign(collator.compare(a, b))) wrong.push(JSON.stringify([a, b]));
  }
  return wrong;
}

const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

/** A small deterministic generator (xorshift), so a failure names the same names every run. */
function* generatedNames(count: number, seed: number): Generator<string> {
  const words = [
    'Dinas',
    'dinas',
    'Kantor',
    'BPJS',
    'Bpjs',
    'Polres',
    'SKCK',
    'Loket',
    'e-KTP',
    'KTP-el',
    'Paspor',
  ];
  const extra = [' ', '-', '.', '1', '2', '10', "'", '(', ')', '/', '&', 'a', 'A', 'z', 'Z', '_'];
  let x = seed;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  for (let i = 0; i < count; i++) {
    let name = '';
    const parts = 1 + Math.floor(next() * 4);
    for (let p = 0; p < parts; p++) {
      name +=
        next() < 0.6 ? words[Math.floor(next() * words.length)] : extra[Math.floor(next() * extra.length)];
      if (next() < 0.5) name += ' ';
    }
    yield name;
  }
}

describe('compareNames', () => {
  it('orders every pair of printable ASCII characters as the collator does', () => {
    const pairs: [string, string][] = PRINTABLE.flatMap((a) =>
      PRINTABLE.map((b): [string, string] => [a, b]),
    );
    expect(pairs).toHaveLength(95 * 95);
    expect(mismatches(pairs)).toEqual([]);
  });

  it('orders every pair of names of up to 3 characters over a mixed alphabet as the collator does', () => {
    const alphabet = [' ', '-', '.', '0', '9', 'a', 'A', 'b', 'B', 'z'];
    const names = [''];
    for (let length = 1; length <= 3; length++) {
      for (const n of names.filter((s) => s.length === length - 1))
        for (const c of alphabet) names.push(n + c);
    }
    expect(names).toHaveLength(1 + 10 + 100 + 1000);
    const pairs = function* (): Generator<[string, string]> {
      for (const a of names) for (const b of names) yield [a, b];
    };
    expect(mismatches(pairs())).toEqual([]);
  });

  it('orders generated agency and service names as the collator does', () => {
    const names = [...generatedNames(2_000, 20261203)];
    const pairs = names.slice(1).map((b, i): [string, string] => [names[i] ?? '', b]);
    expect(mismatches(pairs)).toEqual([]);
    expect(byName(names.map((name) => ({ name }))).map((n) => n.name)).toEqual(
      [...names].sort((a, b) => collator.compare(a, b)),
    );
  });

  it('hands names beyond printable ASCII to the collator', () => {
    const names = ['Élan', 'Elang', 'elan', 'Çamlık', 'Camat', 'Kantor\tPos', 'Kantor Pos', 'ñandu', 'Nanas'];
    const pairs = names.flatMap((a) => names.map((b): [string, string] => [a, b]));
    expect(mismatches(pairs)).toEqual([]);
  });

  it('puts lowercase first only when nothing but case differs', () => {
    expect(
      byName([{ name: 'BPJS Kesehatan' }, { name: 'bpjs kesehatan' }, { name: 'Bpjs' }]).map((n) => n.name),
    ).toEqual(['Bpjs', 'bpjs kesehatan', 'BPJS Kesehatan']);
    expect(compareNames('Ab', 'aB')).toBeGreaterThan(0);
    expect(compareNames('Samsat', 'Samsat')).toBe(0);
  });
});
