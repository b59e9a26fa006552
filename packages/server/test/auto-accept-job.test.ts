import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterEach, expect, it } from 'vitest';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { signInContact } from './support/contact-sign-in.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const day = 86_400_000;
const rowOf = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1] ?? '';

/**
 * The running server accepts work the client left unanswered for 7 days (RESOLVED or FEEDBACK),
 * through its own job: the tickets are filed and moved by the real mutations, and only the
 * app's clock is moved forward.
 */
describeEachDatabase('automatic acceptance by the running server', (provider) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
  });

  async function deskWithTicket(title: string) {
    let clock = new Date('2026-12-07T09:00:00Z');
    const mailer = memoryMailer();
    t = await createTestApp(provider, { mailer, now: () => clock });
    const demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost' })) as DemoCredentials;
    const owner = await signInContact(t, mailer, 'owner@flowers.example');
    const filed = await t.gql<{ submitTicket: { ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id } } } }',
      { i: { title, description: 'Как есть', idempotencyKey: `auto-accept-${title.length}-0001` } },
      owner,
    );
    const ticketId = filed.data?.submitTicket.ticket.id ?? '';
    expect(ticketId).not.toBe('');
    const staff = demo.staff.find((s) => s.role === 'LINE1')?.token ?? '';
    const later = (days: number) => {
      clock = new Date(clock.getTime() + days * day);
    };
    return { app: t, ticketId, staff, later };
  }

  async function acceptedBySystem(app: TestApp, ticketId: string, from: string) {
    const after = await app.database.db.ticket.findUniqueOrThrow({
      where: { id: rowOf(ticketId) },
      include: { statusChanges: { orderBy: { createdAt: 'desc' }, take: 1 } },
    });
    expect(after).toMatchObject({ status: 'ACCEPTED', autoAcceptAt: null });
    expect(after.statusChanges[0]).toMatchObject({ fromStatus: from, toStatus: 'ACCEPTED', actorKind: 'SYSTEM' });
  }

  it('should accept resolved work whose 7 days passed while the server was down, as soon as it starts again', async () => {
    const { app, ticketId, staff, later } = await deskWithTicket('Поменять баннер');
    const resolved = await app.gql<{ resolveTicket: { __typename: string } }>(
      'mutation ($i: ResolveTicketInput!) { resolveTicket(input: $i) { __typename } }',
      { i: { ticketId, report: 'Баннер заменён' } },
      staff,
    );
    expect(resolved.data?.resolveTicket.__typename).toBe('TicketPayload');
    later(8);
    const changed = app.app.events.subscribe('ticketUpdated', rowOf(ticketId))[Symbol.asyncIterator]().next();

    await app.app.start();
    expect((await changed).value).toEqual({ ticketId: rowOf(ticketId) });
    await acceptedBySystem(app, ticketId, 'RESOLVED');
  });

  it('should accept a ticket left in FEEDBACK without an answer for 7 days, and leave a younger one waiting', async () => {
    const { app, ticketId, staff, later } = await deskWithTicket('Уточнить размер');
    const ask = (id: string) =>
      app.gql<{ requestFeedback: { __typename: string } }>(
        'mutation ($i: RequestFeedbackInput!) { requestFeedback(input: $i) { __typename } }',
        { i: { ticketId: id, question: 'Какой размер картинки нужен?' } },
        staff,
      );
    expect((await ask(ticketId)).data?.requestFeedback.__typename).toBe('TicketPayload');
    later(5);
    // A second question, asked five days later, is not due yet when the first one is.
    const younger = await app.database.db.ticket.findFirstOrThrow({
      where: { status: 'NEW', organization: { contacts: { some: { email: 'owner@flowers.example' } } } },
    });
    const youngerId = Buffer.from(`Ticket:${younger.id}`).toString('base64');
    expect((await ask(youngerId)).data?.requestFeedback.__typename).toBe('TicketPayload');
    later(3);
    const changed = app.app.events.subscribe('ticketUpdated', rowOf(ticketId))[Symbol.asyncIterator]().next();

    await app.app.start();
    expect((await changed).value).toEqual({ ticketId: rowOf(ticketId) });
    await acceptedBySystem(app, ticketId, 'FEEDBACK');
    expect(await app.database.db.ticket.findUniqueOrThrow({ where: { id: younger.id } })).toMatchObject({
      status: 'FEEDBACK',
    });
  });
});
