import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  bundleComposition,
  type CpuProfile,
  GROUPS,
  groupOfSource,
  profileTable,
  selfTimeByGroup,
} from '../../bench/profile.js';

describe('groupOfSource', () => {
  it('names the npm package a bundled file came from, the innermost when nested', () => {
    expect(groupOfSource('../../node_modules/graphql/execution/execute.mjs')).toBe('graphql');
    expect(groupOfSource('node_modules/@smithy/core/dist-es/index.js')).toBe('@smithy/core');
    expect(groupOfSource('node_modules/@apollo/server/node_modules/lru-cache/dist/esm/index.js')).toBe(
      'lru-cache',
    );
  });

  it("names Loket's own files by their top folder", () => {
    expect(groupOfSource('src/domain/queue/call-order.ts')).toBe('src/domain');
    expect(groupOfSource('../../../work/main/src/app/auth/verifier.ts')).toBe('src/app');
    expect(groupOfSource('bench/hello/handler.ts')).toBe('bench/hello');
  });
});

describe('selfTimeByGroup', () => {
  const BUNDLE = 'file:///tmp/x/index.mjs';
  const frame = (functionName: string, url: string, lineNumber = 0, columnNumber = 0) => ({
    functionName,
    url,
    lineNumber,
    columnNumber,
  });
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(garbage collector)', '') },
      { id: 2, callFrame: frame('(idle)', '') },
      { id: 3, callFrame: frame('execute', BUNDLE, 0, 10) },
      { id: 4, callFrame: frame('', BUNDLE, 0, 0) },
      { id: 5, callFrame: frame('compileSourceTextModule', 'node:internal/modules/esm/utils') },
      { id: 6, callFrame: frame('compileForInternalLoader', 'node:internal/bootstrap/realm') },
      { id: 7, callFrame: frame('lineLengths', 'node:internal/source_map/source_map_cache') },
      { id: 8, callFrame: frame('readFileSync', 'node:fs') },
      { id: 9, callFrame: frame('main', 'file:///work/bench/cold-runner.mjs') },
    ],
    // A sample lasts until the next: each sample i below lasts timeDeltas[i + 1] µs.
    samples: [3, 3, 1, 2, 4, 5, 6, 7, 8, 9, 3],
    timeDeltas: [0, 1000, 2000, 500, 250, 3000, 400, 600, 700, 800, 900],
  };
  const sourceOf = (line: number, column: number) =>
    line === 1 && column === 10 ? 'node_modules/graphql/execution/execute.mjs' : null;

  it('adds each sample to its group, mapping bundle frames through the source map', () => {
    const groups = selfTimeByGroup(profile, BUNDLE, sourceOf);
    expect(Object.fromEntries(groups)).toEqual({
      graphql: 3, // 1 + 2 ms; the last sample has no end and counts nothing
      [GROUPS.gc]: 0.5,
      [GROUPS.idle]: 0.25,
      [GROUPS.unmapped]: 3,
      [GROUPS.compile]: 0.4,
      [GROUPS.builtins]: 0.6,
      [GROUPS.sourceMaps]: 0.7,
      [GROUPS.node]: 0.8,
      [GROUPS.runner]: 0.9,
    });
  });
});

describe('profileTable', () => {
  it('orders by the last column, folds the rest into one row and totals every group', () => {
    const table = profileTable(
      ['hello', 'loket'],
      [
        new Map([
          ['graphql', 10],
          ['a', 1],
        ]),
        new Map([
          ['graphql', 20],
          ['@smithy/core', 30],
          ['a', 2],
          ['b', 3],
        ]),
      ],
      2,
    );
    expect(table.headers).toEqual(['package, Loket folder or V8/Node work', 'hello', 'loket']);
    expect(table.rows).toEqual([
      ['@smithy/core', 0, 30],
      ['graphql', 10, 20],
      ['2 others', 1, 5],
      ['total, process start → exit', 11, 55],
    ]);
  });
});

describe('bundleComposition', () => {
  it("sums the bundle's output bytes by package or folder, largest first, ignoring the map", () => {
    const metafile = {
      inputs: {},
      outputs: {
        'out/index.mjs.map': { bytes: 9, inputs: {}, imports: [], exports: [] },
        'out/index.mjs': {
          bytes: 600,
          entryPoint: 'src/app/lambda.ts',
          imports: [],
          exports: [],
          inputs: {
            'node_modules/graphql/language/parser.mjs': { bytesInOutput: 200 },
            'node_modules/graphql/execution/execute.mjs': { bytesInOutput: 150 },
            'src/domain/queue/call-order.ts': { bytesInOutput: 100 },
            'src/app/lambda.ts': { bytesInOutput: 120 },
            'node_modules/graphql/jsutils/unused.mjs': { bytesInOutput: 0 },
            'node_modules/tslib/tslib.es6.mjs': { bytesInOutput: 0 },
          },
        },
      },
    } as unknown as Metafile;
    expect(bundleComposition(metafile)).toEqual([
      { group: 'graphql', bytes: 350 },
      { group: 'src/app', bytes: 120 },
      { group: 'src/domain', bytes: 100 },
    ]);
    expect(bundleComposition(undefined)).toEqual([]);
  });
});
