/**
 * The Apollo Server of Loket, shared by the Lambda handler and every test.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { typeDefs } from '../generated/type-defs.js';
import { resolvers } from '../resolvers/index.js';
import type { GraphQLContext } from './context.js';
import { formatError } from './errors.js';
import { requestLogPlugin } from './request-log.js';

/** How the server behaves. */
export interface ApolloOptions {
  /** Production: no introspection, no schema details in errors, no landing page. */
  production: boolean;
}

/** Builds the server; the caller starts it (the Lambda integration does). */
export function createApolloServer(options: ApolloOptions): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers,
    formatError,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: options.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [
      requestLogPlugin<GraphQLContext>(),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
}
