/**
 * What the benchmark found: tables to print (Markdown, so they can be pasted into
 * docs/performance.md as they are), the targets checked, and the same figures as JSON.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One table of a section. */
export interface Table {
  title: string;
  headers: string[];
  rows: (string | number)[][];
  /** Printed under the table. */
  notes?: string[];
}

/** A target and whether the run met it. */
export interface Check {
  section: string;
  name: string;
  value: string;
  target: string;
  pass: boolean;
  /** A figure shown beside the targets that bounds none: never a miss. */
  informational?: boolean;
}

/** The figures of one phase of the benchmark. */
export interface SectionResult {
  /** Machine-readable figures, written to the JSON as they are. */
  data: unknown;
  tables: Table[];
  checks: Check[];
}

export function markdownTable(table: Table): string {
  const cells = [table.headers, ...table.rows.map((r) => r.map(String))];
  const widths = table.headers.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: (string | number)[]) =>
    `| ${r.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const out = [
    `### ${table.title}`,
    '',
    line(table.headers),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
  ];
  for (const row of table.rows) out.push(line(row));
  for (const note of table.notes ?? []) out.push('', note);
  return out.join('\n');
}

export function checksTable(checks: readonly Check[]): Table {
  return {
    title: 'Targets',
    headers: ['section', 'target', 'measured', 'limit', 'result'],
    rows: checks.map((c) => [
      c.section,
      c.name,
      c.value,
      c.target,
      c.informational ? '(info)' : c.pass ? 'pass' : '**MISS**',
    ]),
  };
}

/** Environment facts printed with the figures, so runs on different machines are not compared blindly. */
export interface RunInfo {
  startedAt: string;
  durationSeconds: number;
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  /** The 1-minute load average when the bench started: above ~0.5 per core, figures are disturbed. */
  loadAverage: number;
}

/**
 * Writes `latest.json` into `dir` (kept in git) and a timestamped copy into `dir/history/` (ignored by
 * git: the history of the figures is the history of `latest.json`); returns the paths.
 */
export async function writeResults(
  dir: string,
  info: RunInfo,
  sections: Record<string, SectionResult>,
  checks: readonly Check[],
): Promise<string[]> {
  const historyDir = join(dir, 'history');
  await mkdir(historyDir, { recursive: true });
  const json = `${JSON.stringify(
    {
      run: info,
      passed: checks.every((c) => c.pass),
      checks,
      sections: Object.fromEntries(
        Object.entries(sections).map(([k, s]) => [k, { figures: s.data, tables: s.tables }]),
      ),
    },
    null,
    2,
  )}\n`;
  const stamp = info.startedAt.replace(/[:.]/g, '-');
  const paths = [join(dir, 'latest.json'), join(historyDir, `bench-${stamp}.json`)];
  for (const path of paths) await writeFile(path, json);
  return paths;
}
