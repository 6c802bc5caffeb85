/**
 * `npm run --silent figures -- --api http://localhost:4000/graphql --token <ADMIN token> --mall lampung-tengah
 *   --from 2026-12-01 --to 2026-12-31 [--out figures.csv]`
 *
 * Writes a mall's figures of a period as CSV, one row per service and day, as `Mall.figures` of the
 * running API gives them (docs/figures-export.md). Without --out the CSV goes to stdout. Errors go to
 * stderr, with exit code 1.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { FIGURES_EXPORT_QUERY, type FiguresExportAnswer, figuresCsv } from '../src/local/figures-csv.js';

const USAGE =
  'Usage: npm run --silent figures -- --api <url> --token <ADMIN token> --mall <mallId> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--out <file.csv>]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      api: { type: 'string' },
      token: { type: 'string' },
      mall: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const { api, token, mall, from, to, out } = values;
  if (!api || !token || !mall || !from || !to) throw new Error(USAGE);
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: FIGURES_EXPORT_QUERY, variables: { mallId: mall, from, to } }),
  });
  const body = (await response.json()) as {
    data?: FiguresExportAnswer;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (body.errors?.length) {
    throw new Error(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('\n'));
  }
  if (!body.data?.mall) throw new Error(`No mall ${mall}.`);
  const csv = figuresCsv(body.data);
  if (out) {
    await writeFile(out, csv, 'utf8');
    console.error(`Wrote ${csv.split('\r\n').length - 2} rows to ${out}`);
  } else {
    process.stdout.write(csv);
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
