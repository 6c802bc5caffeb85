/**
 * Fails when src/generated is stale: regenerates in memory from codegen.ts
 * and compares with the files on disk. Run `npm run codegen` to refresh.
 */
import { readFile } from 'node:fs/promises';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.ts';

const outputs = await generate({ ...config, silent: true }, false);
const stale: string[] = [];
for (const { filename, content } of outputs) {
  const onDisk = await readFile(filename, 'utf8').catch(() => null);
  if (onDisk !== content) stale.push(filename);
}
if (stale.length > 0) {
  console.error(
    `Generated code is stale: ${stale.join(', ')}. Run \`npm run codegen\` and commit the result.`,
  );
  process.exit(1);
}
console.log('Generated code is up to date.');
