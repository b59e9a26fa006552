import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const submit = /* GraphQL */ `
  mutation ($input: SubmitTicketInput!) {
    submitTicket(input: $input) {
      ... on SubmitTicketPayload { created accessToken ticketId ticket { id title } }
      ... on DomainError { code field }
    }
  }
`;
type Submitted = {
  submitTicket: {
    created?: boolean;
    accessToken?: string | null;
    ticketId?: string;
    ticket?: { id: string; title: string } | null;
    code?: string;
    field?: string;
  };
};

const minutes = (n: number) => n * 60_000;
// What the widget sends: 32 random bytes as base64url.
const nonceA = 'n0nce-A_'.repeat(5).slice(0, 43);
const nonceB = 'n0nce-B_'.repeat(5).slice(0, 43);

// Item 9 of the hardening issue: a replayed submit must not take the ticket from the browser that filed it.
describeEachDatabase('visitor retries of a submitted report', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let clockOffset = 0;
  const shop = 'https://flowers.example';

  beforeAll(async () => {
    t = await createTestApp(provider, { now: () => new Date(Date.now() + clockOffset) });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
  });
  beforeEach(() => {
    clockOffset = 0;
  });
  afterAll(() => t.close());

  const report = async (key: string, submitNonce?: string) => {
    const response = await t.gql<Submitted>(
      submit,
      {
        input: {
          siteKey: demo.siteKeys[0],
          title: 'Корзина пустеет',
          description: 'После оплаты корзина снова полна',
          idempotencyKey: key,
          ...(submitNonce === undefined ? {} : { submitNonce }),
        },
      },
      undefined,
      { origin: shop },
    );
    expect(response.errors).toBeUndefined();
    return response.data?.submitTicket ?? {};
  };
  /** The ticket's id as the token sees it, or the error code it gets instead. */
  const readWith = async (token: string | null | undefined, id: string | undefined) => {
    const response = await t.gql<{ ticket: { id: string } | null }>(
      'query ($id: ID!) { ticket(id: $id) { id } }',
      { id },
      token ?? '',
      { origin: shop },
    );
    return response.data?.ticket?.id ?? response.errors?.[0]?.extensions?.code ?? null;
  };
  const ticketsOf = (key: string) =>
    t.database.db.ticket.findMany({ where: { idempotencyKey: { endsWith: `:${key}` } } });

  it('should answer a retry with the same nonce within the hour with the same ticket and a new token that replaces the first', async () => {
    const first = await report('replay-key-0001', nonceA);
    expect(first).toMatchObject({ created: true, accessToken: expect.stringMatching(/^cdt_/) });
    clockOffset = minutes(59);
    const again = await report('replay-key-0001', nonceA);
    expect(again).toMatchObject({ created: false, ticket: { id: first.ticket?.id } });
    expect(again.accessToken).toMatch(/^cdt_/);
    expect(again.accessToken).not.toBe(first.accessToken);
    expect(await readWith(again.accessToken, first.ticket?.id)).toBe(first.ticket?.id);
    expect(await readWith(first.accessToken, first.ticket?.id)).toBe('UNAUTHENTICATED');
    expect(await ticketsOf('replay-key-0001')).toHaveLength(1);
  });

  it('should answer a retry with another nonce or none with the same ticket’s id, nothing of it and no token, and leave the first token working', async () => {
    const first = await report('replay-key-0002', nonceA);
    const [stored] = await ticketsOf('replay-key-0002');
    clockOffset = minutes(1);
    for (const nonce of [nonceB, undefined]) {
      const again = await report('replay-key-0002', nonce);
      expect(again).toEqual({ created: false, accessToken: null, ticketId: first.ticket?.id, ticket: null });
    }
    expect(await readWith(first.accessToken, first.ticket?.id)).toBe(first.ticket?.id);
    const after = await ticketsOf('replay-key-0002');
    expect(after).toHaveLength(1);
    expect(after[0]?.accessTokenHash).toBe(stored?.accessTokenHash);
  });

  it('should give no token to a retry with the same nonce 61 minutes after filing, and leave the first token working', async () => {
    const first = await report('replay-key-0003', nonceA);
    clockOffset = minutes(61);
    const late = await report('replay-key-0003', nonceA);
    expect(late).toEqual({ created: false, accessToken: null, ticketId: first.ticket?.id, ticket: null });
    expect(await readWith(first.accessToken, first.ticket?.id)).toBe(first.ticket?.id);
    expect(await ticketsOf('replay-key-0003')).toHaveLength(1);
  });

  it('should give no token to any retry of a report filed without a nonce', async () => {
    const first = await report('replay-key-0004');
    expect(first.accessToken).toMatch(/^cdt_/);
    for (const nonce of [undefined, nonceA]) {
      expect((await report('replay-key-0004', nonce)).accessToken).toBeNull();
    }
    expect(await readWith(first.accessToken, first.ticket?.id)).toBe(first.ticket?.id);
    expect(await ticketsOf('replay-key-0004')).toHaveLength(1);
  });

  it('should keep only the nonce’s hash with the ticket', async () => {
    await report('replay-key-0005', nonceA);
    const [stored] = await ticketsOf('replay-key-0005');
    expect(stored?.submitNonceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(nonceA);
  });

  it('should refuse a nonce shorter than 16, longer than 128 or with other characters as INVALID_INPUT, and file nothing', async () => {
    const before = await t.database.db.ticket.count();
    for (const [i, nonce] of ['x'.repeat(15), 'x'.repeat(129), `${'x'.repeat(20)}+/=`].entries()) {
      expect(await report(`replay-bad-000${i}`, nonce)).toEqual({ code: 'INVALID_INPUT', field: 'submitNonce' });
    }
    expect(await t.database.db.ticket.count()).toBe(before);
  });
});
