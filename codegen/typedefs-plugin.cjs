// A GraphQL Code Generator plugin that emits the merged SDL, so the Lambda bundle
// carries its schema and needs no file loader at run time: as a string (for tools
// and tests) and as its parsed document, so a cold Lambda builds the schema without
// parsing SDL (JSON.parse of a string is several times faster than the GraphQL
// parser on a process's first run).
const { parse, printSchema } = require('graphql');

module.exports = {
  plugin(schema) {
    const sdl = printSchema(schema);
    const document = JSON.stringify(parse(sdl, { noLocation: true }));
    return [
      "import type { DocumentNode } from 'graphql';",
      '',
      '/** The merged schema of every .graphql file under src/schema. */',
      `export const typeDefs = ${JSON.stringify(sdl)};`,
      '',
      '/** `typeDefs`, parsed at build time (without locations). */',
      `export const typeDefsDocument: DocumentNode = JSON.parse(${JSON.stringify(document)});`,
      '',
    ].join('\n');
  },
};
