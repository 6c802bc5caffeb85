/**
 * The Apollo Server of Loket, shared by the Lambda handler and every test.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLContext } from './context.js';
import { createFormatError } from './errors.js';
import { type QueryLimits, queryProtection } from './limits.js';
import { metricsPlugin } from './metrics.js';
import { type RateLimiter, rateLimitPlugin } from './rate-limit.js';
import { requestLogPlugin } from './request-log.js';
import { createSchema } from './schema.js';
import {
  TRUSTED_DOCUMENTS_OFF,
  type TrustedDocumentsOptions,
  trustedDocumentsPlugin,
} from './trusted-documents.js';

/** How the server behaves. */
export interface ApolloOptions {
  /** Production: no introspection, no schema details or suggestions in errors. */
  production: boolean;
  limits: QueryLimits;
  rateLimiter: RateLimiter;
  /** Only the front ends' operations, except for some roles; off when not given. */
  trustedDocuments?: TrustedDocumentsOptions;
}

/** Builds the server; the caller starts it (the Lambda integration does). */
export function createApolloServer(options: ApolloOptions): ApolloServer<GraphQLContext> {
  const protection = queryProtection(options.limits, options.production);
  return new ApolloServer<GraphQLContext>({
    schema: createSchema(),
    formatError: createFormatError({ production: options.production }),
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: options.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: protection.validationRules,
    parseOptions: protection.parseOptions,
    // No automatic persisted queries: every request carries its query, and no hash lookups to abuse.
    persistedQueries: false,
    // The trusted-documents plugin keeps the validated documents instead, and skips validating the
    // manifest's (see trusted-documents.ts).
    documentStore: null,
    plugins: [
      // No field has a cache hint, so the plugin could only say `no-store`, which the handler says for every
      // answer; and its per-field hook made Apollo wrap every resolver of every request.
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin<GraphQLContext>(),
      metricsPlugin<GraphQLContext>(),
      rateLimitPlugin<GraphQLContext>(options.rateLimiter),
      ...(protection.plugins as ApolloServerPlugin<GraphQLContext>[]),
      trustedDocumentsPlugin<GraphQLContext>(
        options.trustedDocuments ?? TRUSTED_DOCUMENTS_OFF,
        protection.parseOptions,
      ),
      // Apollo's landing pages load from a CDN: none anywhere. The local server serves GraphiQL itself.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
}
