import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterEach, expect, it } from 'vitest';
import { type MailDesk, startMailDesk } from './support/mail-desk.ts';

const png = (bytes: number) => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(bytes - 8, 1)]);

describeEachDatabase('incoming mail: bounces, loops and letters delivered twice', (provider) => {
  const desks: MailDesk[] = [];
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
  });

  async function setUp() {
    const desk = await startMailDesk(provider);
    desks.push(desk);
    return desk;
  }

  it('should recognise bounces by the null sender, a delivery report or a no-reply address, and file none', async () => {
    const { db, send } = await setUp();
    const before = await db.ticket.count();
    // A bounce: MAIL FROM:<>, even from a known contact's address in From.
    await send({ from: 'owner@bikes.example', subject: 'Returned', text: 'x', messageId: '<l1@x>' }, '');
    // A delivery status notification (RFC 3464).
    await send({
      from: 'owner@bikes.example',
      subject: 'Delivery Status Notification (Failure)',
      messageId: '<l2@x>',
      text: 'The letter could not be delivered',
      headers: { 'Content-Type': 'multipart/report; report-type=delivery-status; boundary="b"' },
    });
    await send({ from: 'noreply@shop.example', subject: 'Your order', text: 'x', messageId: '<l3@x>' });
    expect(await db.ticket.count()).toBe(before);
    expect(await db.outboxMail.count({ where: { kind: 'UNKNOWN_SENDER' } })).toBe(0);
  });

  it('should answer an unknown sender once per letter and at most once a day, so a robot cannot loop with us', async () => {
    const { db, sink, send } = await setUp();
    const letter = {
      from: 'robot@elsewhere.example',
      subject: 'Hi',
      text: 'Hello',
      messageId: '<loop1@elsewhere.example>',
    };
    await send(letter);
    await send(letter);
    // A robot that answers our answer without saying it is a robot: a new letter, same sender.
    await send({ ...letter, subject: 'Re: We could not file your letter: Hi', messageId: '<loop2@elsewhere.example>' });
    await sink.until((ls) => ls.some((l) => l.to.includes('robot@elsewhere.example')));
    await expect.poll(() => db.outboxMail.count({ where: { kind: 'UNKNOWN_SENDER', status: 'PENDING' } })).toBe(0);
    expect(await db.outboxMail.count({ where: { kind: 'UNKNOWN_SENDER' } })).toBe(1);
    expect(sink.letters.filter((l) => l.to.includes('robot@elsewhere.example'))).toHaveLength(1);
  });

  it('should file a letter longer than a ticket may be, cut and marked, and one with no text at all', async () => {
    const { db, send } = await setUp();
    const long = `${'The log says: timeout. '.repeat(1500)}END`;
    await send({ from: 'owner@bikes.example', subject: 'Long log', text: long, messageId: '<long1@bikes.example>' });
    const ticket = await db.ticket.findFirstOrThrow({ where: { title: 'Long log' } });
    expect(ticket.description.length).toBeLessThanOrEqual(20_000);
    expect(ticket.description).toMatch(/\[… 34503 characters, cut\]$/);
    expect(ticket.description.startsWith('The log says: timeout.')).toBe(true);
    // A reply as long: cut the same way, still a reply to the ticket (not a new ticket).
    await send({
      from: 'owner@bikes.example',
      subject: 'Re: Long log',
      text: long,
      inReplyTo: `<ticket.${ticket.id}@studio.example>`,
      messageId: '<long2@bikes.example>',
    });
    const reply = await db.message.findFirstOrThrow({
      where: { ticketId: ticket.id, source: 'EMAIL', body: { endsWith: 'cut]' } },
    });
    expect(reply.body.length).toBeLessThanOrEqual(20_000);
    expect(await db.ticket.count({ where: { title: { contains: 'Long log' } } })).toBe(1);

    await send({ from: 'owner@bikes.example', subject: '', text: '', messageId: '<empty1@bikes.example>' });
    const empty = await db.ticket.findFirstOrThrow({ where: { description: '(empty letter)' } });
    expect(empty.title).toBe('(e-mail)');
  });

  it('should keep a reply with its file once when the same letter is delivered again', async () => {
    const { db, send } = await setUp();
    await send({ from: 'owner@bikes.example', subject: 'Twice', text: 'first', messageId: '<t1@bikes.example>' });
    const ticket = await db.ticket.findFirstOrThrow({ where: { title: 'Twice' } });
    const reply = {
      from: 'owner@bikes.example',
      subject: 'Re: Twice',
      text: 'with a screenshot',
      inReplyTo: `<ticket.${ticket.id}@studio.example>`,
      messageId: '<t2@bikes.example>',
      attachments: [{ filename: 'shot.png', content: png(400) }],
    };
    await send(reply);
    await send(reply);
    expect(await db.message.count({ where: { ticketId: ticket.id, body: 'with a screenshot' } })).toBe(1);
    expect(await db.attachment.count({ where: { ticketId: ticket.id, fileName: 'shot.png' } })).toBe(1);
    expect(await db.outboxMail.count({ where: { ticketId: ticket.id, kind: 'CLIENT_REPLY' } })).toBeLessThanOrEqual(1);
  });
});
