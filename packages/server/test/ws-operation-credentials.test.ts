import { describeEachDatabase } from '@caredesk/schema/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { until } from './support/live-subscription.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const watch = 'subscription ($id: ID!) { ticketUpdated(id: $id) { id title } }';
type Next = { data?: { ticketUpdated?: { id: string; title: string } } | null; errors?: { message: string }[] };

/** The widget follows every ticket a browser filed over one socket, each with its own token. */
describeEachDatabase('operations of several credentials on one WebSocket', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let url = '';
  const filed: { id: string; token: string; rowId: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp(provider);
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    url = (await t.app.start()).url.replace('localhost', '127.0.0.1').replace(/^http/, 'ws');
    for (const n of [1, 2, 3]) {
      const answer = await t.gql<{ submitTicket: { accessToken: string; ticket: { id: string } } }>(
        'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { accessToken ticket { id } } } }',
        {
          i: {
            siteKey: demo.siteKeys[0],
            title: `Report ${n}`,
            description: 'From one browser',
            idempotencyKey: `one-socket-${n}-0000`,
          },
        },
        undefined,
        { origin: 'http://localhost:4000' },
      );
      const { accessToken, ticket } = answer.data?.submitTicket ?? { accessToken: '', ticket: { id: '' } };
      const rowId = Buffer.from(ticket.id, 'base64').toString().split(':')[1] ?? '';
      filed.push({ id: ticket.id, token: accessToken, rowId });
    }
  });
  afterAll(() => t.close());

  const socket = () => {
    let opened = 0;
    const client = createClient({
      url: `${url}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      on: { opened: () => void opened++ },
    });
    const follow = (id: string, token: string) => {
      const received: Next[] = [];
      let first!: (value: Next) => void;
      const arrived = new Promise<Next>((resolve) => {
        first = resolve;
      });
      client.subscribe(
        { query: watch, variables: { id }, extensions: { authorization: `Bearer ${token}` } },
        {
          next: (value) => {
            received.push(value as Next);
            first(value as Next);
          },
          error: (error) => first({ errors: [{ message: String((error as Error[])[0]?.message ?? error) }] }),
          complete: () => {},
        },
      );
      return { received, arrived };
    };
    return { client, follow, opened: () => opened };
  };

  it('should deliver three tickets, each followed with its own visitor token, over one connection', async () => {
    const { client, follow, opened } = socket();
    const followed = filed.map((f) => ({ ...f, ...follow(f.id, f.token) }));
    for (const f of followed)
      await until(f.arrived, () => t.app.events.publish('ticketUpdated', f.rowId, { ticketId: f.rowId }));
    expect(followed.map((f) => f.received[0]?.data?.ticketUpdated?.title)).toEqual([
      'Report 1',
      'Report 2',
      'Report 3',
    ]);
    // Each subscription received only its own ticket.
    for (const f of followed)
      expect(new Set(f.received.map((r) => r.data?.ticketUpdated?.id))).toEqual(new Set([f.id]));
    expect(opened()).toBe(1);
    await client.dispose();
  });

  it("should refuse a ticket followed with another ticket's token on the same connection", async () => {
    const [a, b] = filed as [(typeof filed)[0], (typeof filed)[0]];
    const { client, follow } = socket();
    const mine = follow(a.id, a.token);
    const stranger = follow(b.id, a.token);
    await until(mine.arrived, () => t.app.events.publish('ticketUpdated', a.rowId, { ticketId: a.rowId }));
    t.app.events.publish('ticketUpdated', b.rowId, { ticketId: b.rowId });
    const refused = await stranger.arrived;
    expect(refused.data?.ticketUpdated).toBeFalsy();
    expect(refused.errors?.length).toBeGreaterThan(0);
    await client.dispose();
  });
});
