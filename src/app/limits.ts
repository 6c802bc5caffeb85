/**
 * Limits on what one request may ask (OWASP GraphQL cheat sheet), through
 * graphql-armor and graphql-js's own parser limit. Sized from the real
 * operations of the kiosk, hall display, officer console and admin console
 * (tests/integration/limits.test.ts measures them and probes each limit one
 * step over and under), with room to spare. Over a limit is QUERY_TOO_COMPLEX;
 * the message never states the numbers.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type ValidationContext,
  type ValidationRule,
  visit,
} from 'graphql';
import { estimateListCost } from './list-cost.js';

/** The configured limits. */
export interface QueryLimits {
  /** Deepest selection; the admin console's complaint listing is 7 deep. */
  maxDepth: number;
  /** Aliased fields per operation; the front ends use none. */
  maxAliases: number;
  /** Directives per operation; the front ends use none. */
  maxDirectives: number;
  /** Lexical tokens per document; the largest real operation has about 110. */
  maxTokens: number;
  /** graphql-armor's cost: objects 2, scalars 1, times 1.5 per level, times `first`. */
  maxCost: number;
  /**
   * Fields the answer may hold, each counted once per item of every list around it (`estimateListCost`,
   * list-cost.ts): a list counts its `first` or `limit`, the days of a `from`/`to` range, or 5.
   */
  maxListCost: number;
  /** Largest answer sent to a caller without a token; a larger one is refused instead (handler.ts). */
  maxPublicAnswerBytes: number;
  /** Largest request body in bytes, checked before parsing. */
  maxBodyBytes: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 14,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 1000,
  // The admin listing at 100 a page costs about 17,700.
  maxCost: 40_000,
  // A year of a partner's schedule counts about 7,700; fifteen aliases of a year of every agency's days, millions.
  maxListCost: 100_000,
  maxPublicAnswerBytes: 1024 * 1024,
  maxBodyBytes: 100 * 1024,
};

/** What every limit's refusal says; `formatError` maps it to QUERY_TOO_COMPLEX. */
export const TOO_COMPLEX_MESSAGE = 'The query is too large or too complex.';

/** The largest `first` any list accepts (`complaints(first:)`). */
const MAX_LIST_ARGUMENT = 100;

const COMMON = { exposeLimits: false, errorMessage: TOO_COMPLEX_MESSAGE };

function tooComplex(): GraphQLError {
  return new GraphQLError(TOO_COMPLEX_MESSAGE, {
    extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
  });
}

/**
 * Runs the cost rule's visitor on each operation of a document. It needs
 * only the document's fragments from its context, so no schema (and no
 * second graphql-js instance's `validate`, whose realm check would refuse it).
 */
function operationCostFits(rule: ReturnType<typeof costLimitRule>, document: DocumentNode): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let fits = true;
  const context = {
    getFragment: (name: string) => fragments.get(name),
    reportError: () => {
      fits = false;
    },
  } as unknown as ValidationContext;
  const visitor = rule(context);
  try {
    for (const d of document.definitions) {
      if (d.kind === Kind.OPERATION_DEFINITION) visitor.OperationDefinition.enter.call(visitor, d);
    }
  } catch {
    fits = false; // the rule throws its refusal
  }
  return fits;
}

/**
 * The cost rule reads `first` only when written in the query; a client could
 * pass a large `first` as a variable instead. Once the variables are known,
 * they are written into the document and the same rule runs again.
 */
function variableCostPlugin<T extends object>(maxCost: number): ApolloServerPlugin<T> {
  const rule = costLimitRule({ ...COMMON, maxCost });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const variables = request.variables ?? {};
          // Only an integer can be a `first`: most requests have none, and skip the walk of their document.
          if (!Object.values(variables).some(Number.isInteger)) return;
          let inlined = false;
          const withValues = visit(document, {
            Argument(node: ArgumentNode) {
              if (
                (node.name.value !== 'first' && node.name.value !== 'last') ||
                node.value.kind !== Kind.VARIABLE
              )
                return;
              const value = variables[node.value.name.value];
              if (typeof value !== 'number' || !Number.isInteger(value)) return;
              inlined = true;
              // Past the page cap the resolver refuses it as BAD_USER_INPUT; cost it at the cap.
              const counted = Math.max(1, Math.min(value, MAX_LIST_ARGUMENT));
              return { ...node, value: { kind: Kind.INT, value: String(counted) } };
            },
          });
          if (inlined && !operationCostFits(rule, withValues)) throw tooComplex();
        },
      };
    },
  };
}

/** Refuses an operation whose answer-size estimate, with the request's variables, passes `maxListCost`. */
function listCostPlugin<T extends object>(maxListCost: number): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = estimateListCost(schema, document, operation, request.variables ?? {}, maxListCost);
          if (cost > maxListCost) throw tooComplex();
        },
      };
    },
  };
}

/** The armor's plugins and validation rules, and the parser's options, for Apollo Server. */
export function queryProtection(
  limits: QueryLimits,
  production: boolean,
): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[]; parseOptions: { maxTokens: number } } {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { ...COMMON, n: limits.maxDepth, flattenFragments: true },
    maxAliases: { ...COMMON, n: limits.maxAliases },
    maxDirectives: { ...COMMON, n: limits.maxDirectives },
    // graphql-armor's token limit parses again inside a plugin, and a syntax
    // error thrown there becomes an HTTP 500; graphql-js counts tokens as it parses.
    maxTokens: { enabled: false },
    costLimit: { ...COMMON, maxCost: limits.maxCost },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    // graphql-armor types Apollo from its CommonJS build; the plugin objects are the same at run time.
    plugins: [
      ...(plugins as unknown as ApolloServerPlugin[]),
      variableCostPlugin(limits.maxCost),
      listCostPlugin(limits.maxListCost),
    ],
    validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

// graphql-js 16 says "more that"; accept the corrected spelling too.
const TOKEN_LIMIT_MESSAGE = /Document contains more tha[nt] \d+ tokens/;

/** Whether an error is a limit's refusal (ours, or graphql-js's token limit). */
export function isTooComplex(message: string): boolean {
  return message.includes(TOO_COMPLEX_MESSAGE) || TOKEN_LIMIT_MESSAGE.test(message);
}
