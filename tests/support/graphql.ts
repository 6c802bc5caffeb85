/**
 * Sends GraphQL operations through the real Lambda handler as API Gateway
 * HTTP API v2 events, exactly as AWS would.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { LoketHandler } from '../../src/app/handler.js';
import { localLambdaContext } from '../../src/app/local-event.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string } & Record<string, unknown>;
  }[];
}

/** One POST /graphql through the handler. */
export async function execute<T = Record<string, unknown>>(
  handler: LoketHandler,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify({ query, variables });
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...headers },
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: 'POST',
        path: '/graphql',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'vitest',
      },
      requestId: 'test',
      routeKey: 'POST /graphql',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body,
    isBase64Encoded: false,
  };
  const result = await handler(event, localLambdaContext('test'));
  const parsed = JSON.parse(result.body ?? '{}') as GraphQLResponse<T>;
  return { ...parsed, status: result.statusCode ?? 200 };
}
