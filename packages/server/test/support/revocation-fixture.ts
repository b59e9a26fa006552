import type { StaffRole, TokenScope } from '@caredesk/schema/domain';
import { hashSecret, setStaffPassword } from '@caredesk/schema/services';
import type { Provider } from '@caredesk/schema/testing';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { issueApiToken } from '../../src/auth/issue-token.ts';
import { memoryMailer } from '../../src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../../src/seed/demo.ts';
import {
  type LiveSubscription,
  type Payload,
  subscribeOverSse,
  subscribeOverWebSocket,
  until,
} from './live-subscription.ts';
import { signInCodeSent } from './sign-in-code.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
export const watchQuery = 'subscription ($id: ID!) { ticketUpdated(id: $id) { title messages { body internal } } }';
export const errorOf = (payload: Payload | undefined) => payload?.errors?.[0];
export const noteBody = (n: number) => `Внутренняя заметка ${n}: пароль от хостинга в секретах`;

/** A running app with the demo studio, and the ways its people get credentials. */
export function revocationFixture(provider: Provider, env: Record<string, string> = {}) {
  const mailer = memoryMailer();
  const opened: LiveSubscription[] = [];
  const f = {
    t: undefined as unknown as TestApp,
    /** The letters the app sent (sign-in codes among them). */
    mailer,
    demo: undefined as unknown as DemoCredentials,
    url: '',
    /** A ticket of the flower shop, which its contacts may see. */
    ticketId: '',
    async staffToken(role: StaffRole, scopes: TokenScope[] = ['tickets:read']) {
      const member = await f.t.database.db.staffMember.findFirstOrThrow({ where: { role } });
      const token = await issueApiToken(f.t.database.db, { staffId: member.id, name: `watch ${role}`, scopes });
      const row = await f.t.database.db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(token) } });
      return { token, tokenId: row.id, staffId: member.id };
    },
    async contactSession(email: string) {
      const before = mailer.sent.length;
      await f.t.gql('mutation ($i: RequestSignInCodeInput!) { requestSignInCode(input: $i) { __typename } }', {
        i: { email },
      });
      const code = signInCodeSent(mailer.sent, email, before);
      const signedIn = await f.t.gql<{ signIn: { token: string } }>(
        'mutation ($i: SignInInput!) { signIn(input: $i) { ... on SessionPayload { token } } }',
        { i: { email, code } },
      );
      const token = signedIn.data?.signIn.token ?? '';
      expect(token).toMatch(/^cds_/);
      return token;
    },
    async staffSession(email: string) {
      const password = 'a long and correct horse battery';
      await setStaffPassword(f.t.database.db, { email, password });
      const signedIn = await f.t.gql<{ signInStaff: { token: string } }>(
        'mutation ($i: StaffSignInInput!) { signInStaff(input: $i) { ... on StaffSessionPayload { token } } }',
        { i: { email, password } },
      );
      return signedIn.data?.signInStaff.token ?? '';
    },
    /** Opens a subscription to the ticket and waits until it delivers (so it is surely open). */
    async watch(token: string, over: 'ws' | 'sse' = 'ws') {
      const open = over === 'ws' ? subscribeOverWebSocket : subscribeOverSse;
      const subscription = open(f.url, token, watchQuery, { id: globalId('Ticket', f.ticketId) });
      opened.push(subscription);
      await until(subscription.payload(), () =>
        f.t.app.events.publish('ticketUpdated', f.ticketId, { ticketId: f.ticketId }),
      );
      return subscription;
    },
    /** Staff add an internal note through the API (the change publishes ticketUpdated). */
    async addNote(n: number) {
      const answer = await f.t.gql(
        'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename ... on DomainError { code } } }',
        {
          i: {
            ticketId: globalId('Ticket', f.ticketId),
            body: noteBody(n),
            internal: true,
            idempotencyKey: `note-${n}-${provider}`,
          },
        },
        f.demo.adminToken,
      );
      expect(answer.data).toEqual({ replyToTicket: { __typename: 'TicketPayload' } });
    },
  };

  beforeAll(async () => {
    f.t = await createTestApp(provider, { mailer, env });
    f.demo = (await seedDemo(f.t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    f.url = (await f.t.app.start()).url.replace('localhost', '127.0.0.1');
    const owner = await f.t.database.db.contact.findUniqueOrThrow({ where: { email: 'owner@flowers.example' } });
    const ticket = await f.t.database.db.ticket.findFirstOrThrow({
      where: { organizationId: owner.organizationId, status: { in: ['NEW', 'IN_PROGRESS', 'FEEDBACK'] } },
      orderBy: { number: 'asc' },
    });
    f.ticketId = ticket.id;
  });
  afterEach(async () => {
    for (const subscription of opened.splice(0)) await subscription.close();
  });
  afterAll(() => f.t.close());
  return f;
}
