/**
 * `npm run bench`: what Loket costs, measured in one run on one machine (see docs/performance.md).
 *
 * The logger reads LOKET_LOG_LEVEL when it is first imported, so it is set here, before the benchmark's
 * modules load: one INFO line per request would drown the tables (the per-request log line is not part
 * of the figures).
 *
 * Options: `--only requests,cold,overhead,load,growth` runs some phases (a partial run never writes
 * bench/results/latest.json); `--quick` uses fewer samples, for trying the bench out.
 */
process.env.LOKET_LOG_LEVEL ??= 'WARN';

const { main } = await import('./main.js');
process.exitCode = await main(process.argv.slice(2));
