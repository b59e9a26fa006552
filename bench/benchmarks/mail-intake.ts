import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrate } from '@caredesk/schema/db';
import { buildApp, loadConfig } from '@caredesk/server';
import pino from 'pino';
import { emptyTarget } from '../../packages/schema/src/testing/test-databases.ts';
import { imapPoller } from '../../packages/server/src/mail/imap-poller.ts';
import { incomingMail } from '../../packages/server/src/mail/incoming.ts';
import { replyAddresses } from '../../packages/server/src/mail/reply-address.ts';
import { seedDemo } from '../../packages/server/src/seed/demo.ts';
import { diskStorage } from '../../packages/server/src/storage/disk-storage.ts';
import { dovecotMissing, startDovecot } from '../../packages/server/test/support/dovecot.ts';
import { deliver } from '../../packages/server/test/support/smtp-sink.ts';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

const raw = (n: number, tag: string) =>
  [
    'From: Owner <owner@bikes.example>',
    'To: support@studio.example',
    `Subject: ${tag} letter ${n}`,
    `Message-ID: <${tag}-${n}@bikes.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `The page ${n} is broken since this morning.`,
    '',
  ].join('\r\n');

/**
 * Incoming mail filed per second: through the built-in SMTP listener (each letter its own SMTP
 * session, `concurrency` senders at once, as MX deliveries come) and by one IMAP poll of a
 * Dovecot mailbox holding `count` unseen letters. Every letter is a new ticket of a known
 * contact with its RECEIVED letter written to the outbox.
 */
export async function mailIntake(count: number, concurrency = 4): Promise<string> {
  const lines = [
    '## Incoming mail (issue #10)',
    '',
    `${count} letters of a known contact, each a new ticket (with its confirmation letter written to the outbox). SMTP: ${concurrency} senders at once, one SMTP session per letter (nodemailer), the answer after the ticket is stored; latency per letter from connect to 250. IMAP: the letters waiting unseen in a Dovecot mailbox, one poll fetching, filing and marking them one by one.`,
    '',
  ];
  for (const provider of ['sqlite', 'postgresql'] as const) {
    const { target, url, cleanUp } = emptyTarget(provider);
    const files = mkdtempSync(join(tmpdir(), 'caredesk-bench-mail-'));
    try {
      await migrate(target);
      const db = createDb(target);
      const config = loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DATABASE_URL: url,
        ATTACHMENTS_DIR: files,
        MAIL_LISTEN_PORT: '0',
        MAIL_LISTEN_HOST: '127.0.0.1',
        MAIL_FROM: 'Support <support@studio.example>',
        OUTBOX_INTERVAL_MS: '3600000',
      });
      const logger = pino({ level: 'silent' });
      const app = buildApp(config, { db, logger });
      await seedDemo(db, { publicUrl: 'http://localhost:4000' });
      const { smtpPort } = await app.start();
      try {
        const latencies: number[] = [];
        let next = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            for (let n = next++; n < count; n = next++) {
              const t0 = performance.now();
              await deliver(smtpPort as number, {
                from: 'Owner <owner@bikes.example>',
                to: 'support@studio.example',
                subject: `SMTP letter ${n}`,
                text: `The page ${n} is broken since this morning.`,
                messageId: `<smtp-${n}@bikes.example>`,
              });
              latencies.push(performance.now() - t0);
            }
          }),
        );
        const smtpSeconds = (performance.now() - started) / 1000;
        latencies.sort((a, b) => a - b);
        const filed = await db.ticket.count({ where: { title: { startsWith: 'SMTP letter' } } });
        lines.push(
          `- ${provider}, SMTP listener: **${(count / smtpSeconds).toFixed(1)} letters/s** (${filed} tickets from ${count} letters in ${smtpSeconds.toFixed(1)} s); per letter p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms.`,
        );

        if (dovecotMissing) {
          lines.push(`- ${provider}, IMAP: not measured (${dovecotMissing}).`);
          continue;
        }
        const dovecot = await startDovecot();
        try {
          for (let n = 0; n < count; n++) await dovecot.append(raw(n, 'IMAP'));
          const poller = imapPoller({
            settings: { url: dovecot.url, folder: 'INBOX', doneFolder: null, intervalMs: 60_000, idle: false },
            batch: count,
            logger,
            receive: incomingMail({
              db,
              events: app.events,
              storage: diskStorage(files),
              limits: config.uploadLimits,
              unknownSender: 'ignore',
              replies: replyAddresses(config.mail.from, 'bench-secret-of-at-least-32-chars'),
              now: () => new Date(),
            }),
          });
          const t0 = performance.now();
          const result = await poller.poll();
          const imapSeconds = (performance.now() - t0) / 1000;
          lines.push(
            `- ${provider}, IMAP poll: **${(result.filed / imapSeconds).toFixed(1)} letters/s** (${result.filed} filed and marked of ${result.fetched} unseen in ${imapSeconds.toFixed(1)} s).`,
          );
        } finally {
          await dovecot.stop();
        }
      } finally {
        await app.stop();
        await db.$disconnect();
      }
    } finally {
      rmSync(files, { recursive: true, force: true });
      await cleanUp();
    }
  }
  return lines.join('\n');
}
