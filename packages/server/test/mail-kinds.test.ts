import type { ActorRef } from '@caredesk/schema/services';
import { moveTicket, submitTicket } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterEach, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo.ts';
import { type SinkLetter, startSmtpSink } from './support/smtp-sink.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** The notification kinds mail-outgoing.test.ts does not reach: status changes and a client's move. */
describeEachDatabase('notification letters of every status change', (provider) => {
  const apps: TestApp[] = [];
  const sinks: Awaited<ReturnType<typeof startSmtpSink>>[] = [];
  afterEach(async () => {
    for (const t of apps.splice(0)) await t.close();
    for (const sink of sinks.splice(0)) await sink.close();
  });

  async function setUp() {
    const sink = await startSmtpSink();
    sinks.push(sink);
    const t = await createTestApp(provider, {
      env: { SMTP_URL: sink.url, OUTBOX_INTERVAL_MS: '50', MAIL_FROM: 'Support <support@studio.example>' },
    });
    apps.push(t);
    await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' });
    const db = t.database.db;
    const staffOf = async (email: string): Promise<ActorRef> => {
      const s = await db.staffMember.findUniqueOrThrow({ where: { email } });
      return { kind: 'STAFF', role: s.role, staffId: s.id };
    };
    const contactOf = async (email: string): Promise<ActorRef> => {
      const c = await db.contact.findUniqueOrThrow({ where: { email } });
      return { kind: 'CONTACT', authorized: c.authorized, contactId: c.id };
    };
    const file = async (contactEmail: string, title: string, paid = false) => {
      const contact = await db.contact.findUniqueOrThrow({ where: { email: contactEmail } });
      const { ticket } = await submitTicket(
        t.database.db,
        t.app.events,
        {
          title,
          description: 'Details',
          organizationId: contact.organizationId,
          contactId: contact.id,
          source: 'WIDGET',
          paid,
          idempotencyKey: `kinds:${title}`,
        },
        await contactOf(contactEmail),
        new Date(),
      );
      return ticket;
    };
    const move = (ticketId: string, action: string, actor: ActorRef, input: Record<string, unknown> = {}) =>
      moveTicket(db, t.app.events, {
        ticketId,
        action: action as never,
        actor,
        input: input as never,
        now: new Date(),
      });
    return { db, sink, app: t.app, staffOf, contactOf, file, move };
  }

  const about = (number: number, kind: string) => (l: SinkLetter) =>
    l.mail.subject?.startsWith(`[#${number}]`) === true && l.mail.headers.get('x-caredesk-kind') === kind;

  it('should tell the client when work starts, when payment is confirmed and when the ticket is rejected, with the reason', async () => {
    const { sink, app, staffOf, contactOf, file, move } = await setUp();
    const line2 = await staffOf('line2@studio.example');
    const paid = await file('owner@bikes.example', 'New banner', true);
    const owner = await contactOf('owner@bikes.example');
    await move(paid.id, 'requestFeedback', line2, { message: 'It costs 3 000 ₽', estimateKopecks: 300_000 });
    await move(paid.id, 'confirmEstimate', owner);
    await move(paid.id, 'start', line2);
    await move(paid.id, 'resolve', line2, { text: 'Banner replaced' });
    await move(paid.id, 'accept', owner, { message: 'Thanks' });
    await move(paid.id, 'confirmPayment', await staffOf('accountant@studio.example'));
    const rejected = await file('owner@flowers.example', 'Сделайте нам интернет-магазин');
    await move(rejected.id, 'reject', line2, { text: 'Это новый проект, а не поддержка' });
    await app.start();

    await sink.until(
      (ls) =>
        ls.filter(about(paid.number, 'STATUS_CHANGED')).length >= 2 &&
        ls.some(about(rejected.number, 'STATUS_CHANGED')),
    );
    const changes = sink.letters.filter(about(paid.number, 'STATUS_CHANGED')).map((l) => l.mail.subject);
    expect(changes).toEqual([
      `[#${paid.number}] Status: in progress: New banner`,
      `[#${paid.number}] Status: paid: New banner`,
    ]);
    const rejection = sink.letters.find(about(rejected.number, 'STATUS_CHANGED'));
    expect(rejection?.to).toEqual(['owner@flowers.example']);
    expect(rejection?.mail.subject).toContain('Статус');
    expect(rejection?.mail.text).toContain('Это новый проект, а не поддержка');
    expect(rejection?.mail.html).toContain('Это новый проект, а не поддержка');
  });

  it("should tell the assignee, not the client, of the client's own acceptance", async () => {
    const { db, sink, app, staffOf, contactOf, file, move } = await setUp();
    const line2 = await staffOf('line2@studio.example');
    const ticket = await file('owner@bikes.example', 'Footer links');
    await db.ticket.update({ where: { id: ticket.id }, data: { assigneeId: line2.staffId ?? null } });
    await move(ticket.id, 'resolve', line2, { text: 'Links fixed' });
    await move(ticket.id, 'accept', await contactOf('owner@bikes.example'), { message: 'All good' });
    await app.start();
    await sink.until((ls) => ls.some(about(ticket.number, 'CLIENT_REPLY')));
    const told = sink.letters.filter(about(ticket.number, 'CLIENT_REPLY'));
    expect(told.map((l) => l.to)).toEqual([['line2@studio.example']]);
    expect(told[0]?.mail.text).toContain('All good');
    await expect.poll(() => db.outboxMail.count({ where: { ticketId: ticket.id, status: 'PENDING' } })).toBe(0);
    // The client hears of RESOLVED, not of the move they made themselves.
    expect(
      sink.letters.filter((l) => l.to.includes('owner@bikes.example') && l.mail.subject?.includes('Accepted')),
    ).toEqual([]);
  });

  it('should write to a visitor who left an e-mail, in the language of the widget they used', async () => {
    const { db, sink, app } = await setUp();
    const site = await db.site.findFirstOrThrow({ where: { organization: { name: 'Bike Rental Ltd' } } });
    const { ticket } = await submitTicket(
      db,
      app.events,
      {
        title: 'Корзина пустая',
        description: 'После оплаты',
        siteId: site.id,
        source: 'WIDGET',
        idempotencyKey: 'kinds:visitor',
        visitor: { siteId: site.id, email: 'guest@mail.example', name: 'Гость', locale: 'ru' },
      },
      { kind: 'SYSTEM' },
      new Date(),
    );
    await app.start();
    await sink.until((ls) => ls.some(about(ticket.number, 'RECEIVED')));
    const letter = sink.letters.find(about(ticket.number, 'RECEIVED'));
    expect(letter?.to).toEqual(['guest@mail.example']);
    expect(letter?.mail.text).toContain('Спасибо');
  });
});
