// A GraphQL Code Generator plugin that emits the merged SDL as a string, so
// the Lambda bundle carries its schema and needs no file loader at run time.
const { printSchema } = require('graphql');

module.exports = {
  plugin(schema) {
    return `/** The merged schema of src/schema/*.graphql. */\nexport const typeDefs = ${JSON.stringify(printSchema(schema))};\n`;
  },
};
