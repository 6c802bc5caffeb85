/**
 * `npm run bench`: what Loket costs, measured in one run on one machine (see docs/performance.md).
 *
 * The logger reads POWERTOOLS_LOG_LEVEL, and graphql-js NODE_ENV, when first imported, so both are set here,
 * before the benchmark's modules load. One INFO line per request would drown the tables (the per-request
 * log line is not part of the figures).
 *
 * Options: `--only requests,cold,overhead,load,growth` runs some phases (a partial run never writes
 * bench/results/latest.json); `--quick` uses fewer samples, for trying the bench out;
 * `--profile` also profiles cold starts and shows their CPU time by package (bench/profiles/).
 */
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
// The handler runs in this process for the request, overhead and growth phases; as deployed (the function's
// NODE_ENV is production), graphql-js then skips its development-only checks, e.g. that every type
// test also looks for a copy of graphql-js from another realm (7 % of a large kiosk answer).
process.env.NODE_ENV ??= 'production';

const { main } = await import('./main.js');
process.exitCode = await main(process.argv.slice(2));
