import { newSecret } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const msk = (local: string) => new Date(`${local}+03:00`);
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

const inputTypes: Record<string, string> = {
  requestFeedback: 'RequestFeedbackInput',
  startTicket: 'StartTicketInput',
  resolveTicket: 'ResolveTicketInput',
};

describeEachDatabase('paid work from estimate to payment', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let clock = msk('2026-11-23T11:00');
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';
  let owner = '';
  let manager = '';

  async function ok<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const response = await t.gql<T>(query, variables, token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data as T;
  }
  const move = async (mutation: string, input: Record<string, unknown>, token: string) =>
    (
      await ok<Record<string, { ticket?: { status: string; deliveredPriority: string | null }; code?: string }>>(
        `mutation ($i: ${inputTypes[mutation] ?? 'TicketOnlyInput'}!) { ${mutation}(input: $i) { ... on TicketPayload { ticket { status deliveredPriority } } ... on DomainError { code } } }`,
        { i: input },
        token,
      )
    )[mutation];

  beforeAll(async () => {
    t = await createTestApp(provider, { now: () => clock });
    demo = (await seedDemo(t.database.db, {
      publicUrl: 'http://localhost:4000',
      now: msk('2026-11-20T12:00'),
    })) as DemoCredentials;
    const { db } = t.database;
    const session = async (email: string) => {
      const contact = await db.contact.findUniqueOrThrow({ where: { email } });
      const s = newSecret('session');
      await db.session.create({
        data: { tokenHash: s.hash, contactId: contact.id, expiresAt: new Date('2030-01-01') },
      });
      return s.secret;
    };
    owner = await session('owner@flowers.example');
    manager = await session('manager@flowers.example');
  });
  afterAll(() => t.close());

  it('should bill an improvement ordered IMMEDIATE but reacted to within the HIGH target at 1.3, once the authorized contact confirmed the estimate', async () => {
    // Monday 11:00: the owner orders paid work at IMMEDIATE.
    const filed = await ok<{ submitTicket: { ticket: { id: string; number: number } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id number } } } }',
      {
        i: {
          title: 'Новый раздел «Доставка»',
          description: 'Нужна страница с картой зон доставки',
          priority: 'IMMEDIATE',
          category: 'IMPROVEMENT',
          paid: true,
          idempotencyKey: 'paid-work-immediate-1',
        },
      },
      owner,
    );
    const ticketId = filed.submitTicket.ticket.id;
    const id = Buffer.from(ticketId, 'base64').toString().split(':')[1] as string;
    // 13:00: the estimate, two hours later — the 15-minute target is missed, the 3-hour one met.
    clock = msk('2026-11-23T13:00');
    const asked = await move(
      'requestFeedback',
      { ticketId, question: 'Оценка: 1 час, 1 040 ₽', estimateKopecks: 104_000 },
      staff('LINE2'),
    );
    expect(asked).toEqual({ ticket: { status: 'FEEDBACK', deliveredPriority: 'HIGH' } });
    // Work starts only after the authorized contact confirms; a contact who is not authorized cannot.
    expect((await move('startTicket', { ticketId }, staff('LINE2')))?.code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await move('confirmEstimate', { ticketId }, manager))?.code).toBe('ACTOR_NOT_ALLOWED');
    clock = msk('2026-11-23T14:00');
    expect((await move('confirmEstimate', { ticketId }, owner))?.ticket?.status).toBe('NEW');
    expect((await move('startTicket', { ticketId }, staff('LINE2')))?.ticket?.status).toBe('IN_PROGRESS');
    await ok(
      'mutation ($i: LogTimeInput!) { logTime(input: $i) { __typename } }',
      { i: { ticketId, minutes: 60, note: 'вёрстка и карта' } },
      staff('LINE2'),
    );
    expect((await move('resolveTicket', { ticketId, report: 'Раздел готов' }, staff('LINE2')))?.ticket?.status).toBe(
      'RESOLVED',
    );
    // No invoice before the client accepts the work.
    expect(await t.database.db.invoice.count({ where: { key: `ticket:${id}` } })).toBe(0);
    clock = msk('2026-11-24T10:00');
    expect((await move('acceptTicket', { ticketId }, owner))?.ticket?.status).toBe('ACCEPTED');
    const invoice = await t.database.db.invoice.findUniqueOrThrow({
      where: { key: `ticket:${id}` },
      include: { lines: true },
    });
    // 800 ₽/h × 1 h × 1.3 (HIGH delivered), not × 2.0 (IMMEDIATE ordered).
    expect(invoice).toMatchObject({ kind: 'TICKET', month: '2026-11', totalKopecks: 104_000, status: 'ISSUED' });
    expect(invoice.lines.map((l) => [l.kind, l.minutes, l.rateKopecks, l.coefficientPercent, l.priority])).toEqual([
      ['PAID_TICKET', 60, 80_000, 130, 'HIGH'],
    ]);

    // The accountant confirms the payment of the invoice: the ticket is PAID too.
    const paid = await ok<{ confirmInvoicePayment: { invoice?: { status: string; paidAt: string }; code?: string } }>(
      'mutation ($id: ID!) { confirmInvoicePayment(input: { invoiceId: $id }) { ... on InvoicePayload { invoice { status paidAt } } ... on DomainError { code } } }',
      { id: gid('Invoice', invoice.id) },
      staff('ACCOUNTANT'),
    );
    expect(paid.confirmInvoicePayment.invoice).toEqual({ status: 'PAID', paidAt: clock.toISOString() });
    const ticket = await t.database.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(ticket.status).toBe('PAID');
    // The client sees its invoice; an invoice is paid once.
    const seen = await ok<{ node: { number: string; totalKopecks: number; lines: { description: string }[] } | null }>(
      'query ($id: ID!) { node(id: $id) { ... on Invoice { number totalKopecks lines { description } } } }',
      { id: gid('Invoice', invoice.id) },
      owner,
    );
    expect(seen.node).toEqual({
      number: `T-${ticket.number}`,
      totalKopecks: 104_000,
      lines: [{ description: expect.stringContaining('Платная работа') }],
    });
    const twice = await ok<{ confirmInvoicePayment: { code?: string } }>(
      'mutation ($id: ID!) { confirmInvoicePayment(input: { invoiceId: $id }) { ... on DomainError { code } } }',
      { id: gid('Invoice', invoice.id) },
      staff('ACCOUNTANT'),
    );
    expect(twice.confirmInvoicePayment.code).toBe('TRANSITION_NOT_ALLOWED');
  });
});
