/**
 * Trusted documents: every client of Loket is first-party or a registered partner, so in production the
 * server runs only the operations the front ends ship (`operations/*.graphql`), listed with their hashes
 * in the manifest that `npm run codegen` makes (`src/generated/client/persisted-documents.json`, bundled
 * into the Lambda). A client sends the document itself, as today; its normalized form (GraphQL Code
 * Generator's: fields sorted, no comments, one spacing) is hashed with sha256 and looked up. Callers
 * whose role may write their own queries (staff and partner tools) are let through.
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { type DocumentNode, GraphQLError } from 'graphql';
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

/**
 * Refuses, with FORBIDDEN, any operation whose document is not in the manifest, unless the caller's role
 * is allowed ad-hoc operations. Runs once the operation is resolved (the caller's role is known then).
 */
export function trustedDocumentsPlugin<T extends { viewer: Viewer }>(
  options: TrustedDocumentsOptions,
  trusted: Readonly<Record<string, string>> = TRUSTED_DOCUMENTS,
): ApolloServerPlugin<T> {
  // Apollo keeps one parsed document per query text, so a document is hashed once, not per request.
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
      if (!options.enabled) return;
      return {
        async didResolveOperation({ document, contextValue }) {
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
