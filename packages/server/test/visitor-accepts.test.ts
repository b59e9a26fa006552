import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const shop = 'https://flowers.example';

/** The visitor who reported a problem may say "it works" on free work (nothing is billed to a visitor). */
describeEachDatabase('a visitor accepting resolved work', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';

  beforeAll(async () => {
    t = await createTestApp(provider);
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
  });
  afterAll(() => t.close());

  async function resolvedReport(key: string) {
    const filed = await t.gql<{ submitTicket: { accessToken: string; ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { accessToken ticket { id } } } }',
      {
        i: { siteKey: demo.siteKeys[0], title: 'Не грузится галерея', description: 'На главной', idempotencyKey: key },
      },
      undefined,
      { origin: shop },
    );
    const { accessToken, ticket } = filed.data?.submitTicket ?? { accessToken: '', ticket: { id: '' } };
    const resolved = await t.gql<{ resolveTicket: { __typename: string } }>(
      'mutation ($i: ResolveTicketInput!) { resolveTicket(input: $i) { __typename } }',
      { i: { ticketId: ticket.id, report: 'Поправили пути к картинкам' } },
      staff('LINE1'),
    );
    expect(resolved.data?.resolveTicket.__typename).toBe('TicketPayload');
    return { accessToken, ticketId: ticket.id };
  }
  const asVisitor = <T>(query: string, variables: Record<string, unknown>, token: string) =>
    t.gql<T>(query, variables, token, { origin: shop });
  const movesOf = async (ticketId: string, token: string) =>
    (
      await asVisitor<{ ticket: { allowedMoves: string[] } }>(
        'query ($id: ID!) { ticket(id: $id) { allowedMoves } }',
        { id: ticketId },
        token,
      )
    ).data?.ticket.allowedMoves ?? [];
  const accept = (ticketId: string, token: string) =>
    asVisitor<{ acceptTicket: { ticket?: { status: string }; code?: string } }>(
      'mutation ($i: TicketOnlyInput!) { acceptTicket(input: $i) { ... on TicketPayload { ticket { status } } ... on DomainError { code } } }',
      { i: { ticketId } },
      token,
    );

  it('should offer the visitor "accept" beside "corrections" and "withdraw", and accept the work', async () => {
    const { accessToken, ticketId } = await resolvedReport('visitor-accepts-01');
    expect((await movesOf(ticketId, accessToken)).sort()).toEqual(['accept', 'reject', 'reply']);
    expect((await accept(ticketId, accessToken)).data?.acceptTicket.ticket?.status).toBe('ACCEPTED');
    const row = await t.database.db.ticket.findUniqueOrThrow({
      where: { id: Buffer.from(ticketId, 'base64').toString().split(':')[1] ?? '' },
      include: { statusChanges: { orderBy: { createdAt: 'desc' }, take: 1 } },
    });
    expect(row.statusChanges[0]).toMatchObject({ fromStatus: 'RESOLVED', toStatus: 'ACCEPTED', actorKind: 'VISITOR' });
    expect(row.status).toBe('ACCEPTED');
    expect(await t.database.db.invoice.count({ where: { key: `ticket:${row.id}` } })).toBe(0);
  });

  it('should not let a visitor accept work staff made paid, nor another visitor accept anything', async () => {
    const { accessToken, ticketId } = await resolvedReport('visitor-accepts-02');
    const other = await resolvedReport('visitor-accepts-03');
    // Another visitor's token opens nothing of this ticket.
    expect((await accept(ticketId, other.accessToken)).data?.acceptTicket.code).toBe('NOT_FOUND');
    const madePaid = await t.gql<{ updateTicket: { __typename: string } }>(
      'mutation ($i: UpdateTicketInput!) { updateTicket(input: $i) { __typename } }',
      { i: { ticketId, paid: true } },
      staff('HEAD'),
    );
    expect(madePaid.data?.updateTicket.__typename).toBe('TicketPayload');
    expect(await movesOf(ticketId, accessToken)).not.toContain('accept');
    expect((await accept(ticketId, accessToken)).data?.acceptTicket.code).toBe('ACTOR_NOT_ALLOWED');
  });
});
