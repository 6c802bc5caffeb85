/**
 * PageInfo of every connection, built from a page of the domain in one place.
 */
import type { PageInfo } from '../../generated/resolvers-types.js';

/**
 * A page of a listing as the use cases return it. `after` is the cursor the page was asked for, when the
 * resolver that asked for it passed it along (`pageAfter`).
 */
export interface PageOfEdges {
  edges: readonly { cursor: string }[];
  nextCursor: string | null;
  after?: string | null;
}

/** The page with the cursor it was asked for, so that its `pageInfo` can tell whether it continues. */
export function pageAfter<P extends PageOfEdges>(page: P, after: string | null | undefined): P {
  return { ...page, after: after ?? null };
}

/**
 * Listings page forward only (`first`, `after`): a page continues a listing when it was asked for `after`
 * a cursor; `startCursor` is its first edge's, `endCursor` the one that resumes after it.
 */
export function pageInfoOf(page: PageOfEdges): PageInfo {
  return {
    hasNextPage: page.nextCursor !== null,
    hasPreviousPage: page.after !== undefined && page.after !== null,
    startCursor: page.edges[0]?.cursor ?? null,
    endCursor: page.nextCursor,
  };
}
