import { describe, expect, it } from 'vitest';
import { pageAfter, pageInfoOf } from '../../src/resolvers/shared/page-info.js';

const edges = [{ cursor: 'c1' }, { cursor: 'c2' }];

describe('pageInfoOf', () => {
  it('a first page: nothing before it, its first cursor, the cursor that resumes after it', () => {
    expect(pageInfoOf(pageAfter({ edges, nextCursor: 'c2' }, null))).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: 'c1',
      endCursor: 'c2',
    });
  });

  it('a page asked for after a cursor continues the listing; the last page has no next', () => {
    expect(pageInfoOf(pageAfter({ edges, nextCursor: null }, 'c0'))).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: 'c1',
      endCursor: null,
    });
  });

  it('an empty page has no start cursor; a page without its `after` counts as a first page', () => {
    expect(pageInfoOf({ edges: [], nextCursor: null })).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
