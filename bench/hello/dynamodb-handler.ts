/**
 * The second cold-start baseline: the hello world of `handler.ts`, whose one field reads one item from
 * DynamoDB Local with the AWS SDK, as cheaply as the SDK allows (the bare client, one GetItem, no
 * document client). It is what "measured the same way ... against DynamoDB Local" costs with nothing of
 * Loket: Apollo Server, the integration, and the SDK's import and first request.
 */
import { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { WARM_UP_KEY } from '../../src/dynamo/shared/keys.js';

type V2Handler = ReturnType<typeof handlers.createAPIGatewayProxyEventV2RequestHandler>;
type CjsApolloServer = Parameters<typeof startServerAndCreateLambdaHandler<V2Handler>>[0];

const endpoint = process.env.DYNAMODB_ENDPOINT;
const client = new DynamoDBClient(
  endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {},
);
// A key no item has (the one Loket's warm-up reads): the answer is the greeting either way.
const key = Object.fromEntries(Object.entries(WARM_UP_KEY).map(([name, value]) => [name, { S: value }]));

const server = new ApolloServer({
  typeDefs: 'type Query { hello: String! }',
  resolvers: {
    Query: {
      hello: async () => {
        const { Item } = await client.send(
          new GetItemCommand({ TableName: process.env.LOKET_TABLE, Key: key }),
        );
        return Item ? 'Halo lagi dari MPP' : 'Halo dari MPP';
      },
    },
  },
});

export const handler = startServerAndCreateLambdaHandler(
  server as unknown as CjsApolloServer,
  handlers.createAPIGatewayProxyEventV2RequestHandler(),
);
