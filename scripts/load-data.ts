/**
 * `npm run load`: validates every data file, then writes the catalogs.
 *
 *   npm run load -- --check            validate only, write nothing
 *   npm run load                       into DynamoDB Local under LOKET_DATA_DIR (stop `npm start` first),
 *                                      or into DYNAMODB_ENDPOINT when set
 *   npm run load -- --aws              into the AWS table LOKET_TABLE, with the default AWS credentials
 *
 * Options: --data <dir> (default `data`). Exit code 1 when a file is invalid; nothing is written then.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataFilesInvalidError, readCatalogs } from '../src/catalog-data/data-files.js';
import { describeReports, loadCatalogs } from '../src/catalog-data/load-catalogs.js';
import { DynamoCatalogStore } from '../src/dynamo/catalog/catalog-store.js';
import { createDocumentClient } from '../src/dynamo/shared/client.js';
import { ensureTable } from '../src/dynamo/shared/create-table.js';
import { type DynamoLocal, startDynamoLocal } from '../src/local/dynamodb-local.js';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean' },
    aws: { type: 'boolean' },
    data: { type: 'string', default: 'data' },
  },
});
const dataDir = resolve(values.data ?? 'data');
const table = process.env.LOKET_TABLE ?? 'loket';

let dynamo: DynamoLocal | null = null;
try {
  if (values.check) {
    const catalogs = await readCatalogs(dataDir);
    for (const c of catalogs) {
      console.log(
        `  ${c.mall.id}: ${c.agencies.length} agencies, ${c.services.length} services, ${c.counters.length} counters`,
      );
    }
    console.log('All data files are valid.');
  } else {
    let endpoint = process.env.DYNAMODB_ENDPOINT;
    if (!endpoint && !values.aws) {
      dynamo = await startDynamoLocal({
        dataDir: resolve(process.env.LOKET_DATA_DIR ?? '.data', 'dynamodb'),
      });
      endpoint = dynamo.endpoint;
    }
    const client = createDocumentClient({ endpoint });
    if (!values.aws) await ensureTable(client, table);
    const reports = await loadCatalogs(dataDir, new DynamoCatalogStore(client, table));
    console.log(`Loaded into ${table}:\n${describeReports(reports)}`);
  }
} catch (error) {
  console.error(error instanceof DataFilesInvalidError ? error.message : error);
  process.exitCode = 1;
} finally {
  await dynamo?.stop();
}
