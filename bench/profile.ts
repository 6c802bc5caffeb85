/**
 * Where a cold start's time and a bundle's bytes go, by package: the `--profile` option of phase (b) and
 * its bundle table. A CPU profile (`node --cpu-prof`) of a minified bundle names functions `a`, `Yt`, …;
 * its source map gives each sample back its file, and the file its npm package or Loket folder.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import type { Metafile } from 'esbuild';
import type { Table } from './report.js';

/** The parts of V8's `.cpuprofile` JSON read here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  samples: number[];
  /** µs since the previous sample; the first is since `startTime`. */
  timeDeltas: number[];
}

/** Source position → original file, or null where the map says nothing (e.g. esbuild's own glue). */
export type SourceOf = (line: number, column: number) => string | null;

/** Named groups that are not a package or a Loket folder. */
export const GROUPS = {
  compile: 'V8 compiling the bundle (ESM parse)',
  builtins: 'Node: compiling its built-in modules on first import',
  sourceMaps: 'Node: reading source maps (--enable-source-maps)',
  node: 'Node: start-up, module loader, other internals',
  gc: 'garbage collector',
  idle: 'idle: waiting for I/O (DynamoDB Local)',
  program: 'native code (program)',
  unmapped: "the bundle's top level and esbuild's module glue (no source mapping)",
  runner: 'the bench runner',
} as const;

/** The npm package (`@smithy/core`) or Loket folder (`src/domain`) a bundled file came from. */
export function groupOfSource(source: string): string {
  // The innermost package: a copy nested under another package's node_modules is its own.
  const pkg = [...source.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1)?.[1];
  if (pkg) return pkg;
  const own = source.match(/(?:^|\/)((?:src|bench)\/[^/]+)\//);
  if (own?.[1]) return own[1];
  return source.replace(/^(\.\.\/)+/, '');
}

/**
 * Self time (ms) of one profile by group. A sample lasts until the next one, as in Chrome's DevTools;
 * `bundleUrl` is the `file://` URL of the profiled bundle, whose frames `sourceOf` maps.
 */
export function selfTimeByGroup(
  profile: CpuProfile,
  bundleUrl: string,
  sourceOf: SourceOf,
): Map<string, number> {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const groups = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = frames.get(profile.samples[i] ?? -1);
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!frame || ms <= 0) continue;
    const group = groupOfFrame(frame, bundleUrl, sourceOf);
    groups.set(group, (groups.get(group) ?? 0) + ms);
  }
  return groups;
}

function groupOfFrame(
  frame: CpuProfile['nodes'][number]['callFrame'],
  bundleUrl: string,
  sourceOf: SourceOf,
) {
  switch (frame.functionName) {
    case '(garbage collector)':
      return GROUPS.gc;
    case '(idle)':
      return GROUPS.idle;
    case '(program)':
    case '(root)':
      return GROUPS.program;
  }
  if (frame.url === bundleUrl) {
    const source = sourceOf(frame.lineNumber + 1, frame.columnNumber);
    return source ? groupOfSource(source) : GROUPS.unmapped;
  }
  // The compile of the bundle is native work under this one loader function; the rest is Node itself.
  if (frame.functionName === 'compileSourceTextModule') return GROUPS.compile;
  if (frame.functionName === 'compileForInternalLoader') return GROUPS.builtins;
  if (frame.url.startsWith('node:internal/source_map/')) return GROUPS.sourceMaps;
  if (frame.url.startsWith('node:') || frame.url === '') return GROUPS.node;
  return GROUPS.runner;
}

/** Mean self time (ms) per run by group, over every `.cpuprofile` in `dir`, all of `bundle`. */
export async function profileSummary(dir: string, bundle: string): Promise<Map<string, number>> {
  const map = new TraceMap(await readFile(`${bundle}.map`, 'utf8'));
  const sourceOf: SourceOf = (line, column) => originalPositionFor(map, { line, column }).source;
  const bundleUrl = new URL(`file://${bundle}`).href;
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  const total = new Map<string, number>();
  for (const file of files) {
    const profile = JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
    for (const [group, ms] of selfTimeByGroup(profile, bundleUrl, sourceOf)) {
      total.set(group, (total.get(group) ?? 0) + ms);
    }
  }
  return new Map([...total].map(([group, ms]) => [group, ms / Math.max(1, files.length)]));
}

/** Output bytes of a bundle by package or Loket folder, largest first, from esbuild's metafile. */
export function bundleComposition(metafile: Metafile | undefined): { group: string; bytes: number }[] {
  const output = Object.values(metafile?.outputs ?? {}).find((o) => o.entryPoint);
  const groups = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const group = groupOfSource(input);
    groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
  }
  return [...groups]
    .map(([group, bytes]) => ({ group, bytes }))
    .filter((g) => g.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

/** Rounds to 0.1 ms for a table. */
const ms = (value: number) => Math.round(value * 10) / 10;

/**
 * The profiled self time of each variant side by side, by group, largest in the last variant first:
 * the `top` largest groups, then the rest together, then the total.
 */
export function profileTable(names: string[], summaries: Map<string, number>[], top: number): Table {
  const last = summaries.at(-1) ?? new Map<string, number>();
  const groups = [...new Set(summaries.flatMap((s) => [...s.keys()]))].sort(
    (a, b) => (last.get(b) ?? 0) - (last.get(a) ?? 0) || a.localeCompare(b),
  );
  const shown = groups.slice(0, top);
  const rest = groups.slice(top);
  const sum = (s: Map<string, number>, keys: string[]) => keys.reduce((t, k) => t + (s.get(k) ?? 0), 0);
  return {
    title: 'Where a cold start goes: CPU profile, self time per run by package (ms)',
    headers: ['package, Loket folder or V8/Node work', ...names],
    rows: [
      ...shown.map((g) => [g, ...summaries.map((s) => ms(s.get(g) ?? 0))]),
      ...(rest.length ? [[`${rest.length} others`, ...summaries.map((s) => ms(sum(s, rest)))]] : []),
      ['total, process start → exit', ...summaries.map((s) => ms(sum(s, groups)))],
    ],
  };
}
