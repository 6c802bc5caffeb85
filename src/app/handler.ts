/**
 * The Lambda handler factory: API Gateway HTTP API (payload v2) events
 * through Apollo Server. AWS (`lambda.ts`) and the local server both call it.
 */
import { timingSafeEqual } from 'node:crypto';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { GraphQLError } from 'graphql';
import { DomainError } from '../domain/shared/errors.js';
import { createApolloServer } from './apollo-server.js';
import { type AppServices, createContext } from './composition.js';
import type { GraphQLContext } from './context.js';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER } from './edge-headers.js';
import { type QueryLimits, TOO_COMPLEX_MESSAGE } from './limits.js';
import { publishRequestMetrics, recordRefusal } from './metrics.js';
import { RateLimiter, type RateLimits } from './rate-limit.js';
import { inRequestScope } from './request-scope.js';
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
  /**
   * The secret CloudFront adds to every request it forwards (`ORIGIN_VERIFY_HEADER`). When set, a request
   * without it did not come through CloudFront and its WAF, and is refused; one with it is counted for
   * rate limits by the viewer's address CloudFront saw (`VIEWER_ADDRESS_HEADER`). Unset locally and in
   * tests: the source address is the caller's.
   */
  originSecret?: string | undefined;
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

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The client's address for Loket's own limits: the viewer address CloudFront forwarded, when the request
 * proves it came through CloudFront; otherwise API Gateway's source address.
 */
export function clientAddress(event: APIGatewayProxyEventV2, originSecret: string | undefined): string {
  const sourceIp = event.requestContext.http.sourceIp;
  if (originSecret === undefined || !sameSecret(header(event, ORIGIN_VERIFY_HEADER), originSecret)) {
    return sourceIp;
  }
  return header(event, VIEWER_ADDRESS_HEADER)?.trim() || sourceIp;
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
            sourceIp: clientAddress(event, options.originSecret),
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
  const serve = async (
    event: APIGatewayProxyEventV2,
    context: Context,
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    if (
      options.originSecret !== undefined &&
      !sameSecret(header(event, ORIGIN_VERIFY_HEADER), options.originSecret)
    ) {
      recordRefusal('FORBIDDEN');
      return refusal(403, 'FORBIDDEN', 'Call the API at its public address.');
    }
    const size = Buffer.byteLength(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
    if (size > options.limits.maxBodyBytes) {
      recordRefusal('QUERY_TOO_COMPLEX');
      return refusal(413, 'QUERY_TOO_COMPLEX', TOO_COMPLEX_MESSAGE);
    }
    const result = asJsonErrors(
      (await handler(event, context, () => undefined)) as APIGatewayProxyStructuredResultV2,
    );
    // An anonymous query may not turn a few kilobytes into megabytes: past the cap, nothing of it is sent.
    if (
      !header(event, 'authorization') &&
      longerThan(result.body ?? '', options.limits.maxPublicAnswerBytes)
    ) {
      recordRefusal('QUERY_TOO_COMPLEX');
      return refusal(400, 'QUERY_TOO_COMPLEX', ANSWER_TOO_LARGE_MESSAGE);
    }
    return notStored(result);
  };
  let coldStart = true;
  return (event, context) => {
    const ids = {
      requestId: event.requestContext.requestId,
      lambdaRequestId: context.awsRequestId,
      coldStart,
    };
    coldStart = false;
    return inRequestScope(ids, async (scope) => {
      try {
        return await serve(event, context);
      } finally {
        publishRequestMetrics(scope);
      }
    });
  };
}

/** A refusal before Apollo sees the request, in the shape of every other error. */
function refusal(statusCode: number, code: string, message: string): APIGatewayProxyStructuredResultV2 {
  return notStored({
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  });
}
