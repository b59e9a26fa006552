import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { type LiveSubscription, type Payload, subscribeOverWebSocket } from './support/live-subscription.ts';
import { observedEventBus } from './support/observed-events.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const shop = 'https://flowers.example';
const followed = 'subscription ($id: ID!) { ticketUpdated(id: $id) { title messages { body internal } } }';
const note = 'Проверить оплату по логам банка';

describeEachDatabase('one ticket update shared by many subscribers', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let url: string;
  let observed: ReturnType<typeof observedEventBus>;
  let statements: string[];
  const open: LiveSubscription[] = [];

  beforeEach(async () => {
    statements = [];
    observed = observedEventBus();
    t = await createTestApp(provider, { events: observed.events, onQuery: (e) => statements.push(e.query) });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    url = `http://127.0.0.1:${(await t.app.start()).port}`;
  });
  afterEach(async () => {
    for (const subscription of open.splice(0)) await subscription.close();
    await t.close();
  });

  /** A visitor's report from the shop's pages: its global id, local id and access token. */
  const visitorTicket = async () => {
    const response = await t.gql<{ submitTicket: { accessToken: string; ticket: { id: string } } }>(
      `mutation ($input: SubmitTicketInput!) {
        submitTicket(input: $input) { ... on SubmitTicketPayload { accessToken ticket { id } } }
      }`,
      {
        input: {
          siteKey: demo.siteKeys[0],
          title: 'Не проходит оплата',
          description: 'Ошибка 502',
          idempotencyKey: `shared-${provider}-1`,
        },
      },
      undefined,
      { origin: shop },
    );
    const { accessToken, ticket } = response.data?.submitTicket ?? { accessToken: '', ticket: { id: '' } };
    const localId = Buffer.from(ticket.id, 'base64').toString().split(':')[1] ?? '';
    return { id: ticket.id, localId, accessToken };
  };

  /** Three staff members' subscriptions and the visitor's, all with the same selection. */
  const subscribeAll = async (ticket: { id: string; localId: string; accessToken: string }) => {
    const admin = demo.staff.find((s) => s.role === 'ADMIN')?.token ?? '';
    const staff = [1, 2, 3].map(() => subscribeOverWebSocket(url, admin, followed, { id: ticket.id }));
    const visitor = subscribeOverWebSocket(url, ticket.accessToken, followed, { id: ticket.id }, { origin: shop });
    open.push(...staff, visitor);
    await observed.listening('ticketUpdated', ticket.localId, 4);
    return { staff, visitor };
  };
  const mentions = (text: string) => (payload: Payload) => JSON.stringify(payload).includes(text);

  it('should give an internal note to every staff subscriber and never to the visitor following the same ticket', async () => {
    const ticket = await visitorTicket();
    const { staff, visitor } = await subscribeAll(ticket);
    const reply = (body: string, internal: boolean, key: string) =>
      t.gql(
        'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
        { i: { ticketId: ticket.id, body, internal, idempotencyKey: key } },
        demo.staff.find((s) => s.role === 'LINE1')?.token,
      );
    await reply(note, true, 'shared-note-1');
    await reply('Мы проверяем оплату', false, 'shared-reply-1');

    for (const subscription of staff) await subscription.payload(mentions('Мы проверяем оплату'));
    for (const subscription of staff) expect(subscription.payloads.some(mentions(note))).toBe(true);
    // The public reply came after the note: by then the visitor has had the note's event too.
    await visitor.payload(mentions('Мы проверяем оплату'));
    expect(visitor.payloads.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(visitor.payloads)).not.toContain(note);
  });

  it('should read the ticket once per distinct selection, not once per subscriber', async () => {
    const ticket = await visitorTicket();
    const { staff, visitor } = await subscribeAll(ticket);
    statements.length = 0;
    t.app.events.publish('ticketUpdated', ticket.localId, { ticketId: ticket.localId });
    for (const subscription of [...staff, visitor]) await subscription.payload();

    // Four subscribers, two selections once the caller's visibility is applied: staff see
    // every message, the visitor only public ones. Each is read once for the event.
    const messageReads = statements.filter((sql) => /^SELECT/i.test(sql.trim()) && /\bMessage\b/.test(sql));
    expect(messageReads).toHaveLength(2);
  });
});
