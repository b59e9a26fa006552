import type { ActorRef } from '@caredesk/schema/services';
import { moveTicket } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterEach, expect, it } from 'vitest';
import { type MailDesk, startMailDesk } from './support/mail-desk.ts';
import type { SinkLetter } from './support/smtp-sink.ts';

describeEachDatabase('a cost estimate confirmed by e-mail', (provider) => {
  const desks: MailDesk[] = [];
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
  });

  async function setUp() {
    const desk = await startMailDesk(provider);
    desks.push(desk);
    const { t, db, sink, send } = desk;
    const line2 = await db.staffMember.findUniqueOrThrow({ where: { email: 'line2@studio.example' } });
    const staff: ActorRef = { kind: 'STAFF', role: line2.role, staffId: line2.id };
    /** A paid ticket filed by mail, estimated by staff; resolves with the estimate letter. */
    const estimated = async (from: string, title: string) => {
      await send({ from, subject: title, text: 'Please add a page', messageId: `<${title}@client.example>` });
      const ticket = await db.ticket.findFirstOrThrow({ where: { title } });
      await db.ticket.update({ where: { id: ticket.id }, data: { paid: true } });
      await moveTicket(db, t.app.events, {
        ticketId: ticket.id,
        action: 'requestFeedback',
        actor: staff,
        input: { message: 'A new page with the form', estimateKopecks: 300_000 },
        now: new Date(),
      });
      const isFeedback = (l: SinkLetter) =>
        l.mail.subject?.startsWith(`[#${ticket.number}]`) === true &&
        l.mail.headers.get('x-caredesk-kind') === 'FEEDBACK';
      await sink.until((ls) => ls.some(isFeedback));
      return { ticket, letter: sink.letters.find(isFeedback) as SinkLetter };
    };
    return { db, send, staff, estimated, events: t.app.events };
  }

  it('should confirm the estimate when the authorized contact answers "agree", so the work can start', async () => {
    const { db, send, staff, estimated, events } = await setUp();
    const { ticket, letter } = await estimated('owner@bikes.example', 'Contact page');
    expect(letter.mail.subject).toBe(`[#${ticket.number}] Please confirm the cost estimate: Contact page`);
    expect(letter.mail.text).toContain('The work is estimated at 3,000.00 RUB. Reply "agree" to confirm the estimate');
    await send({
      from: 'owner@bikes.example',
      to: letter.mail.replyTo?.value[0]?.address,
      subject: `Re: ${letter.mail.subject}`,
      text: 'Agree!\n\nOn Tue, Support wrote:\n> The work is estimated at 3,000.00 RUB.',
      messageId: '<agree1@bikes.example>',
    });
    const confirmed = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(confirmed.status).toBe('NEW');
    expect(confirmed.estimateConfirmedAt).not.toBeNull();
    await moveTicket(db, events, { ticketId: ticket.id, action: 'start', actor: staff, input: {}, now: new Date() });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe('IN_PROGRESS');
  });

  it('should take "согласен" from a contact who may not approve paid work as a reply, leaving the estimate open', async () => {
    const { db, send, estimated } = await setUp();
    const { ticket, letter } = await estimated('manager@flowers.example', 'Страница контактов');
    expect(letter.mail.subject).toContain('Подтвердите оценку стоимости');
    expect(letter.mail.text).toContain('Работа оценена в 3\u00a0000,00\u00a0₽');
    await send({
      from: 'manager@flowers.example',
      to: letter.mail.replyTo?.value[0]?.address,
      subject: 'Re: оценка',
      text: 'Согласен',
      messageId: '<agree2@flowers.example>',
    });
    const after = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(after).toMatchObject({ status: 'NEW', estimateConfirmedAt: null });
    expect(await db.message.count({ where: { ticketId: ticket.id, body: 'Согласен', source: 'EMAIL' } })).toBe(1);
  });
});
