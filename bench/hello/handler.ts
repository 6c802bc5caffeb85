/**
 * The cold-start baseline: a hello-world Apollo Server 5 Lambda through @as-integrations/aws-lambda, with
 * nothing of Loket. The benchmark bundles it with esbuild exactly as CDK bundles Loket's function and
 * measures both the same way.
 */
import { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';

type V2Handler = ReturnType<typeof handlers.createAPIGatewayProxyEventV2RequestHandler>;
type CjsApolloServer = Parameters<typeof startServerAndCreateLambdaHandler<V2Handler>>[0];

const server = new ApolloServer({
  typeDefs: 'type Query { hello: String! }',
  resolvers: { Query: { hello: () => 'Halo dari MPP' } },
});

// The integration types Apollo Server from its CommonJS build; the instance is the same class at run time.
export const handler = startServerAndCreateLambdaHandler(
  server as unknown as CjsApolloServer,
  handlers.createAPIGatewayProxyEventV2RequestHandler(),
);
