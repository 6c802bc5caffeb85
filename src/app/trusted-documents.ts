/**
 * Trusted documents: every client of Loket is first-party or a registered partner, so in production the
 * server runs only the operations the front ends ship (`operations/*.graphql`), listed with their hashes
 * in the manifest that `npm run codegen` makes (`src/generated/client/persisted-documents.json`, bundled
 * into the Lambda). A client sends the document itself, as today; its normalized form (GraphQL Code
 * Generator's: fields sorted, no comments, one spacing) is hashed with sha256 and looked up. Callers
 * whose role may write their own queries (staff and partner tools) are let through.
 *
 * The same plugin keeps the documents Apollo would keep in its document store (Apollo's store is off:
 * `documentStore: null` in apollo-server.ts), so that a manifest operation is never validated at run
 * time: every manifest document passes the schema's and the query limits' validation rules, which a
 * unit test checks on each of them (tests/unit/trusted-documents.test.ts). Validating the kiosk's
 * opening query cost a cold Lambda about 6 ms (docs/performance.md).
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { type DocumentNode, GraphQLError, type ParseOptions, parse } from 'graphql';
import { LRUCache } from 'lru-cache';
import { ROLES, type Role, type Viewer } from '../domain/access/viewer.js';
import { ForbiddenError } from '../domain/shared/errors.js';
import manifest from '../generated/client/persisted-documents.json' with { type: 'json' };
import { ConfigError } from './env.js';

/** Whether operations outside the manifest are refused, and who may send them all the same. */
export interface TrustedDocumentsOptions {
  /** Refuse any operation whose document is not in the manifest. */
  enabled: boolean;
  /** Roles whose tokens may send any operation (ad-hoc queries of the admin console's tools, partners). */
  adHocRoles: readonly Role[];
}

/** Off: every valid operation runs (the local server's default, and tests'). */
export const TRUSTED_DOCUMENTS_OFF: TrustedDocumentsOptions = { enabled: false, adHocRoles: [] };

/** Roles that may send ad-hoc operations when `LOKET_AD_HOC_ROLES` is not set. */
export const DEFAULT_AD_HOC_ROLES: readonly Role[] = ['ADMIN', 'PARTNER'];

/**
 * From env: `LOKET_TRUSTED_DOCUMENTS` `1` on, `0` off, unset on in production only;
 * `LOKET_AD_HOC_ROLES` a comma-separated list of roles (empty: none), ADMIN and PARTNER when unset.
 */
export function trustedDocumentsFromEnv(
  env: NodeJS.ProcessEnv,
  production: boolean,
): TrustedDocumentsOptions {
  const flag = env.LOKET_TRUSTED_DOCUMENTS;
  if (flag !== undefined && flag !== '' && flag !== '0' && flag !== '1') {
    throw new ConfigError('LOKET_TRUSTED_DOCUMENTS must be 1 (on) or 0 (off)');
  }
  const enabled = flag === undefined || flag === '' ? production : flag === '1';
  const listed = env.LOKET_AD_HOC_ROLES;
  if (listed === undefined) return { enabled, adHocRoles: DEFAULT_AD_HOC_ROLES };
  const adHocRoles = listed
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = adHocRoles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) {
    throw new ConfigError(`LOKET_AD_HOC_ROLES names unknown roles: ${unknown.join(', ')}`);
  }
  return { enabled, adHocRoles: adHocRoles as Role[] };
}

/** The manifest: sha256 of each normalized document → that document. */
export const TRUSTED_DOCUMENTS: Readonly<Record<string, string>> = manifest;

/** The hash a document is listed under: sha256 of its normalized printing, as the manifest was made. */
export function documentHash(document: DocumentNode): string {
  return createHash('sha256').update(printExecutableGraphQLDocument(document)).digest('hex');
}

/** What a refused operation is told. */
export const UNTRUSTED_MESSAGE = 'This operation is not one of the registered operations of Loket.';

/** At most this much query text (in UTF-16 units) is kept parsed; a parsed document is several times its text. */
const DOCUMENT_CACHE_TEXT = 2 * 1024 * 1024;

/**
 * Refuses, with FORBIDDEN, any operation whose document is not in the manifest, unless the caller's role
 * is allowed ad-hoc operations. Runs once the operation is resolved (the caller's role is known then).
 *
 * Also Apollo's document store: the parsed documents that passed validation, by the hash of their text,
 * so that a query text is parsed and validated once per instance. With the setting on, a text not yet
 * seen is parsed here first; if it is a manifest document, it is kept and validation is skipped (see
 * the module's comment); otherwise Apollo parses and validates it as usual.
 */
export function trustedDocumentsPlugin<T extends { viewer: Viewer }>(
  options: TrustedDocumentsOptions,
  parseOptions: ParseOptions = {},
  trusted: Readonly<Record<string, string>> = TRUSTED_DOCUMENTS,
): ApolloServerPlugin<T> {
  const ready = new LRUCache<string, { document: DocumentNode; length: number }>({
    maxSize: DOCUMENT_CACHE_TEXT,
    sizeCalculation: (entry) => Math.max(1, entry.length),
  });
  // A document is hashed at most once: documents come from `ready`, so one text is one object.
  const known = new WeakMap<DocumentNode, boolean>();
  const isTrusted = (document: DocumentNode): boolean => {
    let answer = known.get(document);
    if (answer === undefined) {
      answer = Object.hasOwn(trusted, documentHash(document));
      known.set(document, answer);
    }
    return answer;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveSource(context) {
          const seen = ready.get(context.queryHash);
          // Apollo skips parsing and validation when the document is set here (its own store is off).
          const target = context as { document?: DocumentNode };
          if (seen) {
            target.document = seen.document;
            return;
          }
          if (!options.enabled) return;
          let document: DocumentNode;
          try {
            document = parse(context.source, parseOptions);
          } catch {
            return; // Apollo parses it again and answers the syntax error.
          }
          if (!isTrusted(document)) return;
          ready.set(context.queryHash, { document, length: context.source.length });
          target.document = document;
        },
        async validationDidStart(context) {
          return async (errors) => {
            if (errors?.length) return;
            ready.set(context.queryHash, { document: context.document, length: context.source.length });
          };
        },
        async didResolveOperation({ document, contextValue }) {
          if (!options.enabled) return;
          if (options.adHocRoles.includes(contextValue.viewer.role) || isTrusted(document)) return;
          throw new GraphQLError(UNTRUSTED_MESSAGE, {
            originalError: new ForbiddenError(UNTRUSTED_MESSAGE),
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          });
        },
      };
    },
  };
}
