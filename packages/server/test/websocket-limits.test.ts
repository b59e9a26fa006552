import { describeEachDatabase } from '@caredesk/schema/testing';
import { type Client, createClient } from 'graphql-ws';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

type Outcome = { connected: true } | { connected: false; code: number; reason: string };

describeEachDatabase('caps on WebSocket connections and subscriptions', (provider) => {
  let t: TestApp | undefined;
  let url = '';
  const clients: Client[] = [];
  const sockets: WebSocket[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.dispose();
    for (const socket of sockets.splice(0)) socket.terminate();
    await t?.close();
    t = undefined;
  });

  const serve = async (env: Record<string, string>) => {
    t = await createTestApp(provider, { env });
    const { port } = await t.app.start();
    url = `ws://127.0.0.1:${port}/graphql`;
    return t;
  };

  /** A graphql-ws client whose socket leaves from `localAddress` (all of 127/8 is loopback on Linux). */
  const connect = (localAddress: string, token?: string) => {
    class FromAddress extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { localAddress });
      }
    }
    const outcome = deferred<Outcome>();
    const client = createClient({
      url,
      webSocketImpl: FromAddress,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => {},
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      on: {
        connected: () => outcome.resolve({ connected: true }),
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          outcome.resolve({ connected: false, code, reason });
        },
      },
    });
    clients.push(client);
    return { client, outcome: outcome.promise };
  };

  it('should close a connection over the per-address cap with 1013 while another address still connects', async () => {
    await serve({ WS_MAX_CONNECTIONS_PER_IP: '2' });
    const first = connect('127.0.0.1');
    expect(await first.outcome).toEqual({ connected: true });
    expect(await connect('127.0.0.1').outcome).toEqual({ connected: true });
    expect(await connect('127.0.0.1').outcome).toEqual({
      connected: false,
      code: 1013,
      reason: 'Too many connections from this address / Слишком много соединений с адреса',
    });
    expect(await connect('127.0.0.2').outcome).toEqual({ connected: true });

    // A closed connection gives its place back (the server notices the close a moment later).
    await first.client.dispose();
    let again = await connect('127.0.0.1').outcome;
    for (let tries = 0; !again.connected && tries < 100; tries++) again = await connect('127.0.0.1').outcome;
    expect(again).toEqual({ connected: true });
  });

  it('should close connections over the instance’s total with 1013, whatever their address', async () => {
    await serve({ WS_MAX_CONNECTIONS: '2' });
    expect(await connect('127.0.0.1').outcome).toEqual({ connected: true });
    expect(await connect('127.0.0.2').outcome).toEqual({ connected: true });
    expect(await connect('127.0.0.3').outcome).toEqual({
      connected: false,
      code: 1013,
      reason: 'Server is busy, try again later / Сервер занят, попробуйте позже',
    });
  });

  it('should refuse one subscription over the cap with TOO_MANY_SUBSCRIPTIONS and keep the earlier ones working', async () => {
    const app = await serve({ WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '2' });
    const demo = (await seedDemo(app.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const admin = demo.staff.find((s) => s.role === 'ADMIN')?.token;
    const ticket = await app.database.db.ticket.findFirstOrThrow({ orderBy: { number: 'asc' } });
    const { client, outcome } = connect('127.0.0.1', admin);
    expect(await outcome).toEqual({ connected: true });

    const subscribe = () => {
      const first = deferred<unknown>();
      const unsubscribe = client.subscribe(
        {
          query: 'subscription ($id: ID!) { ticketUpdated(id: $id) { displayNumber } }',
          variables: { id: Buffer.from(`Ticket:${ticket.id}`).toString('base64') },
        },
        { next: (value) => first.resolve(value), error: (error) => first.resolve({ error }), complete: () => {} },
      );
      return { first: first.promise, unsubscribe };
    };
    const one = subscribe();
    const two = subscribe();
    const three = subscribe();
    const refused = (await three.first) as { error: { message: string; extensions: { code: string } }[] };
    expect(refused.error).toEqual([
      {
        message:
          'Too many subscriptions on one connection (at most 2). / Слишком много подписок в одном соединении (не больше 2).',
        extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
      },
    ]);

    // The first two still receive updates (published until they arrive: they register a moment after).
    const timer = setInterval(() => app.app.events.publish('ticketUpdated', ticket.id, { ticketId: ticket.id }), 20);
    const expected = { data: { ticketUpdated: { displayNumber: `#${ticket.number}` } } };
    expect(await one.first).toEqual(expected);
    expect(await two.first).toEqual(expected);
    // Ending one makes room for another.
    two.unsubscribe();
    const four = subscribe();
    expect(await four.first).toEqual(expected);
    clearInterval(timer);
  });

  it('should close a socket that never sends connection_init with 4408', async () => {
    await serve({});
    const socket = new WebSocket(url, 'graphql-transport-ws');
    sockets.push(socket);
    const closed = deferred<{ code: number; reason: string }>();
    socket.on('close', (code, reason) => closed.resolve({ code, reason: String(reason) }));
    expect(await closed.promise).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
  });
});
