/**
 * The Lambda handler factory: API Gateway HTTP API (payload v2) events
 * through Apollo Server. AWS (`lambda.ts`) and the local server both call it.
 */
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { GraphQLError } from 'graphql';
import { DomainError } from '../domain/shared/errors.js';
import { createApolloServer } from './apollo-server.js';
import { type AppServices, createContext } from './composition.js';
import type { GraphQLContext } from './context.js';
import { type QueryLimits, TOO_COMPLEX_MESSAGE } from './limits.js';
import { RateLimiter, type RateLimits } from './rate-limit.js';
import type { TrustedDocumentsOptions } from './trusted-documents.js';

type V2Handler = ReturnType<typeof handlers.createAPIGatewayProxyEventV2RequestHandler>;
type CjsApolloServer = Parameters<typeof startServerAndCreateLambdaHandler<V2Handler, GraphQLContext>>[0];

/** The handler's type: an HTTP API v2 event in, a structured result out. */
export type LoketHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** How the handler behaves. */
export interface HandlerOptions {
  production: boolean;
  limits: QueryLimits;
  rateLimits: RateLimits;
  /** Only the front ends' operations, except for some roles (trusted-documents.ts); off when not given. */
  trustedDocuments?: TrustedDocumentsOptions;
}

/** What a caller without a token is told instead of an answer over `maxPublicAnswerBytes`. */
export const ANSWER_TOO_LARGE_MESSAGE =
  'The answer is too large to send without a token: ask for less (fewer aliases, lists or days).';

/** Whether an answer is over `max` bytes in UTF-8 (a string of n UTF-16 units takes n to 3n bytes). */
function longerThan(body: string, max: number): boolean {
  return body.length > max || (body.length * 3 > max && Buffer.byteLength(body) > max);
}

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  return event.headers?.[name] ?? event.headers?.[name.toLowerCase()];
}

/**
 * Apollo answers a request it cannot read at all (a body that is not JSON, a
 * wrong content type) with plain text; every refusal of the API is a JSON
 * list of coded errors, so a front end handles one shape.
 */
function asJsonErrors(result: APIGatewayProxyStructuredResultV2): APIGatewayProxyStructuredResultV2 {
  const status = result.statusCode ?? 200;
  if (status < 400) return result;
  try {
    JSON.parse(result.body ?? '');
    return result;
  } catch {
    const message = (result.body ?? '').trim().slice(0, 300) || 'The request could not be read.';
    return {
      ...result,
      headers: { ...result.headers, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }),
    };
  }
}

/**
 * No answer may be kept by a browser or a proxy: answers carry personal data and live queue state.
 * Set here for every answer, refusals included, instead of by Apollo's cache-control plugin (which is
 * disabled, see apollo-server.ts).
 */
function notStored(result: APIGatewayProxyStructuredResultV2): APIGatewayProxyStructuredResultV2 {
  return { ...result, headers: { ...result.headers, 'cache-control': 'no-store' } };
}

/** Builds the handler over instance-wide services. */
export function createLambdaHandler(services: AppServices, options: HandlerOptions): LoketHandler {
  // The integration is CommonJS and types Apollo Server from its CJS build; the
  // instance is the same class at run time.
  const server = createApolloServer({
    production: options.production,
    limits: options.limits,
    rateLimiter: new RateLimiter(options.rateLimits),
    ...(options.trustedDocuments ? { trustedDocuments: options.trustedDocuments } : {}),
  }) as unknown as CjsApolloServer;
  const handler = startServerAndCreateLambdaHandler(
    server,
    handlers.createAPIGatewayProxyEventV2RequestHandler(),
    {
      context: async ({ event }) => {
        try {
          return await createContext(services, {
            authorization: header(event, 'authorization'),
            sourceIp: event.requestContext.http.sourceIp,
          });
        } catch (error) {
          // Apollo shows a GraphQLError thrown here as it is; anything else would be a 500.
          if (error instanceof DomainError) {
            throw new GraphQLError(error.message, {
              originalError: error,
              extensions: { http: { status: 401 } },
            });
          }
          throw error;
        }
      },
    },
  );
  return async (event, context) => {
    const size = Buffer.byteLength(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
    if (size > options.limits.maxBodyBytes) {
      return notStored({
        statusCode: 413,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          errors: [{ message: TOO_COMPLEX_MESSAGE, extensions: { code: 'QUERY_TOO_COMPLEX' } }],
        }),
      });
    }
    const result = asJsonErrors(
      (await handler(event, context, () => undefined)) as APIGatewayProxyStructuredResultV2,
    );
    // An anonymous query may not turn a few kilobytes into megabytes: past the cap, nothing of it is sent.
    if (!header(event, 'authorization') && longerThan(result.body ?? '', options.limits.maxPublicAnswerBytes)) {
      return notStored({
        statusCode: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          errors: [{ message: ANSWER_TOO_LARGE_MESSAGE, extensions: { code: 'QUERY_TOO_COMPLEX' } }],
        }),
      });
    }
    return notStored(result);
  };
}
