/**
 * PageInfo through the API: a listing paged forward tells where each page stands.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixtureCatalog } from '../support/fixture-catalog.js';
import { createHarness, type Harness } from '../support/harness.js';

const MALL = 'paging-mall';

interface Page {
  complaints: {
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
}

const PAGE = `query($mallId: ID!, $after: String) {
  complaints(mallId: $mallId, first: 2, after: $after) {
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('PageInfo', () => {
  let h: Harness;
  let admin: string;

  beforeAll(async () => {
    h = await createHarness(
      inject('dynamoEndpoint'),
      [fixtureCatalog({ mallId: MALL })],
      new Date('2026-12-01T02:00:00Z'),
    );
    admin = await h.token({ role: 'ADMIN', mallId: MALL });
    for (const n of [1, 2, 3]) {
      await h.gql('mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id } }', {
        input: {
          mallId: MALL,
          category: 'ASPIRATION',
          subject: `Saran nomor ${n}`,
          description: 'Mohon tambah kursi di ruang tunggu.',
        },
      });
    }
  });

  afterAll(async () => h?.close());

  it('pages forward: start and end cursors, and whether pages come before and after', async () => {
    const first = (await h.gql<Page>(PAGE, { mallId: MALL }, admin)).complaints;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0]?.cursor,
      endCursor: expect.any(String),
    });

    const second = (await h.gql<Page>(PAGE, { mallId: MALL, after: first.pageInfo.endCursor }, admin))
      .complaints;
    expect(second.edges).toHaveLength(1);
    expect(second.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: second.edges[0]?.cursor,
      endCursor: null,
    });
    const ids = [...first.edges, ...second.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(3);
  });
});
