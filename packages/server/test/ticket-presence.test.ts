import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { signInContact } from './support/contact-sign-in.ts';
import { type LiveSubscription, type Payload, subscribeOverWebSocket } from './support/live-subscription.ts';
import { anotherInstance } from './support/rate-limited-app.ts';
import { redisUnavailable, testRedisUrl } from './support/redis.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const presenceQuery = 'subscription ($id: ID!) { ticketPresence(ticketId: $id) { staff { staff { email } typing } } }';
type Present = { email: string; typing: boolean }[];
const presentIn = (payload: Payload): Present =>
  (
    (payload.data?.ticketPresence as { staff: { staff: { email: string }; typing: boolean }[] } | undefined)?.staff ??
    []
  )
    .map((s) => ({ email: s.staff.email, typing: s.typing }))
    .sort((x, y) => x.email.localeCompare(y.email));

/** Waits until the subscription delivers exactly these staff, as its `from`-th payload or later. */
const until = (subscription: LiveSubscription, present: Present, from = 0) =>
  subscription.payload(
    (p) => subscription.payloads.indexOf(p) >= from && JSON.stringify(presentIn(p)) === JSON.stringify(present),
  );

const queueQuery = 'subscription { queuePresence { ticketId staff { staff { email } typing } } }';
/** Waits until the queue hears that exactly these staff are on the ticket. */
const queueShows = (queue: LiveSubscription, ticketId: string, present: Present, from = 0) =>
  queue.payload((p) => {
    const update = p.data?.queuePresence as { ticketId: string } | undefined;
    if (queue.payloads.indexOf(p) < from || update?.ticketId !== ticketId) return false;
    return JSON.stringify(presentIn({ data: { ticketPresence: update } })) === JSON.stringify(present);
  });

function presenceSuite(
  provider: Parameters<Parameters<typeof describeEachDatabase>[1]>[0],
  env: Record<string, string>,
) {
  let t: TestApp;
  let b: App;
  let demo: DemoCredentials;
  let urlA = '';
  let urlB = '';
  let ticketId = '';
  const opened: LiveSubscription[] = [];
  const mailer = memoryMailer();
  const token = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';

  beforeAll(async () => {
    t = await createTestApp(provider, { env, mailer });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    urlA = (await t.app.start()).url;
    // A second instance behind the same balancer (with Redis, it shares the event bus).
    b = anotherInstance(t, env);
    urlB = (await b.start()).url;
    const ticket = await t.database.db.ticket.findFirstOrThrow({ where: { status: 'NEW' } });
    ticketId = Buffer.from(`Ticket:${ticket.id}`).toString('base64');
  });
  afterAll(async () => {
    for (const s of opened) await s.close();
    await b?.stop();
    await t?.close();
  });

  const open = (url: string, role: string) => {
    const subscription = subscribeOverWebSocket(url, token(role), presenceQuery, { id: ticketId });
    opened.push(subscription);
    return subscription;
  };

  const contact = (email: string) => signInContact(t, mailer, email);
  const watchQueue = (url: string, role: string) => {
    const subscription = subscribeOverWebSocket(url, token(role), queueQuery, {});
    opened.push(subscription);
    return subscription;
  };
  return {
    open,
    watchQueue,
    token,
    contact,
    urls: () => ({ a: urlA, b: urlB }),
    ticketId: () => ticketId,
    app: () => t,
    second: () => b,
  };
}

/** Who else has a ticket open, and who is typing: shown live, gone within seconds of closing. */
describeEachDatabase('presence on a ticket', (provider) => {
  const s = presenceSuite(provider, {});

  it('should show each specialist who opens the ticket to the others, who types, and who closed it', async () => {
    const line1 = s.open(s.urls().a, 'LINE1');
    await until(line1, [{ email: 'line1@studio.example', typing: false }]);
    const line2 = s.open(s.urls().a, 'LINE2');
    const both = [
      { email: 'line1@studio.example', typing: false },
      { email: 'line2@studio.example', typing: false },
    ];
    await until(line1, both);
    await until(line2, both);

    const typing = await s
      .app()
      .gql(
        'mutation ($i: SetTicketPresenceInput!) { setTicketPresence(input: $i) { ... on SetTicketPresencePayload { typing } } }',
        { i: { ticketId: s.ticketId(), typing: true } },
        s.token('LINE2'),
      );
    expect(typing.data).toEqual({ setTicketPresence: { typing: true } });
    await until(line1, [
      { email: 'line1@studio.example', typing: false },
      { email: 'line2@studio.example', typing: true },
    ]);

    const beforeClosing = line1.payloads.length;
    await line2.close();
    await until(line1, [{ email: 'line1@studio.example', typing: false }], beforeClosing);
    await line1.close();
  });

  it('should show an open queue who is already on a ticket, who joins and types, and who left', async () => {
    const line1 = s.open(s.urls().a, 'LINE1');
    await until(line1, [{ email: 'line1@studio.example', typing: false }]);
    // The queue opens after the ticket view: it learns at once, not at the next heartbeat.
    const queue = s.watchQueue(s.urls().a, 'HEAD');
    await queueShows(queue, s.ticketId(), [{ email: 'line1@studio.example', typing: false }]);

    const line3 = s.open(s.urls().a, 'LINE3');
    await until(line3, [
      { email: 'line1@studio.example', typing: false },
      { email: 'line3@studio.example', typing: false },
    ]);
    await s
      .app()
      .gql(
        'mutation ($i: SetTicketPresenceInput!) { setTicketPresence(input: $i) { __typename } }',
        { i: { ticketId: s.ticketId(), typing: true } },
        s.token('LINE3'),
      );
    await queueShows(queue, s.ticketId(), [
      { email: 'line1@studio.example', typing: false },
      { email: 'line3@studio.example', typing: true },
    ]);
    // A queue opened now learns at once who is there and who is typing.
    const later = s.watchQueue(s.urls().a, 'ADMIN');
    await queueShows(later, s.ticketId(), [
      { email: 'line1@studio.example', typing: false },
      { email: 'line3@studio.example', typing: true },
    ]);
    const beforeLeaving = queue.payloads.length;
    await line1.close();
    await line3.close();
    await queueShows(queue, s.ticketId(), [], beforeLeaving);
    // Watching the queue announces nobody.
    expect(queue.payloads.every((p) => !JSON.stringify(p).includes('head@studio.example'))).toBe(true);
  });

  it('should not let a client see or announce presence on the ticket', async () => {
    const owner = await s.contact('owner@flowers.example');
    const clientView = subscribeOverWebSocket(s.urls().a, owner, presenceQuery, { id: s.ticketId() });
    const refused = await Promise.race([clientView.payload(), clientView.ended.then((e) => e.payloads[0])]);
    expect(JSON.stringify(refused)).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    await clientView.close();
    const clientQueue = subscribeOverWebSocket(s.urls().a, owner, queueQuery, {});
    const queueRefused = await Promise.race([clientQueue.payload(), clientQueue.ended.then((e) => e.payloads[0])]);
    expect(JSON.stringify(queueRefused)).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    await clientQueue.close();
    const announced = await s
      .app()
      .gql(
        'mutation ($i: SetTicketPresenceInput!) { setTicketPresence(input: $i) { __typename } }',
        { i: { ticketId: s.ticketId(), typing: true } },
        owner,
      );
    expect(announced.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

const missing = await redisUnavailable();

describe.skipIf(Boolean(missing))(
  missing ? `presence across instances (skipped: ${missing})` : 'presence across instances',
  () => {
    describeEachDatabase('presence through Redis', (provider) => {
      const s = presenceSuite(provider, { REDIS_URL: testRedisUrl });

      it('should show a specialist on another instance, and their leaving', async () => {
        const onA = s.open(s.urls().a, 'LINE1');
        await until(onA, [{ email: 'line1@studio.example', typing: false }]);
        const onB = s.open(s.urls().b, 'HEAD');
        const both = [
          { email: 'head@studio.example', typing: false },
          { email: 'line1@studio.example', typing: false },
        ];
        await until(onA, both);
        await until(onB, both);
        const beforeClosing = onA.payloads.length;
        await onB.close();
        await until(onA, [{ email: 'line1@studio.example', typing: false }], beforeClosing);
        await onA.close();
      });

      it('should show a queue on one instance the ticket opened on another', async () => {
        const queue = s.watchQueue(s.urls().b, 'HEAD');
        const onA = s.open(s.urls().a, 'LINE2');
        await queueShows(queue, s.ticketId(), [{ email: 'line2@studio.example', typing: false }]);
        const beforeClosing = queue.payloads.length;
        await onA.close();
        await queueShows(queue, s.ticketId(), [], beforeClosing);
      });
    });
  },
);
