import { describeEachDatabase } from '@caredesk/schema/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const submit = /* GraphQL */ `
  mutation ($input: SubmitTicketInput!) {
    submitTicket(input: $input) {
      ... on SubmitTicketPayload { created accessToken ticket { id status priority category paid } }
      ... on DomainError { code field }
    }
  }
`;
type Submitted = {
  submitTicket: {
    created: boolean;
    accessToken: string | null;
    ticket: { id: string; status: string; priority: string; category: string; paid: boolean };
  };
};

describeEachDatabase('visitors of a client site', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const shop = 'https://flowers.example';
  const blog = 'https://blog.flowers.example';
  const staff = () => demo.staff.find((s) => s.role === 'LINE1')?.token ?? '';

  beforeAll(async () => {
    t = await createTestApp(provider);
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
  });
  afterAll(() => t.close());

  const report = (key: string, origin: string | null, extra: Record<string, unknown> = {}) =>
    t.gql<Submitted>(
      submit,
      {
        input: {
          siteKey: demo.siteKeys[0],
          title: 'Не работает оплата',
          description: 'Кнопка «Оплатить» не нажимается',
          idempotencyKey: key,
          priority: 'IMMEDIATE',
          paid: true,
          ...extra,
        },
      },
      undefined,
      origin ? { origin } : {},
    );

  it('should file a free NORMAL visitor report from an allowed origin and hand back an access token once', async () => {
    const response = await report('visitor-key-0001', shop, { visitorEmail: 'buyer@mail.example' });
    expect(response.errors).toBeUndefined();
    const { ticket, accessToken, created } = response.data?.submitTicket ?? ({} as Submitted['submitTicket']);
    expect(created).toBe(true);
    expect(ticket).toMatchObject({ status: 'NEW', priority: 'NORMAL', category: 'VISITOR_REPORT', paid: false });
    expect(accessToken).toMatch(/^cdt_[A-Za-z0-9_-]{43}$/);
    // Only the hash is kept.
    const stored = await t.database.db.ticket.findFirstOrThrow({
      where: { idempotencyKey: { endsWith: 'visitor-key-0001' } },
      include: { visitor: true },
    });
    expect(JSON.stringify(stored)).not.toContain(accessToken);
    expect(stored.visitor?.email).toBe('buyer@mail.example');

    const mine = await t.gql<{ tickets: { edges: { node: { id: string } }[] } }>(
      '{ tickets { edges { node { id } } } }',
      {},
      accessToken ?? '',
      { origin: shop },
    );
    expect(mine.data?.tickets.edges.map((e) => e.node.id)).toEqual([ticket.id]);
  });

  it('should refuse the site key from an origin that is not the site’s, without an origin, or an unknown key, and file nothing', async () => {
    const before = await t.database.db.ticket.count();
    for (const origin of ['https://evil.example', null, 'https://bikes.example']) {
      expect(
        (await report(`visitor-bad-${(origin ?? 'none').replace(/\W/g, '')}`, origin)).errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');
    }
    const unknown = await t.gql(
      submit,
      { input: { siteKey: 'pk_unknown', title: 'x', description: 'y', idempotencyKey: 'visitor-bad-key1' } },
      undefined,
      { origin: shop },
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noKey = await t.gql(
      submit,
      { input: { title: 'x', description: 'y', idempotencyKey: 'visitor-no-key1' } },
      undefined,
      { origin: shop },
    );
    expect(noKey.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await t.database.db.ticket.count()).toBe(before);
  });

  it('should let the token read and answer its own ticket only, and never show internal notes', async () => {
    const mine = (await report('visitor-key-0002', shop)).data?.submitTicket;
    const other = (await report('visitor-key-0003', shop)).data?.submitTicket;
    const token = mine?.accessToken ?? '';
    await t.gql(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
      {
        i: {
          ticketId: mine?.ticket.id,
          body: 'Проверить оплату по логам',
          internal: true,
          idempotencyKey: 'staff-note-01',
        },
      },
      staff(),
    );
    const read = await t.gql<{ ticket: { messages: { body: string; internal: boolean }[] } }>(
      'query ($id: ID!) { ticket(id: $id) { messages { body internal } organization { name } assignee { name } } }',
      { id: mine?.ticket.id },
      token,
      { origin: shop },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.ticket.messages.map((m) => m.internal)).not.toContain(true);
    expect(JSON.stringify(read.data)).not.toContain('Проверить оплату');
    expect(read.data?.ticket).toMatchObject({ organization: null, assignee: null });

    expect(
      (
        await t.gql<{ ticket: null }>(
          'query ($id: ID!) { ticket(id: $id) { title } }',
          { id: other?.ticket.id },
          token,
          { origin: shop },
        )
      ).data?.ticket,
    ).toBeNull();
    const reply = await t.gql<{ replyToTicket: { code?: string; ticket?: { status: string } } }>(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { ... on TicketPayload { ticket { status } } ... on DomainError { code } } }',
      { i: { ticketId: other?.ticket.id, body: 'чужая', idempotencyKey: 'visitor-reply-01' } },
      token,
      { origin: shop },
    );
    expect(reply.data?.replyToTicket.code).toBe('NOT_FOUND');
    const staffMove = await t.gql(
      'mutation ($i: StartTicketInput!) { startTicket(input: $i) { __typename } }',
      { i: { ticketId: mine?.ticket.id } },
      token,
      { origin: shop },
    );
    expect(staffMove.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('should not accept the token from another site’s pages', async () => {
    const mine = (await report('visitor-key-0004', shop)).data?.submitTicket;
    const response = await t.gql(
      'query ($id: ID!) { ticket(id: $id) { title } }',
      { id: mine?.ticket.id },
      mine?.accessToken ?? '',
      { origin: blog },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('should answer a retried report with the same nonce with the same ticket and a fresh token that replaces the first', async () => {
    // The nonce the widget keeps with the key (other retries: visitor-replays.test.ts).
    const submitNonce = 'visitor-nonce-0005-abcdefghijklmnopqrstuvw';
    const first = (await report('visitor-key-0005', shop, { submitNonce })).data?.submitTicket;
    const again = (await report('visitor-key-0005', shop, { submitNonce })).data?.submitTicket;
    expect(again).toMatchObject({ created: false, ticket: { id: first?.ticket.id } });
    expect(again?.accessToken).not.toBe(first?.accessToken);
    const query = 'query ($id: ID!) { ticket(id: $id) { id } }';
    expect(
      (
        await t.gql<{ ticket: { id: string } }>(query, { id: first?.ticket.id }, again?.accessToken ?? '', {
          origin: shop,
        })
      ).data?.ticket.id,
    ).toBe(first?.ticket.id);
    expect(
      (await t.gql(query, { id: first?.ticket.id }, first?.accessToken ?? '', { origin: shop })).errors?.[0]?.extensions
        ?.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('should let a visitor withdraw the report but not accept work', async () => {
    const mine = (await report('visitor-key-0006', shop)).data?.submitTicket;
    const act = (mutation: string, input: Record<string, unknown>) =>
      t.gql<Record<string, { code?: string; ticket?: { status: string } }>>(
        `mutation ($i: ${mutation === 'rejectTicket' ? 'RejectTicketInput' : 'TicketOnlyInput'}!) { ${mutation}(input: $i) { ... on TicketPayload { ticket { status } } ... on DomainError { code } } }`,
        { i: { ticketId: mine?.ticket.id, ...input } },
        mine?.accessToken ?? '',
        { origin: shop },
      );
    expect((await act('acceptTicket', {})).data?.acceptTicket?.code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await act('rejectTicket', { reason: 'Само починилось' })).data?.rejectTicket?.ticket?.status).toBe(
      'REJECTED',
    );
  });

  it('should answer CORS preflights only for known origins and refuse WebSockets from unknown ones', async () => {
    const preflight = (origin: string) =>
      t.app.yoga.fetch('http://localhost/graphql', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight(shop)).headers.get('access-control-allow-origin')).toBe(shop);
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).not.toBe(
      'https://evil.example',
    );

    const { port } = await t.app.start();
    const connects = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws', { origin });
        socket.on('open', () => {
          socket.close();
          resolve('open');
        });
        socket.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
        socket.on('error', () => resolve('error'));
      });
    expect(await connects(shop)).toBe('open');
    expect(await connects('https://evil.example')).toBe('403');

    // A visitor follows its own ticket live from the site's pages.
    const mine = (await report('visitor-key-0007', shop)).data?.submitTicket;
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { origin: shop });
        }
      },
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${mine?.accessToken}` },
    });
    const received = new Promise<unknown>((resolve, reject) => {
      client.subscribe(
        { query: 'subscription ($id: ID!) { ticketUpdated(id: $id) { status } }', variables: { id: mine?.ticket.id } },
        { next: resolve, error: reject, complete: () => {} },
      );
    });
    const id =
      Buffer.from(mine?.ticket.id ?? '', 'base64')
        .toString()
        .split(':')[1] ?? '';
    const timer = setInterval(() => t.app.events.publish('ticketUpdated', id, { ticketId: id }), 20);
    expect(await received).toEqual({ data: { ticketUpdated: { status: 'NEW' } } });
    clearInterval(timer);
    await client.dispose();
  });
});
