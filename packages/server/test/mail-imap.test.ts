import { type AddressInfo, createServer, type Socket } from 'node:net';
import { defaultUploadLimits } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { imapPoller } from '../src/mail/imap-poller.ts';
import { incomingMail } from '../src/mail/incoming.ts';
import { replyAddresses } from '../src/mail/reply-address.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { diskStorage } from '../src/storage/disk-storage.ts';
import { type Dovecot, dovecotMissing, startDovecot } from './support/dovecot.ts';
import { freePort } from './support/local-processes.ts';
import { runCli } from './support/run-cli.ts';
import { startSmtpSink } from './support/smtp-sink.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** A letter as a mail server stores it in the mailbox. */
function letter(fields: {
  from: string;
  subject: string;
  text: string;
  messageId: string;
  to?: string;
  inReplyTo?: string;
  returnPath?: string;
  headers?: string[];
}) {
  return [
    ...(fields.returnPath !== undefined ? [`Return-Path: <${fields.returnPath}>`] : []),
    `From: ${fields.from}`,
    `To: ${fields.to ?? 'support@studio.example'}`,
    `Subject: ${fields.subject}`,
    `Message-ID: ${fields.messageId}`,
    ...(fields.inReplyTo ? [`In-Reply-To: ${fields.inReplyTo}`, `References: ${fields.inReplyTo}`] : []),
    'Date: Tue, 24 Nov 2026 09:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    ...(fields.headers ?? []),
    '',
    fields.text,
    '',
  ].join('\r\n');
}

const silent = pino({ level: 'silent' });
const title = `incoming mail by IMAP${dovecotMissing ? ` (skipped: ${dovecotMissing})` : ''}`;

describe.skipIf(Boolean(dovecotMissing))(title, () => {
  it('should be checked by caredesk doctor: the unseen letters when it answers, FAIL and exit 1 when not', async () => {
    const dovecot = await startDovecot();
    const t = await createTestApp('sqlite');
    try {
      await dovecot.append(letter({ from: 'a@b.example', subject: 'one', text: 'x', messageId: '<doc1@b.example>' }));
      const up = await runCli(['doctor'], { DATABASE_URL: t.database.url, IMAP_URL: dovecot.url });
      expect(up.stdout).toMatch(/ok\s+imap\s+imap:\/\/\*\*\*@127\.0\.0\.1:\d+ INBOX: 1 unseen of 1/);
      expect(up.stdout).not.toContain(dovecot.password);
      expect(up.code).toBe(0);
      const down = await runCli(['doctor'], {
        DATABASE_URL: t.database.url,
        IMAP_URL: `imap://someone:wrong@127.0.0.1:${dovecot.port}`,
      });
      expect(down.stdout).toMatch(/FAIL\s+imap\s+.*AUTHENTICATIONFAILED|FAIL\s+imap\s+.*[Aa]uthentication/);
      expect(down.code).toBe(1);
    } finally {
      await t.close();
      await dovecot.stop();
    }
  });

  describeEachDatabase('a real Dovecot mailbox', (provider) => {
    const stops: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const stop of stops.splice(0).reverse()) await stop();
    });

    async function mailbox(port?: number): Promise<Dovecot> {
      const dovecot = await startDovecot(port);
      stops.push(() => dovecot.stop());
      return dovecot;
    }

    async function appPolling(dovecot: Dovecot, env: Record<string, string> = {}) {
      const sink = await startSmtpSink();
      stops.push(() => sink.close());
      const t: TestApp = await createTestApp(provider, {
        env: {
          SMTP_URL: sink.url,
          OUTBOX_INTERVAL_MS: '50',
          MAIL_FROM: 'Support <support@studio.example>',
          IMAP_URL: dovecot.url,
          IMAP_INTERVAL_MS: '50',
          ...env,
        },
      });
      stops.push(() => t.close());
      await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' });
      await t.app.start();
      return { db: t.database.db, sink };
    }

    it('should file a letter polled from the mailbox as a ticket, mark it read, and leave a bounce unfiled', async () => {
      const dovecot = await mailbox();
      await dovecot.append(
        letter({
          from: 'Owner <owner@bikes.example>',
          subject: 'Calendar shows no dates',
          text: 'Since the update.',
          messageId: '<imap-a1@bikes.example>',
        }),
      );
      await dovecot.append(
        letter({
          returnPath: '',
          from: 'Mail Delivery System <mailer-daemon@mx.bikes.example>',
          subject: 'Undelivered Mail Returned to Sender',
          text: 'The letter could not be delivered.',
          messageId: '<imap-bounce@mx.bikes.example>',
        }),
      );
      const { db, sink } = await appPolling(dovecot);
      const before = await db.ticket.count({ where: { source: 'EMAIL' } });
      await expect.poll(async () => (await dovecot.letters()).every((l) => l.seen), { timeout: 10_000 }).toBe(true);
      const ticket = await db.ticket.findFirstOrThrow({
        where: { title: 'Calendar shows no dates' },
        include: { contact: true },
      });
      expect(ticket).toMatchObject({ source: 'EMAIL', status: 'NEW' });
      expect(ticket.contact?.email).toBe('owner@bikes.example');
      expect(await db.ticket.count({ where: { source: 'EMAIL' } })).toBe(before + 1);
      await sink.until((ls) =>
        ls.some((l) => l.mail.subject?.startsWith(`[#${ticket.number}] We received your request`)),
      );
      expect(sink.letters.filter((l) => l.to.includes('mailer-daemon@mx.bikes.example'))).toHaveLength(0);
    });

    it('should thread a reply by its reply address to the ticket, back to NEW, and move it to the done folder', async () => {
      const dovecot = await mailbox();
      const { db, sink } = await appPolling(dovecot, { IMAP_DONE_FOLDER: 'Filed' });
      await dovecot.append(
        letter({
          from: 'owner@bikes.example',
          subject: 'Invoices page',
          text: 'It is empty.',
          messageId: '<imap-b1@bikes.example>',
        }),
      );
      const ticket = await expect
        .poll(() => db.ticket.findFirst({ where: { title: 'Invoices page' } }), { timeout: 10_000 })
        .toBeTruthy()
        .then(() => db.ticket.findFirstOrThrow({ where: { title: 'Invoices page' } }));
      await db.ticket.update({ where: { id: ticket.id }, data: { status: 'FEEDBACK' } });
      await sink.until((ls) => ls.some((l) => l.mail.subject?.startsWith(`[#${ticket.number}]`)));
      const received = sink.letters.find((l) => l.mail.subject?.startsWith(`[#${ticket.number}]`));
      const replyTo = received?.mail.replyTo?.value[0]?.address ?? '';
      expect(replyTo).toMatch(/^support\+t/);

      await dovecot.append(
        letter({
          from: 'owner@bikes.example',
          to: replyTo,
          subject: `Re: [#${ticket.number}] We received your request`,
          text: 'Only for last month.\r\n\r\nOn Tue, Support wrote:\r\n> Thank you: your request is filed',
          messageId: '<imap-b2@bikes.example>',
        }),
      );
      await expect
        .poll(async () => (await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status, { timeout: 10_000 })
        .toBe('NEW');
      const reply = await db.message.findFirstOrThrow({ where: { ticketId: ticket.id, body: 'Only for last month.' } });
      expect(reply).toMatchObject({ source: 'EMAIL', authorKind: 'CONTACT' });
      await expect.poll(async () => (await dovecot.letters('Filed')).length, { timeout: 10_000 }).toBe(2);
      expect(await dovecot.letters('INBOX')).toEqual([]);
      expect(await db.ticket.count({ where: { title: { contains: 'Invoices page' } } })).toBe(1);
    });

    it('should file a letter once when the poller died between filing it and marking it read', async () => {
      const dovecot = await mailbox();
      const t = await createTestApp(provider);
      stops.push(() => t.close());
      await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' });
      const db = t.database.db;
      const receive = incomingMail({
        db,
        events: t.app.events,
        storage: diskStorage(t.attachmentsDir),
        limits: defaultUploadLimits,
        unknownSender: 'reply',
        replies: replyAddresses('support@studio.example', 'a-test-secret-of-32-characters!!'),
        now: () => new Date(),
      });
      const settings = { url: dovecot.url, folder: 'INBOX', doneFolder: null, intervalMs: 50, idle: false };
      // This poller "dies" right after each letter is stored: it never gets to mark it.
      const dying = imapPoller({
        settings,
        logger: silent,
        receive: async (mail) => {
          await receive(mail);
          throw new Error('process killed before marking');
        },
      });
      const survivor = imapPoller({ settings, logger: silent, receive });

      await dovecot.append(
        letter({
          from: 'owner@bikes.example',
          subject: 'Crash test',
          text: 'first',
          messageId: '<imap-c1@bikes.example>',
        }),
      );
      expect(await dying.poll()).toEqual({ fetched: 1, filed: 0, failed: 1 });
      expect((await dovecot.letters()).map((l) => l.seen)).toEqual([false]);
      const ticket = await db.ticket.findFirstOrThrow({ where: { title: 'Crash test' } });
      await dovecot.append(
        letter({
          from: 'owner@bikes.example',
          subject: 'Re: Crash test',
          text: 'second',
          messageId: '<imap-c2@bikes.example>',
          inReplyTo: `<ticket.${ticket.id}@studio.example>`,
        }),
      );
      expect(await dying.poll()).toEqual({ fetched: 2, filed: 0, failed: 2 });

      // The next poller takes both letters again: each is filed once and now marked.
      expect(await survivor.poll()).toEqual({ fetched: 2, filed: 2, failed: 0 });
      expect((await dovecot.letters()).map((l) => l.seen)).toEqual([true, true]);
      expect(await db.ticket.count({ where: { title: { contains: 'Crash test' } } })).toBe(1);
      expect(await db.message.count({ where: { ticketId: ticket.id, body: 'second' } })).toBe(1);
      expect(await db.outboxMail.count({ where: { ticketId: ticket.id, kind: 'RECEIVED' } })).toBe(1);
      expect(await survivor.poll()).toEqual({ fetched: 0, filed: 0, failed: 0 });
    });

    it('should fetch a new letter at once with IMAP_IDLE, long before the next poll is due', async () => {
      const dovecot = await mailbox();
      const t = await createTestApp(provider);
      stops.push(() => t.close());
      await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' });
      const db = t.database.db;
      const poller = imapPoller({
        // The next poll would be in an hour: only the IDLE connection can bring the letter in.
        settings: { url: dovecot.url, folder: 'INBOX', doneFolder: null, intervalMs: 3_600_000, idle: true },
        logger: silent,
        receive: incomingMail({
          db,
          events: t.app.events,
          storage: diskStorage(t.attachmentsDir),
          limits: defaultUploadLimits,
          unknownSender: 'reply',
          replies: replyAddresses('support@studio.example', 'a-test-secret-of-32-characters!!'),
          now: () => new Date(),
        }),
      });
      poller.start();
      stops.push(() => poller.stop());
      await expect.poll(() => poller.status().watching, { timeout: 10_000 }).toBe(true);
      await dovecot.append(
        letter({
          from: 'owner@bikes.example',
          subject: 'Pushed by IDLE',
          text: 'x',
          messageId: '<idle1@bikes.example>',
        }),
      );
      await expect.poll(() => db.ticket.count({ where: { title: 'Pushed by IDLE' } }), { timeout: 10_000 }).toBe(1);
      await expect.poll(async () => (await dovecot.letters()).map((l) => l.seen), { timeout: 10_000 }).toEqual([true]);
    });

    it('should report the mailbox down, retry with growing pauses, and file the waiting letter once it is up', async () => {
      const port = await freePort();
      const t = await createTestApp(provider);
      stops.push(() => t.close());
      await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' });
      const db = t.database.db;
      const lines: { level: number; msg: string }[] = [];
      const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
      const poller = imapPoller({
        settings: {
          url: `imap://support%40studio.example:imap-test-password@127.0.0.1:${port}`,
          folder: 'INBOX',
          doneFolder: null,
          intervalMs: 50,
          idle: false,
        },
        maxBackoffMs: 400,
        logger,
        receive: incomingMail({
          db,
          events: t.app.events,
          storage: diskStorage(t.attachmentsDir),
          limits: defaultUploadLimits,
          unknownSender: 'reply',
          replies: replyAddresses('support@studio.example', 'a-test-secret-of-32-characters!!'),
          now: () => new Date(),
        }),
      });
      expect(poller.status().state).toBe('UNKNOWN');
      poller.start();
      stops.push(() => poller.stop());
      await expect.poll(() => poller.status().failures, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      expect(poller.status()).toMatchObject({ state: 'DOWN', lastError: expect.stringMatching(/ECONNREFUSED/) });
      // Said once, not at every retry.
      expect(lines.filter((l) => l.level === 40 && l.msg.startsWith('IMAP mailbox unreachable'))).toHaveLength(1);

      const dovecot = await mailbox(port);
      await dovecot.append(
        letter({
          from: 'owner@bikes.example',
          subject: 'While you were down',
          text: 'x',
          messageId: '<imap-d1@bikes.example>',
        }),
      );
      await expect
        .poll(() => db.ticket.count({ where: { title: 'While you were down' } }), { timeout: 10_000 })
        .toBe(1);
      await expect.poll(() => poller.status().state, { timeout: 10_000 }).toBe('UP');
      expect(lines.some((l) => l.msg === 'IMAP mailbox reachable again')).toBe(true);
      await expect.poll(async () => (await dovecot.letters()).map((l) => l.seen), { timeout: 10_000 }).toEqual([true]);
    });
  });
});

describe('the IMAP poller and a server that never answers', () => {
  it('should cut the connection of a stuck poll when stopped, instead of waiting for the server', async () => {
    // A server that takes the connection and never sends the IMAP greeting.
    const sockets: Socket[] = [];
    let connected: () => void = () => undefined;
    const accepted = new Promise<void>((resolve) => {
      connected = resolve;
    });
    const silentServer = createServer((socket) => {
      sockets.push(socket);
      connected();
    });
    await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', () => resolve()));
    const { port } = silentServer.address() as AddressInfo;
    const poller = imapPoller({
      settings: {
        url: `imap://u:p@127.0.0.1:${port}`,
        folder: 'INBOX',
        doneFolder: null,
        intervalMs: 60_000,
        idle: false,
      },
      logger: silent,
      stopGraceMs: 100,
      receive: async () => undefined,
    });
    try {
      poller.start();
      await accepted;
      const started = performance.now();
      await poller.stop();
      // The greeting timeout is 16 s: the stop did not wait for it.
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(poller.status().state).toBe('DOWN');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silentServer.close(() => resolve()));
    }
  });
});
