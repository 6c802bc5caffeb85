/**
 * The benchmark's phases, in order, on one DynamoDB Local: (a) requests per operation, (b) cold start,
 * (c) overhead of the API over the database, (d) load on the local server, (e) growth. Prints every
 * table, writes the figures to bench/results/latest.json (a timestamped copy to the ignored
 * bench/results/history/), and returns the exit code: 1 when a target is missed or a
 * phase failed.
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startDynamoLocal } from '../src/local/dynamodb-local.js';
import { measureColdStart } from './cold-start.js';
import { measureFiguresStream } from './figures-stream.js';
import { measureGrowth } from './growth.js';
import { measureLoad } from './load.js';
import { measureOverhead } from './overhead.js';
import {
  type Check,
  checksTable,
  markdownTable,
  type RunInfo,
  type SectionResult,
  writeResults,
} from './report.js';
import { measureRequests } from './requests.js';
import { round } from './stats.js';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

/** Options every phase may read. */
export interface BenchOptions {
  /** Fewer samples: for trying the bench out, not for the figures. */
  quick: boolean;
  /** Phase (b) also profiles cold starts (`--cpu-prof`) and shows their time by package. */
  profile: boolean;
}

type Phase = (endpoint: string, options: BenchOptions) => Promise<SectionResult>;

const PHASES: Record<string, { title: string; run: Phase }> = {
  requests: { title: '(a) Requests per operation', run: measureRequests },
  cold: { title: '(b) Cold start', run: measureColdStart },
  overhead: { title: '(c) Overhead of the API over DynamoDB', run: measureOverhead },
  load: { title: '(d) Load: opening rush on the local server', run: measureLoad },
  growth: { title: '(e) Growth', run: measureGrowth },
  figures: { title: '(f) Figures: catching up after a burst', run: measureFiguresStream },
};

function parseArgs(args: string[]): { phases: string[]; options: BenchOptions } {
  let phases = Object.keys(PHASES);
  const onlyAt = args.indexOf('--only');
  if (onlyAt >= 0) {
    phases = (args[onlyAt + 1] ?? '').split(',').filter(Boolean);
    const unknown = phases.filter((p) => !(p in PHASES));
    if (unknown.length || phases.length === 0) {
      throw new Error(`--only takes a comma-separated list of: ${Object.keys(PHASES).join(', ')}`);
    }
  }
  return { phases, options: { quick: args.includes('--quick'), profile: args.includes('--profile') } };
}

export async function main(args: string[]): Promise<number> {
  const { phases, options } = parseArgs(args);
  const started = new Date();
  const t0 = performance.now();
  const cpu = cpus();
  const info: RunInfo = {
    startedAt: started.toISOString(),
    durationSeconds: 0,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    loadAverage: round(loadavg()[0] ?? 0),
  };
  console.log(`Loket benchmark, ${info.startedAt}, Node ${info.node}, ${info.cpus} × ${info.cpuModel}`);
  if (info.loadAverage > 0.5 * info.cpus) {
    console.warn(
      `Warning: load average ${info.loadAverage} on ${info.cpus} cores before the bench started: other work on this ` +
        'machine will slow the latency figures and may fail the targets that compare two timings.',
    );
  }
  console.log('Starting DynamoDB Local (in memory)...');
  const dynamo = await startDynamoLocal();
  const sections: Record<string, SectionResult> = {};
  const checks: Check[] = [];
  try {
    for (const name of phases) {
      const phase = PHASES[name];
      if (!phase) continue;
      console.log(`\n## ${phase.title}\n`);
      const phaseStart = performance.now();
      try {
        const result = await phase.run(dynamo.endpoint, options);
        sections[name] = result;
        checks.push(...result.checks);
        for (const table of result.tables) console.log(`${markdownTable(table)}\n`);
      } catch (error) {
        console.error(`Phase ${name} failed:`, error);
        checks.push({
          section: name,
          name: 'phase ran to the end',
          value: 'failed',
          target: 'ran',
          pass: false,
        });
      }
      console.log(`(${name}: ${round((performance.now() - phaseStart) / 1000, 1)} s)`);
    }
  } finally {
    await dynamo.stop();
  }
  info.durationSeconds = round((performance.now() - t0) / 1000, 1);
  console.log(`\n## Targets\n\n${markdownTable(checksTable(checks))}\n`);
  const missed = checks.filter((c) => !c.pass);
  if (phases.length === Object.keys(PHASES).length && !options.quick) {
    const paths = await writeResults(RESULTS_DIR, info, sections, checks);
    console.log(`Figures written to ${paths.join(' and ')}`);
  } else {
    console.log('Partial or quick run: bench/results/ left as it was.');
  }
  console.log(`Whole bench: ${info.durationSeconds} s.`);
  if (missed.length) {
    console.error(`\nBENCH FAILED: ${missed.length} target(s) missed:`);
    for (const c of missed) console.error(`  - [${c.section}] ${c.name}: ${c.value} (limit ${c.target})`);
    return 1;
  }
  console.log('\nEvery target met.');
  return 0;
}
