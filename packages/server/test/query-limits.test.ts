import { schema } from '@caredesk/schema/graphql';
import { newSecret } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { getIntrospectionQuery, Lexer, parse, Source, TokenKind, validate } from 'graphql';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as widgetQueries from '../../widget/src/queries.ts';
import * as widgetTicketQueries from '../../widget/src/ticket-queries.ts';
import { issueApiToken } from '../src/auth/issue-token.ts';
import { checkQueryLimits, queryLimits } from '../src/http/query-limits.ts';
import { operationBytes } from '../src/http/upload-limit.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { firstResultOverSocket } from './support/first-result-over-socket.ts';
import { doublingFragments, type HostileDocument, hostileDocuments } from './support/hostile-documents.ts';
import { createTestApp, type GraphQLResponse, type TestApp } from './support/test-app.ts';

// The introspection query GraphiQL sends (graphiql's defaults), and a codegen's (graphql's defaults).
const graphiqlIntrospection = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
});
const codegenIntrospection = getIntrospectionQuery();

describe('query limits on the documents our own clients send', () => {
  const widgetDocuments = Object.entries({ ...widgetQueries, ...widgetTicketQueries }).filter(
    (entry): entry is [string, string] =>
      typeof entry[1] === 'string' && /^(query|mutation|subscription)\b/.test(entry[1]),
  );

  it('should find the widget documents to check', () => {
    expect(widgetDocuments.map(([name]) => name)).toEqual(
      expect.arrayContaining(['submitTicket', 'viewer', 'readTicket', 'myTickets', 'replyToTicket', 'ticketUpdated']),
    );
  });

  it.each(widgetDocuments)('should let the widget document %s through, valid', (_name, query) => {
    // Widget documents are sent by visitors and contacts: they must fit the public token limit.
    const document = parse(query, { maxTokens: queryLimits.maxPublicTokens });
    expect(checkQueryLimits(schema, document)).toBeNull();
    expect(validate(schema, document)).toEqual([]);
  });

  it.each([
    ['GraphiQL', graphiqlIntrospection],
    ['a codegen', codegenIntrospection],
    [
      'a queue page',
      '{ queue(first: 100) { edges { node { id displayNumber title priority status organization { name } } } } }',
    ],
  ])('should let the query of %s through', (_name, query) => {
    expect(checkQueryLimits(schema, parse(query, { maxTokens: queryLimits.maxTokens }))).toBeNull();
  });

  it.each(hostileDocuments.filter((d) => d.refusedBy !== 'tokens' && d.refusedBy !== 'length'))(
    'should name the $refusedBy limit for $name',
    ({ query, refusedBy }) => {
      expect(checkQueryLimits(schema, parse(query))?.extensions).toEqual({
        code: 'QUERY_TOO_COMPLEX',
        limit: refusedBy,
      });
    },
  );
});

describeEachDatabase('query limits over HTTP and WebSocket', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let base: string;
  let apiToken: string;
  let contactToken: string;
  let visitorToken: string;
  const shop = 'https://flowers.example';
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await createTestApp(provider);
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const { db } = t.database;
    const admin = await db.staffMember.findUniqueOrThrow({ where: { email: 'admin@studio.example' } });
    apiToken = await issueApiToken(db, { staffId: admin.id, name: 'codegen', scopes: ['tickets:read'] });
    const contact = await db.contact.findUniqueOrThrow({ where: { email: 'owner@flowers.example' } });
    const session = newSecret('session');
    await db.session.create({
      data: { tokenHash: session.hash, contactId: contact.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    contactToken = session.secret;
    const ticket = newSecret('ticket');
    await db.ticket.update({ where: { number: 1001 }, data: { accessTokenHash: ticket.hash } });
    visitorToken = ticket.secret;
    const { port } = await t.app.start();
    base = `127.0.0.1:${port}`;
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) await client.dispose();
    await t.close();
  });

  /** One operation over a real HTTP connection. */
  const overHttp = async (query: string, token?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`http://${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as GraphQLResponse;
  };

  /** One operation over a fresh graphql-ws connection: its first result, or its errors. */
  const overSocket = (query: string, token?: string) => firstResultOverSocket(base, clients, query, token);

  const refusal = (limit: string) => ({
    data: undefined,
    errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit }) })],
  });

  /** An anonymous body over 256 KB is refused by its length before it is read (request-size.test.ts). */
  const tooLargeForAnonymous = (query: string) => Buffer.byteLength(JSON.stringify({ query })) > operationBytes.public;

  const tokensOf = (query: string) => {
    const lexer = new Lexer(new Source(query));
    let count = 0;
    while (lexer.advance().kind !== TokenKind.EOF) count++;
    return count;
  };
  /** From anyone but staff, a document over the public token limit is refused for that first. */
  const publicRefusal = ({ query, refusedBy }: HostileDocument) =>
    refusedBy !== 'length' && tokensOf(query) > queryLimits.maxPublicTokens ? 'tokens' : refusedBy;

  it.each(hostileDocuments.filter(({ query }) => !tooLargeForAnonymous(query)))(
    'should refuse $name over HTTP with QUERY_TOO_COMPLEX, in English and Russian',
    async (document) => {
      const answer = await overHttp(document.query);
      expect({ data: answer.data ?? undefined, errors: answer.errors }).toEqual(refusal(publicRefusal(document)));
      expect(answer.errors?.[0]?.message).toMatch(/^[^/]*[a-z][^/]* \/ [^/]*[а-я]/);
    },
  );

  it.each(hostileDocuments)('should refuse $name from staff by the $refusedBy limit', async ({ query, refusedBy }) => {
    const answer = await overHttp(query, demo.adminToken);
    expect({ data: answer.data ?? undefined, errors: answer.errors }).toEqual(refusal(refusedBy));
  });

  it.each(hostileDocuments.filter(({ query }) => tooLargeForAnonymous(query)))(
    'should refuse $name over HTTP from an anonymous caller as too large, before reading it',
    async ({ query, refusedBy }) => {
      expect((await overHttp(query)).errors?.[0]?.extensions?.code).toBe('REQUEST_TOO_LARGE');
      // With a credential the body is read, and the document refused by its own limit.
      const answer = await overHttp(query, demo.adminToken);
      expect({ data: answer.data ?? undefined, errors: answer.errors }).toEqual(refusal(refusedBy));
    },
  );

  it.each(hostileDocuments.filter(({ query }) => tooLargeForAnonymous(query)))(
    'should close the socket that sends $name (a message over 256 KB) with 1009, before reading it',
    async ({ query }) => {
      await expect(overSocket(query)).rejects.toMatchObject({ code: 1009 });
    },
  );

  it.each(hostileDocuments.filter(({ query }) => !tooLargeForAnonymous(query)))(
    'should refuse $name over WebSocket with QUERY_TOO_COMPLEX',
    async (document) => {
      const answer = await overSocket(document.query);
      expect({ data: answer.data ?? undefined, errors: answer.errors }).toEqual(refusal(publicRefusal(document)));
    },
  );

  it('should answer /healthz while hostile documents over HTTP and WebSocket are being refused', async () => {
    const hostile = hostileDocuments.flatMap(({ query }) => [
      overHttp(query),
      tooLargeForAnonymous(query) ? overHttp(query) : overSocket(query),
    ]);
    const health = fetch(`http://${base}/healthz`).then(async (r) => ({ status: r.status, body: await r.json() }));
    const answers = await Promise.all(hostile);
    expect(await health).toEqual({ status: 200, body: { status: 'ok' } });
    for (const answer of answers)
      expect(['QUERY_TOO_COMPLEX', 'REQUEST_TOO_LARGE']).toContain(answer.errors?.[0]?.extensions?.code);
  });

  it('should refuse the doubling fragments for staff too: the limits do not depend on the caller', async () => {
    const answer = await overHttp(doublingFragments(22), demo.adminToken);
    expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('should refuse a document sent again as it refused it the first time (its measure is kept with the parsed document)', async () => {
    const query = doublingFragments(21);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await overHttp(query, demo.adminToken));
    expect(answers.map((answer) => answer.errors?.[0]?.extensions?.code)).toEqual(Array(3).fill('QUERY_TOO_COMPLEX'));
    expect(answers[2]).toEqual(answers[0]);
  });

  it('should refuse a document over 200 tokens from anyone but staff, over HTTP and WebSocket, and run it for staff', async () => {
    // 100 × `viewer { kind }`: 402 tokens, within the limit of 1,000 for staff.
    const query = `{ ${Array.from({ length: 100 }, () => 'viewer { kind }').join(' ')} }`;
    const notStaff = [
      await overHttp(query),
      await overSocket(query),
      await overHttp(query, visitorToken, { origin: shop }),
      await overHttp(query, contactToken),
      await overSocket(query, contactToken),
      // A credential that is not one counts as none: its presence no longer raises the limit.
      await overHttp(query, 'made-up'),
      await overHttp(query, `cds_${'x'.repeat(43)}`),
      await overSocket(query, 'made-up'),
    ];
    for (const answer of notStaff) {
      expect(answer.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens' });
      expect(answer.errors?.[0]?.message).toContain('200');
    }
    for (const answer of [
      await overHttp(query, demo.adminToken),
      await overSocket(query, demo.adminToken),
      await overHttp(query, apiToken),
    ]) {
      expect(answer.errors).toBeUndefined();
    }
  });

  it('should run a widget-sized query as before', async () => {
    expect(await overHttp(widgetQueries.viewer)).toEqual({ data: { viewer: { kind: 'ANONYMOUS', contact: null } } });
    expect(await overSocket(widgetQueries.viewer)).toEqual({ data: { viewer: { kind: 'ANONYMOUS', contact: null } } });
  });

  const typeNames = (answer: GraphQLResponse) =>
    ((answer.data as { __schema?: { types: { name: string }[] } } | undefined)?.__schema?.types ?? []).map(
      (type) => type.name,
    );

  it("should answer GraphiQL's introspection query for a staff member", async () => {
    const answer = await overHttp(graphiqlIntrospection, demo.adminToken);
    expect(answer.errors).toBeUndefined();
    expect(typeNames(answer)).toEqual(expect.arrayContaining(['Query', 'Mutation', 'Subscription', 'Ticket']));
  });

  it("should answer a codegen's introspection query for a staff API token, over HTTP and WebSocket", async () => {
    for (const answer of [
      await overHttp(codegenIntrospection, apiToken),
      await overSocket(codegenIntrospection, apiToken),
    ]) {
      expect(answer.errors).toBeUndefined();
      expect(typeNames(answer)).toContain('Ticket');
    }
  });

  const forbidden = { errors: [expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })] };

  it('should refuse introspection to an anonymous caller, a visitor and a contact', async () => {
    expect(await overHttp(graphiqlIntrospection)).toEqual(forbidden);
    expect(await overHttp(graphiqlIntrospection, visitorToken, { origin: shop })).toEqual(forbidden);
    expect(await overHttp(graphiqlIntrospection, contactToken)).toEqual(forbidden);
    expect(await overSocket(codegenIntrospection)).toEqual(forbidden);
  });

  it('should refuse anonymous introspection asked through __type or from inside a fragment', async () => {
    expect(await overHttp('{ __type(name: "Ticket") { fields { name } } }')).toEqual(forbidden);
    expect(await overHttp('query { ...Schema } fragment Schema on Query { __schema { types { name } } }')).toEqual(
      forbidden,
    );
    expect(
      await overHttp('query { ... on Query { ...Type } } fragment Type on Query { __type(name: "Ticket") { name } }'),
    ).toEqual(forbidden);
    // Beside __typename, and written without a space before its selection.
    expect(await overHttp('{ __typename __type(name:"Ticket"){name} }')).toEqual(forbidden);
    expect(await overHttp('{__typename,__schema{queryType{name}}}')).toEqual(forbidden);
  });

  it('should still answer __typename to anyone', async () => {
    expect(await overHttp('{ __typename }')).toEqual({ data: { __typename: 'Query' } });
  });

  it('should suggest no field, argument or enum value names in errors to anyone but staff', async () => {
    const answers = [
      await overHttp('{ viewr { kind } }'),
      await overHttp('{ tickets(frist: 1) { edges { node { id } } } }', contactToken),
      await overHttp('{ tickets(first: 1, filter: { statuses: [NEWW] }) { edges { node { id } } } }', contactToken),
      await overHttp('{ viewr { kind } }', visitorToken, { origin: shop }),
      await overHttp('{ viewr { kind } }', 'made-up'),
      await overSocket('{ viewer { knd } }'),
      await overSocket('{ viewer { knd } }', contactToken),
    ];
    const variable = await fetch(`http://${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${contactToken}` },
      body: JSON.stringify({
        query: 'query ($s: [TicketStatus!]) { tickets(first: 1, filter: { statuses: $s }) { edges { node { id } } } }',
        variables: { s: ['NEWW'] },
      }),
    });
    answers.push((await variable.json()) as GraphQLResponse);
    for (const answer of answers) {
      expect(answer.errors?.length).toBeGreaterThan(0);
      for (const error of answer.errors ?? []) expect(error.message).not.toMatch(/did you mean/i);
    }
  });

  it('should suggest names to staff, over HTTP and WebSocket', async () => {
    const messages = (answer: GraphQLResponse) => (answer.errors ?? []).map((error) => error.message).join(' ');
    expect(messages(await overHttp('{ tickets(frist: 1) { edges { node { id } } } }', demo.adminToken))).toMatch(
      /Did you mean "first"/,
    );
    expect(messages(await overHttp('{ viewr { kind } }', apiToken))).toMatch(/Did you mean "viewer"/);
    expect(messages(await overSocket('{ viewer { knd } }', demo.adminToken))).toMatch(/Did you mean "kind"/);
  });
});
