/**
 * The composition root: builds the adapters and use cases once per Lambda
 * instance (module scope runs in INIT, with boosted CPU).
 */
import { CatalogReader } from '../domain/catalog-reader.js';
import type { Clock } from '../domain/clock.js';
import { PUBLIC_VIEWER } from '../domain/viewer.js';
import { DynamoCatalogStore } from '../dynamo/catalog-store.js';
import { createDocumentClient, type RequestCounter } from '../dynamo/client.js';
import type { AppConfig } from './config.js';
import type { GraphQLContext } from './context.js';

/** The instance-wide services a request context is made from. */
export interface AppServices {
  clock: Clock;
  catalog: CatalogReader;
}

/** Builds the services; `counter` counts DynamoDB requests for tests and the benchmark. */
export function createServices(config: AppConfig, counter?: RequestCounter): AppServices {
  const client = createDocumentClient({ endpoint: config.dynamoEndpoint, counter });
  const store = new DynamoCatalogStore(client, config.tableName);
  return {
    clock: config.clock,
    catalog: new CatalogReader(store, config.clock, { maxAgeMs: config.catalogMaxAgeMs }),
  };
}

/** The context of one request. */
export function createContext(services: AppServices): GraphQLContext {
  return { viewer: PUBLIC_VIEWER, now: services.clock.now(), catalog: services.catalog };
}
