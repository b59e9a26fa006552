import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterEach, expect, it } from 'vitest';
import { type MailDesk, startMailDesk } from './support/mail-desk.ts';

const png = (bytes: number) => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(bytes - 8, 1)]);

describeEachDatabase('incoming mail', (provider) => {
  const desks: MailDesk[] = [];
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
  });

  async function setUp(env: Record<string, string> = {}) {
    const desk = await startMailDesk(provider, env);
    desks.push(desk);
    return desk;
  }

  it('should file a letter from a known contact as a ticket of its organization and confirm it by mail', async () => {
    const { db, sink, send } = await setUp();
    await send({
      from: 'Owner <owner@bikes.example>',
      subject: 'Booking page is blank',
      text: 'Since this morning.',
      messageId: '<a1@bikes.example>',
    });
    const ticket = await db.ticket.findFirstOrThrow({
      where: { title: 'Booking page is blank' },
      include: { contact: true, organization: true },
    });
    expect(ticket).toMatchObject({ source: 'EMAIL', status: 'NEW', needsAuthorization: false });
    expect(ticket.contact?.email).toBe('owner@bikes.example');
    expect(ticket.organization?.name).toBe('Bike Rental Ltd');
    await sink.until((ls) => ls.some((l) => l.mail.subject === `[#${ticket.number}] We received your request`));
    // The same letter delivered again (a retrying mail server) is filed once.
    await send({
      from: 'owner@bikes.example',
      subject: 'Booking page is blank',
      text: 'Since this morning.',
      messageId: '<a1@bikes.example>',
    });
    expect(await db.ticket.count({ where: { title: 'Booking page is blank' } })).toBe(1);
  });

  it('should thread a reply to the ticket by its reply address and by In-Reply-To, trimmed, returning it to NEW', async () => {
    const { db, sink, send } = await setUp();
    await send({
      from: 'owner@bikes.example',
      subject: 'Prices wrong',
      text: 'The prices show 0.',
      messageId: '<b1@bikes.example>',
    });
    const ticket = await db.ticket.findFirstOrThrow({ where: { title: 'Prices wrong' } });
    await db.ticket.update({ where: { id: ticket.id }, data: { status: 'FEEDBACK' } });
    await sink.until((ls) => ls.some((l) => l.mail.subject?.startsWith(`[#${ticket.number}]`)));
    const received = sink.letters.find((l) => l.mail.subject?.startsWith(`[#${ticket.number}]`));
    const replyTo = received?.mail.replyTo?.value[0]?.address ?? '';

    await send({
      from: 'owner@bikes.example',
      to: replyTo,
      subject: `Re: [#${ticket.number}] We received your request`,
      text: `Only on the cart page.\n\n-- \nBob, Bike Rental\n\nOn Mon, 23 Nov 2026 at 10:00, Support <support@studio.example> wrote:\n> Thank you: your request is filed`,
      messageId: '<b2@bikes.example>',
    });
    await expect.poll(async () => (await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe('NEW');
    const reply = await db.message.findFirstOrThrow({ where: { ticketId: ticket.id, body: 'Only on the cart page.' } });
    expect(reply).toMatchObject({ source: 'EMAIL', authorKind: 'CONTACT' });

    // A mail program that drops the +token still sends In-Reply-To: the Message-ID of our letter.
    await send({
      from: 'owner@bikes.example',
      subject: 'Re: Prices wrong',
      text: 'And on the checkout.\n\n> quoted',
      inReplyTo: received?.mail.messageId,
      messageId: '<b3@bikes.example>',
    });
    await expect
      .poll(async () => db.message.count({ where: { ticketId: ticket.id, body: 'And on the checkout.' } }))
      .toBe(1);
    // One that keeps only References (the ticket's thread, which every letter of ours carries).
    const thread = received?.mail.references;
    expect(thread).toBe(`<ticket.${ticket.id}@studio.example>`);
    await send({
      from: 'owner@bikes.example',
      subject: 'Re: Prices wrong',
      text: 'And in the basket.',
      references: thread,
      messageId: '<b4@bikes.example>',
    });
    await expect
      .poll(async () => db.message.count({ where: { ticketId: ticket.id, body: 'And in the basket.' } }))
      .toBe(1);
    expect(await db.ticket.count({ where: { title: { contains: 'Prices wrong' } } })).toBe(1);
  });

  it('should accept resolved work when the authorized contact answers "accept", and reopen it on any other answer', async () => {
    const { db, sink, send } = await setUp();
    await send({
      from: 'owner@bikes.example',
      subject: 'Logo',
      text: 'Replace the logo',
      messageId: '<h1@bikes.example>',
    });
    const ticket = await db.ticket.findFirstOrThrow({ where: { title: 'Logo' } });
    await sink.until((ls) => ls.some((l) => l.mail.subject?.startsWith(`[#${ticket.number}]`)));
    const replyTo = sink.letters.find((l) => l.mail.subject?.startsWith(`[#${ticket.number}]`))?.mail.replyTo?.value[0]
      ?.address;
    await db.ticket.update({ where: { id: ticket.id }, data: { status: 'RESOLVED' } });
    await send({
      from: 'owner@bikes.example',
      to: replyTo,
      subject: 'Re: Logo',
      text: 'The colour is off',
      messageId: '<h2@bikes.example>',
    });
    await expect.poll(async () => (await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe('NEW');
    await db.ticket.update({ where: { id: ticket.id }, data: { status: 'RESOLVED' } });
    await send({
      from: 'owner@bikes.example',
      to: replyTo,
      subject: 'Re: Logo',
      text: 'Accept\n\n> Work done',
      messageId: '<h3@bikes.example>',
    });
    await expect
      .poll(async () => (await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status)
      .toBe('ACCEPTED');
  });

  it('should refuse a reply address with a forged token and file the letter as a new ticket instead', async () => {
    const { db, send } = await setUp();
    await send({ from: 'owner@bikes.example', subject: 'First', text: 'one', messageId: '<c1@bikes.example>' });
    const ticket = await db.ticket.findFirstOrThrow({ where: { title: 'First' } });
    await send({
      from: 'owner@bikes.example',
      to: `support+t${ticket.id}.0000000000000000@studio.example`,
      subject: 'Second',
      text: 'two',
      messageId: '<c2@bikes.example>',
    });
    expect(await db.message.count({ where: { ticketId: ticket.id } })).toBe(1);
    expect(await db.ticket.count({ where: { title: 'Second' } })).toBe(1);
  });

  it('should answer an unknown sender politely and file nothing', async () => {
    const { db, sink, send } = await setUp();
    const before = await db.ticket.count();
    await send({
      from: 'stranger@elsewhere.example',
      subject: 'Hello',
      text: 'Can you build me a site?',
      messageId: '<d1@elsewhere.example>',
    });
    await sink.until((ls) => ls.some((l) => l.to.includes('stranger@elsewhere.example')));
    const answer = sink.letters.find((l) => l.to.includes('stranger@elsewhere.example'));
    expect(answer?.mail.subject).toBe('We could not file your letter: Hello');
    expect(answer?.mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(await db.ticket.count()).toBe(before);
  });

  it('should file an unknown sender as a triage ticket when so configured', async () => {
    const { db, send } = await setUp({ MAIL_UNKNOWN_SENDER: 'triage' });
    await send({
      from: 'stranger@elsewhere.example',
      subject: 'Your client site is down',
      text: 'flowers.example is down',
      messageId: '<e1@elsewhere.example>',
    });
    const ticket = await db.ticket.findFirstOrThrow({ where: { title: 'Your client site is down' } });
    expect(ticket).toMatchObject({ organizationId: null, needsAuthorization: true, source: 'EMAIL' });
    expect(ticket.description).toContain('stranger@elsewhere.example');
  });

  it('should never file or answer auto-replies and bounces, so two robots cannot loop', async () => {
    const { db, sink, send } = await setUp();
    const before = await db.ticket.count();
    await send({
      from: 'owner@bikes.example',
      subject: 'Out of office',
      text: 'Back Monday',
      headers: { 'Auto-Submitted': 'auto-replied' },
      messageId: '<f1@bikes.example>',
    });
    await send({
      from: 'stranger@elsewhere.example',
      subject: 'Automatic reply',
      text: 'Away',
      headers: { 'X-Autoreply': 'yes' },
      messageId: '<f2@elsewhere.example>',
    });
    await send({
      from: 'stranger@elsewhere.example',
      subject: 'Newsletter',
      text: 'News',
      headers: { Precedence: 'bulk' },
      messageId: '<f3@elsewhere.example>',
    });
    await send({
      from: 'MAILER-DAEMON@mx.elsewhere.example',
      subject: 'Undelivered Mail Returned to Sender',
      text: 'bounce',
      messageId: '<f4@mx.elsewhere.example>',
    });
    expect(await db.ticket.count()).toBe(before);
    expect(await db.outboxMail.count({ where: { kind: 'UNKNOWN_SENDER' } })).toBe(0);
    expect(sink.letters.filter((l) => l.to.includes('stranger@elsewhere.example'))).toHaveLength(0);
  });

  it('should keep the letter but not a file over the attachment limit, and say which file was left out', async () => {
    const { db, send } = await setUp({ ATTACHMENT_MAX_BYTES: '1000' });
    await send({
      from: 'owner@bikes.example',
      subject: 'Screenshots',
      text: 'See attached.',
      messageId: '<g1@bikes.example>',
      attachments: [
        { filename: 'small.png', content: png(500) },
        { filename: 'huge.png', content: png(5000) },
      ],
    });
    const ticket = await db.ticket.findFirstOrThrow({
      where: { title: 'Screenshots' },
      include: { attachments: true },
    });
    expect(ticket.attachments.map((a) => a.fileName)).toEqual(['small.png']);
    expect(ticket.description).toContain('huge.png: FILE_TOO_LARGE');
  });

  it('should refuse in the SMTP dialogue a letter larger than an upload may be', async () => {
    const { db, send } = await setUp({ UPLOAD_MAX_BYTES: '10000', ATTACHMENT_MAX_BYTES: '10000' });
    const before = await db.ticket.count();
    await expect(
      send({
        from: 'owner@bikes.example',
        subject: 'Too big',
        text: 'x',
        attachments: [{ filename: 'big.png', content: png(2_000_000) }],
      }),
    ).rejects.toThrow(/552/);
    expect(await db.ticket.count()).toBe(before);
  });
});
