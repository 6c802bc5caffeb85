/**
 * The Lambda handler factory: API Gateway HTTP API (payload v2) events
 * through Apollo Server. AWS (`lambda.ts`) and the local server both call it.
 */
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createApolloServer } from './apollo-server.js';
import { type AppServices, createContext } from './composition.js';
import type { GraphQLContext } from './context.js';

type V2Handler = ReturnType<typeof handlers.createAPIGatewayProxyEventV2RequestHandler>;
type CjsApolloServer = Parameters<typeof startServerAndCreateLambdaHandler<V2Handler, GraphQLContext>>[0];

/** The handler's type: an HTTP API v2 event in, a structured result out. */
export type LoketHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Builds the handler over instance-wide services. */
export function createLambdaHandler(services: AppServices, options: { production: boolean }): LoketHandler {
  // The integration is CommonJS and types Apollo Server from its CJS build; the
  // instance is the same class at run time.
  const server = createApolloServer(options) as unknown as CjsApolloServer;
  const handler = startServerAndCreateLambdaHandler(
    server,
    handlers.createAPIGatewayProxyEventV2RequestHandler(),
    {
      context: async () => createContext(services),
    },
  );
  return (event, context) =>
    handler(event, context, () => undefined) as Promise<APIGatewayProxyStructuredResultV2>;
}
