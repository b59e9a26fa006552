import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueApiToken } from '../src/auth/issue-token.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const ticketsQuery = /* GraphQL */ `
  query Tickets($first: Int, $after: String, $filter: TicketFilter) {
    tickets(first: $first, after: $after, filter: $filter) {
      edges { cursor node { id displayNumber title status priority organization { name } site { name url } assignee { name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

type TicketsData = {
  tickets: {
    edges: { node: { id: string; displayNumber: string; status: string; organization: { name: string } | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describeEachDatabase('the read API', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let queries: string[] = [];
  const tokenOf = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';

  beforeAll(async () => {
    t = await createTestApp(provider, { onQuery: (e) => queries.push(e.query) });
    const seeded = await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' });
    if (!seeded) throw new Error('demo not seeded');
    demo = seeded;
  });
  afterAll(() => t.close());

  it('should list the tickets newest first, page by page, to a staff token with tickets:read', async () => {
    const first = await t.gql<TicketsData>(ticketsQuery, { first: 5 }, tokenOf('LINE1'));
    expect(first.errors).toBeUndefined();
    const numbers = first.data?.tickets.edges.map((e) => e.node.displayNumber);
    expect(numbers).toEqual(['#1014', '#1013', '#1012', '#1011', '#1010']);
    expect(first.data?.tickets.pageInfo.hasNextPage).toBe(true);

    const second = await t.gql<TicketsData>(
      ticketsQuery,
      { first: 5, after: first.data?.tickets.pageInfo.endCursor },
      tokenOf('LINE1'),
    );
    expect(second.data?.tickets.edges.map((e) => e.node.displayNumber)).toEqual([
      '#1009',
      '#1008',
      '#1007',
      '#1006',
      '#1005',
    ]);
  });

  it('should filter tickets by status and by organization', async () => {
    const byStatus = await t.gql<TicketsData>(
      ticketsQuery,
      { filter: { statuses: ['PAID', 'REJECTED'] } },
      tokenOf('HEAD'),
    );
    expect(byStatus.data?.tickets.edges.map((e) => e.node.status).sort()).toEqual([
      'PAID',
      'PAID',
      'REJECTED',
      'REJECTED',
    ]);

    const orgs = await t.gql<{ organizations: { edges: { node: { id: string; name: string } }[] } }>(
      '{ organizations { edges { node { id name } } } }',
      {},
      tokenOf('HEAD'),
    );
    const bikes = orgs.data?.organizations.edges.find((e) => e.node.name === 'Bike Rental Ltd')?.node;
    const byOrg = await t.gql<TicketsData>(ticketsQuery, { filter: { organizationId: bikes?.id } }, tokenOf('HEAD'));
    const names = new Set(byOrg.data?.tickets.edges.map((e) => e.node.organization?.name));
    expect([...names]).toEqual(['Bike Rental Ltd']);
  });

  it('should load a page of tickets with their organization, site and assignee in a fixed number of queries', async () => {
    const selectsFor = async (first: number) => {
      queries = [];
      const response = await t.gql<TicketsData>(ticketsQuery, { first }, tokenOf('LINE2'));
      expect(response.data?.tickets.edges).toHaveLength(first);
      return queries.filter((q) => /^\s*SELECT/i.test(q)).length;
    };
    // The token's owner is read once, then kept between requests (VIEWER_CACHE_MS).
    await selectsFor(1);
    const forTwo = await selectsFor(2);
    const forFourteen = await selectsFor(14);
    // The tickets, and one query per relation: no N+1, and no read of the token.
    expect(forFourteen).toBe(forTwo);
    expect(forFourteen).toBeLessThanOrEqual(4);
  });

  it('should list the sites with their organization and widget key', async () => {
    const response = await t.gql<{
      sites: {
        edges: {
          node: { name: string; publicKey: string; allowedOrigins: string[]; organization: { name: string } };
        }[];
      };
    }>('{ sites { edges { node { name publicKey allowedOrigins organization { name } } } } }', {}, tokenOf('HEAD'));
    const sites = response.data?.sites.edges.map((e) => e.node) ?? [];
    expect(sites.map((s) => s.name)).toEqual(['Bike rental', 'Блог о цветах', 'Магазин цветов']);
    expect(sites.map((s) => s.publicKey).sort()).toEqual([...demo.siteKeys].sort());
    expect(sites[0]?.allowedOrigins).toContain('https://bikes.example');
    expect(sites[0]?.organization.name).toBe('Bike Rental Ltd');
    expect((await t.gql('{ sites { edges { node { publicKey } } } }')).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('should find a ticket, an organization and a site by their global id through node()', async () => {
    const list = await t.gql<TicketsData>(ticketsQuery, { first: 1 }, tokenOf('ADMIN'));
    const id = list.data?.tickets.edges[0]?.node.id;
    const node = await t.gql<{ node: { __typename: string; displayNumber: string } }>(
      'query ($id: ID!) { node(id: $id) { __typename ... on Ticket { displayNumber } } }',
      { id },
      tokenOf('ADMIN'),
    );
    expect(node.data?.node).toEqual({ __typename: 'Ticket', displayNumber: '#1014' });
    const one = await t.gql<{ ticket: { displayNumber: string } }>(
      'query ($id: ID!) { ticket(id: $id) { displayNumber } }',
      { id },
      tokenOf('ADMIN'),
    );
    expect(one.data?.ticket.displayNumber).toBe('#1014');
  });

  it('should tell a stranger to sign in and show nothing, whatever it asks for', async () => {
    const list = await t.gql<TicketsData>(ticketsQuery, { first: 1 }, tokenOf('ADMIN'));
    const id = list.data?.tickets.edges[0]?.node.id;
    for (const [query, variables] of [
      [ticketsQuery, {}],
      ['{ organizations { edges { node { name } } } }', {}],
      ['query ($id: ID!) { ticket(id: $id) { title } }', { id }],
    ] as const) {
      for (const token of [undefined, 'cdk_not-a-real-token']) {
        const response = await t.gql(query, variables, token);
        expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(JSON.stringify(response.data ?? {})).not.toMatch(/#10|Цвет|Bike/);
      }
    }
    // node(id:) serves public objects too: to a stranger a ticket's id is an id of nothing.
    const node = await t.gql('query ($id: ID!) { node(id: $id) { ... on Ticket { title } } }', { id });
    expect(node).toEqual({ data: { node: null } });
    const viewer = await t.gql<{ viewer: { kind: string; staff: null } }>('{ viewer { kind staff { name } } }');
    expect(viewer.data?.viewer).toEqual({ kind: 'ANONYMOUS', staff: null });
  });

  it('should forbid reading tickets with a token that lacks tickets:read', async () => {
    const admin = await t.database.db.staffMember.findUniqueOrThrow({ where: { email: 'admin@studio.example' } });
    const agentToken = await issueApiToken(t.database.db, {
      staffId: admin.id,
      name: 'agent',
      scopes: ['monitoring:report'],
    });
    const response = await t.gql(ticketsQuery, {}, agentToken);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(response.data).toBeNull();
  });

  it('should stop accepting a token once it is revoked or its staff member is deactivated', async () => {
    const line3 = await t.database.db.staffMember.findUniqueOrThrow({ where: { email: 'line3@studio.example' } });
    const token = await issueApiToken(t.database.db, { staffId: line3.id, name: 'temp', scopes: ['tickets:read'] });
    expect((await t.gql(ticketsQuery, { first: 1 }, token)).errors).toBeUndefined();

    // Revoked through the API: refused on the very next request.
    const temp = await t.database.db.apiToken.findFirstOrThrow({ where: { name: 'temp' } });
    await t.gql(
      'mutation ($i: RevokeApiTokenInput!) { revokeApiToken(input: $i) { __typename } }',
      { i: { tokenId: Buffer.from(`ApiToken:${temp.id}`).toString('base64') } },
      tokenOf('ADMIN'),
    );
    expect((await t.gql(ticketsQuery, { first: 1 }, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Deactivated straight in the database (nothing announced): refused once the kept owner
    // expires, within VIEWER_CACHE_MS (5 s).
    const other = await issueApiToken(t.database.db, { staffId: line3.id, name: 'temp2', scopes: ['tickets:read'] });
    expect((await t.gql(ticketsQuery, { first: 1 }, other)).errors).toBeUndefined();
    await t.database.db.staffMember.update({ where: { id: line3.id }, data: { active: false } });
    await expect
      .poll(async () => (await t.gql(ticketsQuery, { first: 1 }, other)).errors?.[0]?.extensions?.code, {
        timeout: 15_000,
        interval: 250,
      })
      .toBe('UNAUTHENTICATED');
  });

  it('should record when a token was last used', async () => {
    const before = await t.database.db.apiToken.findMany({
      where: { name: 'demo sign-in', staff: { role: 'ACCOUNTANT' } },
    });
    expect(before[0]?.lastUsedAt).toBeNull();
    await t.gql(ticketsQuery, { first: 1 }, tokenOf('ACCOUNTANT'));
    const after = await t.database.db.apiToken.findMany({
      where: { name: 'demo sign-in', staff: { role: 'ACCOUNTANT' } },
    });
    expect(after[0]?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('should mask unexpected errors instead of leaking their details', async () => {
    const response = await t.gql(
      'mutation ($id: ID!) { startTicket(input: { ticketId: $id }) { __typename } }',
      { id: 'not base64 at all' },
      tokenOf('ADMIN'),
    );
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(response.errors)).not.toMatch(/prisma|stack|at .*\.ts/i);
  });
});
