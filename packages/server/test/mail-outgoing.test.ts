import type { ActorRef } from '@caredesk/schema/services';
import {
  acceptDueTickets,
  editTicket,
  fireDueSlaEvents,
  moveTicket,
  postMessage,
  submitTicket,
} from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterEach, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { type SinkLetter, startSmtpSink } from './support/smtp-sink.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const first = <T>(items: T[]): T => {
  const [item] = items;
  if (item === undefined) throw new Error('no such letter');
  return item;
};

const fast = { leaseMs: 60_000, baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 5, digestEveryMs: 300 };

describeEachDatabase('outgoing mail', (provider) => {
  let credentials: DemoCredentials | null = null;
  const demoToken = (email: string) => credentials?.staff.find((s) => s.email === email)?.token;
  const apps: TestApp[] = [];
  const sinks: Awaited<ReturnType<typeof startSmtpSink>>[] = [];
  afterEach(async () => {
    for (const t of apps.splice(0)) await t.close();
    for (const sink of sinks.splice(0)) await sink.close();
  });

  async function setUp(outboxTiming = fast) {
    const sink = await startSmtpSink();
    sinks.push(sink);
    const t = await createTestApp(provider, {
      env: { SMTP_URL: sink.url, OUTBOX_INTERVAL_MS: '50', MAIL_FROM: 'Support <support@studio.example>' },
      outboxTiming,
    });
    apps.push(t);
    credentials = await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' });
    const db = t.database.db;
    const staffOf = async (email: string): Promise<ActorRef> => {
      const s = await db.staffMember.findUniqueOrThrow({ where: { email } });
      return { kind: 'STAFF', role: s.role, staffId: s.id };
    };
    const contactOf = async (email: string): Promise<ActorRef> => {
      const c = await db.contact.findUniqueOrThrow({ where: { email } });
      return { kind: 'CONTACT', authorized: c.authorized, contactId: c.id };
    };
    const file = async (contactEmail: string, title: string) => {
      const contact = await db.contact.findUniqueOrThrow({ where: { email: contactEmail } });
      const actor = await contactOf(contactEmail);
      const { ticket } = await submitTicket(
        db,
        t.app.events,
        {
          title,
          description: 'The checkout fails',
          organizationId: contact.organizationId,
          contactId: contact.id,
          source: 'WIDGET',
          idempotencyKey: `test:${title}`,
        },
        actor,
        new Date(),
      );
      return ticket;
    };
    return { db, staffOf, contactOf, file, events: t.app.events, app: t.app, sink };
  }

  const about = (number: number, kind: string) => (l: SinkLetter) =>
    l.mail.subject?.startsWith(`[#${number}]`) && l.mail.headers.get('x-caredesk-kind') === kind;

  it('should tell the client of every public change and staff of client replies, each once, in their language', async () => {
    const { db, staffOf, contactOf, file, events, app, sink } = await setUp();
    const now = () => new Date();
    const ticket = await file('owner@bikes.example', 'Checkout broken');
    const line2 = await staffOf('line2@studio.example');
    const client = await contactOf('owner@bikes.example');
    await editTicket(db, events, ticket.id, { assigneeId: line2.staffId }, await staffOf('head@studio.example'), now());
    await postMessage(db, events, {
      ticketId: ticket.id,
      body: 'Looking into it',
      internal: false,
      actor: line2,
      idempotencyKey: null,
      now: now(),
    });
    await moveTicket(db, events, {
      ticketId: ticket.id,
      action: 'requestFeedback',
      actor: line2,
      input: { message: 'Which browser?' },
      now: now(),
    });
    await postMessage(db, events, {
      ticketId: ticket.id,
      body: 'Firefox',
      internal: false,
      actor: client,
      idempotencyKey: 'r1',
      now: now(),
    });
    await moveTicket(db, events, {
      ticketId: ticket.id,
      action: 'resolve',
      actor: line2,
      input: { text: 'Fixed the form' },
      now: now(),
    });
    await db.ticket.update({ where: { id: ticket.id }, data: { autoAcceptAt: new Date(Date.now() - 1000) } });
    await app.start();
    await acceptDueTickets(db, events, now());

    const kinds = ['RECEIVED', 'ASSIGNED', 'STAFF_REPLY', 'FEEDBACK', 'CLIENT_REPLY', 'RESOLVED', 'AUTO_ACCEPTED'];
    await sink.until((ls) => kinds.every((k) => ls.some(about(ticket.number, k))));
    const byKind = (k: string) => sink.letters.filter(about(ticket.number, k));
    for (const k of kinds) expect(byKind(k), k).toHaveLength(1);
    expect(first(byKind('RECEIVED')).to).toEqual(['owner@bikes.example']);
    expect(first(byKind('ASSIGNED')).to).toEqual(['line2@studio.example']);
    expect(first(byKind('CLIENT_REPLY')).to).toEqual(['line2@studio.example']);
    expect(first(byKind('CLIENT_REPLY')).mail.text).toContain('Firefox');
    const resolved = first(byKind('RESOLVED')).mail;
    expect(resolved.subject).toBe(`[#${ticket.number}] Work done: please check: Checkout broken`);
    expect(resolved.text).toContain('within 7 days');
    expect(resolved.html).toContain('Fixed the form');
    expect(resolved.messageId).toMatch(/^<outbox\.[a-z0-9]+@studio\.example>$/);
    expect(resolved.replyTo?.value[0]?.address).toMatch(/^support\+t[a-z0-9]+\.[0-9a-f]{16}@studio\.example$/);
    expect(resolved.headers.get('auto-submitted')).toBe('auto-generated');
    // Every letter of the ticket names the same thread, so mail programs group them and a reply
    // finds its ticket even without the reply address.
    const thread = `<ticket.${ticket.id}@studio.example>`;
    for (const k of kinds) expect(first(byKind(k)).mail.references, k).toBe(thread);
    expect(first(byKind('RECEIVED')).raw).toMatch(new RegExp(`^References: ${thread.replace(/\./g, '\\.')}\r?$`, 'm'));
    // Staff letters go in the staff member's language (the demo staff read Russian).
    expect(first(byKind('ASSIGNED')).mail.subject).toContain('Назначена вам');
    await expect.poll(() => db.outboxMail.count({ where: { ticketId: ticket.id, status: { not: 'SENT' } } })).toBe(0);
  });

  it('should write to a Russian client in Russian and to an English one in English', async () => {
    const { file, app, sink } = await setUp();
    const ru = await file('owner@flowers.example', 'Не работает корзина');
    const en = await file('owner@bikes.example', 'Cart broken');
    await app.start();
    await sink.until((ls) => ls.some(about(ru.number, 'RECEIVED')) && ls.some(about(en.number, 'RECEIVED')));
    expect(sink.letters.find(about(ru.number, 'RECEIVED'))?.mail.text).toContain('Спасибо');
    expect(sink.letters.find(about(en.number, 'RECEIVED'))?.mail.text).toContain('Thank you');
  });

  it('should tell the assignee of an SLA warning and breach and the head of support of the escalation', async () => {
    const { db, staffOf, file, events, app, sink } = await setUp();
    const ticket = await file('owner@bikes.example', 'Site is slow');
    const line2 = await staffOf('line2@studio.example');
    await editTicket(
      db,
      events,
      ticket.id,
      { assigneeId: line2.staffId },
      await staffOf('head@studio.example'),
      new Date(),
    );
    // Its reaction clock ran out while nobody looked.
    const hour = 3_600_000;
    await db.ticket.update({
      where: { id: ticket.id },
      data: {
        reactionWarningAt: new Date(Date.now() - 2 * hour),
        reactionDueAt: new Date(Date.now() - hour),
        slaCheckAt: new Date(Date.now() - 2 * hour),
      },
    });
    await fireDueSlaEvents(db, events, new Date());
    await app.start();
    await sink.until((ls) => ['SLA_WARNING', 'SLA_BREACH', 'ESCALATED'].every((k) => ls.some(about(ticket.number, k))));
    expect(sink.letters.find(about(ticket.number, 'SLA_BREACH'))?.to).toEqual(['line2@studio.example']);
    expect(sink.letters.find(about(ticket.number, 'ESCALATED'))?.to).toEqual(['head@studio.example']);
  });

  it('should keep letters while the mail server refuses them and send them once it accepts', async () => {
    const { db, file, app, sink } = await setUp();
    sink.state.refuse = true;
    const ticket = await file('owner@bikes.example', 'Refused first');
    await app.start();
    await expect
      .poll(async () => (await db.outboxMail.findFirstOrThrow({ where: { ticketId: ticket.id } })).attempts)
      .toBeGreaterThan(1);
    const waiting = await db.outboxMail.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(waiting).toMatchObject({ status: 'PENDING' });
    expect(waiting.lastError).toContain('451');
    sink.state.refuse = false;
    await sink.until((ls) => ls.some(about(ticket.number, 'RECEIVED')));
    await expect
      .poll(async () => (await db.outboxMail.findFirstOrThrow({ where: { ticketId: ticket.id } })).status)
      .toBe('SENT');
    expect(sink.letters.filter(about(ticket.number, 'RECEIVED'))).toHaveLength(1);
  });

  it('should resend a letter whose sender died between sending and marking with the same Message-ID', async () => {
    const { db, file, app, sink } = await setUp({ ...fast, leaseMs: 100 });
    const ticket = await file('owner@bikes.example', 'Crash between send and mark');
    // The first sender "dies" after the SMTP server accepted: the row stays claimed, not sent.
    let crashes = 1;
    const original = db.outboxMail.update.bind(db.outboxMail);
    (db.outboxMail as { update: unknown }).update = (async (args: { data: { status?: string } }) => {
      if (args.data.status === 'SENT' && crashes-- > 0) throw new Error('process killed');
      return original(args as never);
    }) as never;
    await app.start();
    // Sent, crashed, the lease run out, claimed and sent again: more than poll's default second under load.
    await expect
      .poll(async () => (await db.outboxMail.findFirstOrThrow({ where: { ticketId: ticket.id } })).status, {
        timeout: 10_000,
      })
      .toBe('SENT');
    const copies = sink.letters.filter(about(ticket.number, 'RECEIVED'));
    expect(copies).toHaveLength(2);
    expect(copies[0]?.mail.messageId).toBe(copies[1]?.mail.messageId);
  });

  it('should let a staff member turn their letters off through the API', async () => {
    const { db, staffOf, file, events } = await setUp();
    const line2 = await staffOf('line2@studio.example');
    const ask = (query: string) => apps[0]?.gql<Record<string, string>>(query, {}, demoToken('line2@studio.example'));
    expect((await ask('{ myNotificationMode }'))?.data).toEqual({ myNotificationMode: 'IMMEDIATE' });
    expect((await ask('mutation { setMyNotificationMode(mode: OFF) { mode } }'))?.data).toEqual({
      setMyNotificationMode: { mode: 'OFF' },
    });
    const ticket = await file('owner@bikes.example', 'Nobody told');
    await editTicket(
      db,
      events,
      ticket.id,
      { assigneeId: line2.staffId },
      await staffOf('head@studio.example'),
      new Date(),
    );
    expect(await db.outboxMail.count({ where: { ticketId: ticket.id, kind: 'ASSIGNED' } })).toBe(0);
  });

  it('should hold the letters of a digest reader and send them as one digest', async () => {
    const { db, file, app, sink } = await setUp();
    await db.notificationPreference.create({ data: { address: 'owner@bikes.example', mode: 'DIGEST' } });
    const one = await file('owner@bikes.example', 'First of two');
    const two = await file('owner@bikes.example', 'Second of two');
    await app.start();
    await sink.until((ls) => ls.some((l) => l.to.includes('owner@bikes.example')));
    const letters = sink.letters.filter((l) => l.to.includes('owner@bikes.example'));
    expect(letters).toHaveLength(1);
    expect(letters[0]?.mail.subject).toBe('Digest of your tickets: 2 updates');
    expect(letters[0]?.mail.text).toContain(`== [#${one.number}] We received your request ==`);
    expect(letters[0]?.mail.text).toContain(`== [#${two.number}] We received your request ==`);
    await expect.poll(() => db.outboxMail.count({ where: { to: 'owner@bikes.example', status: 'PENDING' } })).toBe(0);
  });

  it('should send nothing to an address whose preference is off', async () => {
    const { db, file } = await setUp();
    await db.notificationPreference.create({ data: { address: 'owner@bikes.example', mode: 'OFF' } });
    const ticket = await file('owner@bikes.example', 'Quiet please');
    expect(await db.outboxMail.count({ where: { ticketId: ticket.id } })).toBe(0);
  });
});
