import type { StaffRole } from '../../domain/staff-role.ts';
import { type MailCheck, type MailSetup, type OutboxState, outboxState } from '../../services/mail-status.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';

const admins = { $all: { staffRole: ['ADMIN'] as StaffRole[], tokenScope: 'admin' as const } };

const MailTransportEnum = builder.enumType('MailTransport', {
  description: 'How letters leave: through an SMTP server, or only into the server log (no SMTP_URL set).',
  values: ['SMTP', 'LOG'] as const,
});

const MailCheckRef = builder.objectRef<MailCheck>('MailCheck').implement({
  description: 'One of `pnpm caredesk doctor`’s live checks of a mail server.',
  fields: (t) => ({
    name: t.exposeString('name'),
    ok: t.exposeBoolean('ok'),
    detail: t.exposeString('detail', { description: 'What was reached, or why not; never a password.' }),
  }),
});

const OutboxRef = builder.objectRef<OutboxState>('MailOutbox').implement({
  description: 'Letters waiting to be sent, held for digests and failed for good.',
  fields: (t) => ({
    pending: t.exposeInt('pending'),
    heldForDigest: t.exposeInt('heldForDigest'),
    failed: t.exposeInt('failed'),
    sentLastDay: t.exposeInt('sentLastDay', { description: 'Letters sent in the last 24 hours.' }),
    oldestPendingAt: t.expose('oldestPendingAt', { type: 'DateTime', nullable: true }),
    lastSentAt: t.expose('lastSentAt', { type: 'DateTime', nullable: true }),
    lastError: t.exposeString('lastError', { nullable: true }),
  }),
});

type MailStatus = { setup: MailSetup | null; ctx: GraphQLContext };

const MailStatusRef = builder.objectRef<MailStatus>('MailStatus').implement({
  description: 'The mail settings the server runs with (set in its environment, read-only here) and their live checks.',
  fields: (t) => ({
    configured: t.boolean({
      description: 'False when this server gave no mail settings to show (a script, a test).',
      resolve: (s) => s.setup !== null,
    }),
    transport: t.field({ type: MailTransportEnum, resolve: (s) => s.setup?.transport ?? 'LOG' }),
    smtpServer: t.string({ nullable: true, resolve: (s) => s.setup?.smtpServer ?? null }),
    fromAddress: t.string({ nullable: true, resolve: (s) => s.setup?.fromAddress ?? null }),
    listener: t.string({
      nullable: true,
      description: 'host:port of the built-in SMTP listener for incoming mail; null: off.',
      resolve: (s) => s.setup?.listener ?? null,
    }),
    imapMailbox: t.string({
      nullable: true,
      description: 'The IMAP mailbox polled for incoming mail; null: off.',
      resolve: (s) => s.setup?.imapMailbox ?? null,
    }),
    unknownSender: t.string({ nullable: true, resolve: (s) => s.setup?.unknownSender ?? null }),
    digestMinutes: t.int({ nullable: true, resolve: (s) => s.setup?.digestMinutes ?? null }),
    unverifiedPerDay: t.int({ nullable: true, resolve: (s) => s.setup?.unverifiedPerDay ?? null }),
    outbox: t.field({ type: OutboxRef, resolve: (s) => outboxState(s.ctx.db, s.ctx.now()) }),
    checks: t.field({
      type: [MailCheckRef],
      description: 'Connects to the SMTP and IMAP servers now (a few seconds at most each).',
      resolve: (s) => s.ctx.mailDoctor?.check() ?? [],
    }),
  }),
});

builder.queryField('mailStatus', (t) =>
  t.field({
    type: MailStatusRef,
    description: 'Admin: how the server sends and receives mail, the outbox, and live checks of the mail servers.',
    authScopes: admins,
    resolve: (_root, _args, ctx) => ({ setup: ctx.mailDoctor?.setup ?? null, ctx }),
  }),
);
