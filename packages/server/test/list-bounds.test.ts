import { schema } from '@caredesk/schema/graphql';
import { describeEachDatabase } from '@caredesk/schema/testing';
import {
  type GraphQLInputType,
  type GraphQLNamedType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longestListBound } from '../src/http/variable-lists.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type GraphQLResponse, type TestApp } from './support/test-app.ts';

const isList = (type: GraphQLInputType) => isListType(isNonNullType(type) ? type.ofType : type);
const isBounded = (input: { extensions: Readonly<Record<string, unknown>>; description?: string | null }) => {
  const bound = input.extensions.maxItems;
  // Declared for the guard, and said in the description for the people who call the API.
  return (typeof bound === 'number' || bound === 'UPLOAD_MAX_FILES') && !!input.description?.includes('At most');
};

/** Every list argument (of any field) and every list input field of the schema, by name. */
function everyListInput(type: GraphQLNamedType): { name: string; bounded: boolean }[] {
  if (isObjectType(type) || isInterfaceType(type))
    return Object.values(type.getFields()).flatMap((field) =>
      field.args
        .filter((arg) => isList(arg.type))
        .map((arg) => ({ name: `${type.name}.${field.name}(${arg.name})`, bounded: isBounded(arg) })),
    );
  if (isInputObjectType(type))
    return Object.values(type.getFields())
      .filter((field) => isList(field.type))
      .map((field) => ({ name: `${type.name}.${field.name}`, bounded: isBounded(field) }));
  return [];
}

describe('the bounds of lists', () => {
  const lists = Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__'))
    .flatMap(everyListInput);

  it('should find the list arguments and list input fields of the schema', () => {
    expect(lists.map((list) => list.name)).toEqual(
      expect.arrayContaining(['Query.nodes(ids)', 'ReportCheckResultsInput.results', 'SubmitTicketInput.attachments']),
    );
  });

  it('should declare a bound on every list argument and every list input field', () => {
    expect(lists.filter((list) => !list.bounded).map((list) => list.name)).toEqual([]);
  });
});

type Reply = GraphQLResponse<Record<string, unknown>>;

describeEachDatabase('the bounds of lists', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let queries = 0;
  const staff = () => demo.staff.find((person) => person.role === 'LINE1')?.token ?? '';
  const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
  const madeUp = (count: number) => Array.from({ length: count }, (_, i) => globalId('Ticket', `made-up-${i}`));

  beforeAll(async () => {
    t = await createTestApp(provider, { onQuery: () => queries++ });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
  });
  afterAll(() => t.close());

  const longest = longestListBound(schema, 10);

  function expectRefused(reply: Reply, argument: string, maxItems: number) {
    expect(reply.data ?? null).toBeNull();
    expect(reply.errors).toHaveLength(1);
    expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument, maxItems });
    // Named in both languages, with the bound.
    expect(reply.errors?.[0]?.message).toContain(`${argument}: at most ${maxItems}`);
    expect(reply.errors?.[0]?.message).toContain(`${argument}: не более ${maxItems}`);
  }

  for (const caller of ['anonymous', 'staff'] as const) {
    const token = () => (caller === 'staff' ? staff() : undefined);

    it(`should refuse nodes of 101 ids with BAD_USER_INPUT, for ${caller} callers`, async () => {
      const ids = madeUp(101)
        .map((id) => `"${id}"`)
        .join(', ');
      expectRefused(await t.gql(`{ nodes(ids: [${ids}]) { id } }`, {}, token()), 'ids', 100);
    });

    // 20,000 ids are 600 KB: over the 128 KB an anonymous body may hold (request-size.test.ts), so
    // anonymous callers send 3,000 here (90 KB), still six times the longest list any argument takes.
    const count = caller === 'staff' ? 20_000 : 3_000;
    it(`should refuse nodes of ${count.toLocaleString('en')} ids in a variable before any database work, for ${caller} callers`, async () => {
      const authenticated = await t.gql('{ viewer { kind } }', {}, token());
      expect(authenticated.errors).toBeUndefined();
      const before = queries;
      await t.gql('{ viewer { kind } }', {}, token());
      const perRequest = queries - before;
      const start = queries;
      const reply = await t.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: madeUp(count) }, token());
      // Longer than any list the schema takes: refused before graphql-js coerces the items.
      expect(reply.data ?? null).toBeNull();
      expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxItems: longest });
      expect(reply.errors?.[0]?.message).toContain(`more than ${longest} items`);
      // At most what every request of this caller costs (reading its credential): no lookups.
      expect(queries - start).toBeLessThanOrEqual(perRequest);
    });

    it(`should answer nodes of 100 ids, null for each of nothing, for ${caller} callers`, async () => {
      const tickets = await t.database.db.ticket.findMany({ take: 3, orderBy: { number: 'asc' } });
      const real = tickets.map((ticket) => globalId('Ticket', ticket.id));
      const ids = [...real, ...madeUp(97)];
      const reply = await t.gql<{ nodes: ({ id: string } | null)[] }>(
        'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
        { ids },
        token(),
      );
      expect(reply.errors).toBeUndefined();
      const expected = ids.map((id) => (caller === 'staff' && real.includes(id) ? { id } : null));
      expect(reply.data?.nodes).toEqual(expected);
    });
  }

  it('should refuse a reply citing more articles than allowed, and add no message', async () => {
    const ticket = await t.database.db.ticket.findFirstOrThrow({ orderBy: { number: 'asc' } });
    const messages = await t.database.db.message.count({ where: { ticketId: ticket.id } });
    const reply = await t.gql(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
      {
        i: {
          ticketId: globalId('Ticket', ticket.id),
          body: 'См. статьи',
          idempotencyKey: 'bounds-reply-0001',
          articleIds: Array.from({ length: 11 }, (_, i) => globalId('Article', `a${i}`)),
        },
      },
      staff(),
    );
    expectRefused(reply, 'input.articleIds', 10);
    expect(await t.database.db.message.count({ where: { ticketId: ticket.id } })).toBe(messages);
  });

  it('should refuse a list inside an input object of an argument, naming its path', async () => {
    const statuses = ['NEW', 'FEEDBACK', 'IN_PROGRESS', 'RESOLVED', 'ACCEPTED', 'PAID', 'REJECTED', 'NEW'];
    const reply = await t.gql(
      'query ($f: TicketFilter) { tickets(first: 5, filter: $f) { edges { node { id } } } }',
      { f: { statuses } },
      staff(),
    );
    expectRefused(reply, 'filter.statuses', 7);
    const within = await t.gql(
      'query ($f: TicketFilter) { tickets(first: 5, filter: $f) { edges { node { id } } } }',
      { f: { statuses: statuses.slice(0, 7) } },
      staff(),
    );
    expect(within.errors).toBeUndefined();
  });
});
