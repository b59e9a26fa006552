import { describeEachDatabase } from '@caredesk/schema/testing';
import { type Client, createClient } from 'graphql-ws';
import { afterEach, beforeEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { observedEventBus } from './support/observed-events.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describeEachDatabase('live updates over graphql-ws on the same port and path', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let url: string;
  let stopped = false;
  const clients: Client[] = [];
  let observed: ReturnType<typeof observedEventBus>;

  beforeEach(async () => {
    stopped = false;
    observed = observedEventBus();
    t = await createTestApp(provider, { events: observed.events });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const { port } = await t.app.start();
    url = `ws://127.0.0.1:${port}/graphql`;
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.dispose();
    if (stopped) await t.database.drop();
    else await t.close();
  });

  const connect = (token?: string, onClosed?: (event: { code: number }) => void) => {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => {},
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      on: onClosed ? { closed: (event) => onClosed(event as { code: number }) } : {},
    });
    clients.push(client);
    return client;
  };

  const someTicket = () =>
    t.database.db.ticket.findFirstOrThrow({ where: { status: 'NEW' }, orderBy: { number: 'asc' } });
  const globalId = (id: string) => Buffer.from(`Ticket:${id}`).toString('base64');
  const admin = () => demo.staff.find((s) => s.role === 'ADMIN')?.token;

  it('should push the ticket to a staff subscriber when its title is changed through the API', async () => {
    const ticket = await someTicket();
    const received = deferred<unknown>();
    const client = connect(admin());
    client.subscribe(
      {
        query: 'subscription ($id: ID!) { ticketUpdated(id: $id) { displayNumber title status } }',
        variables: { id: globalId(ticket.id) },
      },
      {
        // Other changes of this old demo ticket may come first (the SLA job escalating it).
        next: (value) => {
          if (JSON.stringify(value).includes('Оформление заказа снова работает?')) received.resolve(value);
        },
        error: (error) => received.resolve({ error }),
        complete: () => {},
      },
    );
    // Once the server listens for this ticket, a staff member renames it.
    await observed.listening('ticketUpdated', ticket.id);
    const renamed = await t.gql<{ updateTicket: { __typename: string } }>(
      'mutation ($i: UpdateTicketInput!) { updateTicket(input: $i) { __typename } }',
      { i: { ticketId: globalId(ticket.id), title: 'Оформление заказа снова работает?' } },
      demo.staff.find((s) => s.role === 'LINE1')?.token,
    );
    expect(renamed.data?.updateTicket.__typename).toBe('TicketPayload');
    expect(await received.promise).toEqual({
      data: {
        ticketUpdated: {
          displayNumber: `#${ticket.number}`,
          title: 'Оформление заказа снова работает?',
          status: 'NEW',
        },
      },
    });
  });

  it.each([
    ['', ''],
    [', even one asking for the current state', ', current: true'],
  ])('should refuse a subscription from a stranger%s', async (_asking, current) => {
    const ticket = await someTicket();
    const outcome = deferred<unknown>();
    connect().subscribe(
      {
        query: `subscription ($id: ID!) { ticketUpdated(id: $id${current}) { title } }`,
        variables: { id: globalId(ticket.id) },
      },
      { next: (value) => outcome.resolve(value), error: (error) => outcome.resolve({ error }), complete: () => {} },
    );
    const value = (await outcome.promise) as { errors?: { extensions?: { code?: string } }[] };
    const errors = value.errors ?? (value as { error?: { extensions?: { code?: string } }[] }).error ?? [];
    expect(JSON.stringify(errors)).toContain('UNAUTHENTICATED');
    expect(JSON.stringify(value)).not.toContain(ticket.title);
  });

  const rename = (ticketId: string, title: string) =>
    t.gql(
      'mutation ($i: UpdateTicketInput!) { updateTicket(input: $i) { __typename } }',
      { i: { ticketId: globalId(ticketId), title } },
      demo.staff.find((s) => s.role === 'LINE1')?.token,
    );

  it('should start with the ticket as it is now when asked for the current state, then send each change', async () => {
    const ticket = await someTicket();
    // Renamed before anyone subscribes: without the current state, a subscriber would never learn it.
    await rename(ticket.id, 'Renamed before the subscription');
    const titles: string[] = [];
    const first = deferred<void>();
    const changed = deferred<void>();
    connect(admin()).subscribe(
      {
        query: 'subscription ($id: ID!) { ticketUpdated(id: $id, current: true) { title } }',
        variables: { id: globalId(ticket.id) },
      },
      {
        next: (value) => {
          const title = (value.data as { ticketUpdated: { title: string } } | undefined)?.ticketUpdated.title;
          if (title) titles.push(title);
          if (titles.length === 1) first.resolve();
          if (title === 'Renamed after it') changed.resolve();
        },
        error: () => {},
        complete: () => {},
      },
    );
    await first.promise;
    expect(titles[0]).toBe('Renamed before the subscription');
    await observed.listening('ticketUpdated', ticket.id);
    await rename(ticket.id, 'Renamed after it');
    await changed.promise;
    // The first rename's own event may still be on its way through the event bus when the
    // subscription starts listening: it then comes after the current state, and the ticket it has
    // read says the same, or, when it comes late enough, already the second title (and the second
    // rename's event then says it again, possibly in the same socket read). Either way: the
    // current state first, then the change, never back.
    const firstChange = titles.indexOf('Renamed after it');
    expect(firstChange).toBeGreaterThan(0);
    expect(titles.slice(0, firstChange).every((title) => title === 'Renamed before the subscription')).toBe(true);
    expect(titles.slice(firstChange).every((title) => title === 'Renamed after it')).toBe(true);
  });

  it('should close open subscriptions with "going away" and finish stopping during a graceful shutdown', async () => {
    const ticket = await someTicket();
    const closed = deferred<number>();
    const connected = deferred<void>();
    const client = connect(admin(), (event) => closed.resolve(event.code));
    client.on('connected', () => connected.resolve());
    client.subscribe(
      { query: 'subscription ($id: ID!) { ticketUpdated(id: $id) { title } }', variables: { id: globalId(ticket.id) } },
      { next: () => {}, error: () => {}, complete: () => {} },
    );
    await connected.promise;
    await t.app.stop();
    stopped = true;
    expect(await closed.promise).toBe(1001);
    // The port is released: nobody answers there any more.
    await expect(fetch(url.replace('ws:', 'http:').replace('/graphql', '/healthz'))).rejects.toThrow();
  });
});
