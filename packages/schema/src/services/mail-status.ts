import type { Db } from '../db/client.ts';

/** How the server sends and receives mail, as an admin may see it: no passwords, ever. */
export interface MailSetup {
  /** SMTP: through the server named; LOG: letters are only written to the log (no SMTP_URL). */
  transport: 'SMTP' | 'LOG';
  /** smtp(s)://host:port of the outgoing server, credentials masked; null with LOG. */
  smtpServer: string | null;
  fromAddress: string;
  /** host:port of the built-in SMTP listener for incoming mail; null: off. */
  listener: string | null;
  /** imap(s)://host:port folder polled for incoming mail, credentials masked; null: off. */
  imapMailbox: string | null;
  /** What happens to a letter from an unknown sender: triage, reply or ignore. */
  unknownSender: string;
  digestMinutes: number;
  unverifiedPerDay: number;
}

/** One of `doctor`'s live checks of the mail servers. */
export interface MailCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** The port the server fills: its mail configuration, and the live checks `pnpm caredesk doctor` runs. */
export interface MailDoctor {
  setup: MailSetup;
  check(): Promise<MailCheck[]>;
}

/** The outbox at a glance: what waits, what failed for good, and when a letter last left. */
export interface OutboxState {
  pending: number;
  heldForDigest: number;
  failed: number;
  sentLastDay: number;
  oldestPendingAt: Date | null;
  lastSentAt: Date | null;
  /** The error of the letter that failed last, if any failed. */
  lastError: string | null;
}

/** Reads the outbox's state in four small queries (its indexes cover status). */
export async function outboxState(db: Db, now: Date): Promise<OutboxState> {
  const [groups, oldest, last, sentLastDay, lastFailed] = await Promise.all([
    db.outboxMail.groupBy({
      by: ['status', 'digest'],
      _count: { _all: true },
      where: { status: { in: ['PENDING', 'FAILED'] } },
    }),
    db.outboxMail.findFirst({
      where: { status: 'PENDING', digest: false },
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true },
    }),
    db.outboxMail.findFirst({ where: { status: 'SENT' }, orderBy: { sentAt: 'desc' }, select: { sentAt: true } }),
    db.outboxMail.count({ where: { status: 'SENT', sentAt: { gte: new Date(now.getTime() - 86_400_000) } } }),
    db.outboxMail.findFirst({
      where: { status: 'FAILED' },
      orderBy: { createdAt: 'desc' },
      select: { lastError: true },
    }),
  ]);
  const count = (status: string, digest?: boolean) =>
    groups
      .filter((g) => g.status === status && (digest === undefined || g.digest === digest))
      .reduce((sum, g) => sum + g._count._all, 0);
  return {
    pending: count('PENDING', false),
    heldForDigest: count('PENDING', true),
    failed: count('FAILED'),
    sentLastDay,
    oldestPendingAt: oldest?.createdAt ?? null,
    lastSentAt: last?.sentAt ?? null,
    lastError: lastFailed?.lastError ?? null,
  };
}
