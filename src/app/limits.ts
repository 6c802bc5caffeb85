/**
 * Limits on what one request may ask (OWASP GraphQL cheat sheet), through
 * graphql-armor. Sized from the real operations of the kiosk, hall display,
 * officer console and admin console (see tests/integration/limits.test.ts,
 * which probes each limit one step over and under), with room to spare.
 * Over a limit is QUERY_TOO_COMPLEX; the message never states the numbers.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';

/** The configured limits. */
export interface QueryLimits {
  /** Deepest selection; the kiosk query is 6 deep, the complaint listing 7. */
  maxDepth: number;
  /** Aliased fields per operation. */
  maxAliases: number;
  /** Directives per operation. */
  maxDirectives: number;
  /** Lexical tokens per document. */
  maxTokens: number;
  /** graphql-armor's cost: objects 2, scalars 1, times 1.5 per level of depth. */
  maxCost: number;
  /** Largest request body in bytes, checked before parsing. */
  maxBodyBytes: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 20_000,
  maxBodyBytes: 100 * 1024,
};

/** What every limit's refusal says; `formatError` maps it to QUERY_TOO_COMPLEX. */
export const TOO_COMPLEX_MESSAGE = 'The query is too large or too complex.';

/** The armor's plugins and validation rules for Apollo Server. */
export function queryProtection(
  limits: QueryLimits,
  production: boolean,
): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const common = { exposeLimits: false, errorMessage: TOO_COMPLEX_MESSAGE };
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { ...common, n: limits.maxDepth, flattenFragments: true },
    maxAliases: { ...common, n: limits.maxAliases },
    maxDirectives: { ...common, n: limits.maxDirectives },
    maxTokens: { ...common, n: limits.maxTokens },
    costLimit: { ...common, maxCost: limits.maxCost },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  // graphql-armor types Apollo from its CommonJS build; the plugin objects are the same at run time.
  return { plugins: plugins as unknown as ApolloServerPlugin[], validationRules };
}

/** Whether an error is a limit's refusal. */
export function isTooComplex(message: string): boolean {
  return message.includes(TOO_COMPLEX_MESSAGE);
}
