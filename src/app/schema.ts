/**
 * The executable schema: the SDL of src/schema with the resolvers of src/resolvers.
 */
import { addResolversToSchema } from '@graphql-tools/schema';
import { buildASTSchema, type GraphQLSchema } from 'graphql';
import { typeDefsDocument } from '../generated/type-defs.js';
import { resolvers } from '../resolvers/index.js';

/**
 * Built from the document codegen parsed, with the resolvers set on its fields in place.
 *
 * Both choices are for the Lambda's cold start: `makeExecutableSchema` (what Apollo Server does with
 * `typeDefs`) parses the SDL, merges it, validates it and then copies the whole schema once more to add
 * the resolvers, a large share of a cold start. The SDL is validated where it is written instead: codegen
 * builds it, and a unit test checks `validateSchema` of this schema, so `assumeValid` skips nothing that
 * can change at run time. Unknown resolver fields still throw (`requireResolversToMatchSchema`).
 */
export function createSchema(): GraphQLSchema {
  return addResolversToSchema({
    schema: buildASTSchema(typeDefsDocument, { assumeValid: true, assumeValidSDL: true }),
    resolvers,
    updateResolversInPlace: true,
  });
}
