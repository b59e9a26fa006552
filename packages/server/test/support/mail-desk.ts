import type { Provider } from '@caredesk/schema/testing';
import { seedDemo } from '../../src/seed/demo.ts';
import { deliver, startSmtpSink } from './smtp-sink.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/**
 * The demo studio with both mail directions real: its outbox sends to an SMTP sink, and its
 * own SMTP listener (on a free port) takes letters sent to support@studio.example.
 */
export async function startMailDesk(provider: Provider, env: Record<string, string> = {}) {
  const sink = await startSmtpSink();
  let t: TestApp;
  try {
    t = await createTestApp(provider, {
      env: {
        SMTP_URL: sink.url,
        OUTBOX_INTERVAL_MS: '50',
        MAIL_FROM: 'Support <support@studio.example>',
        MAIL_LISTEN_PORT: '0',
        MAIL_LISTEN_HOST: '127.0.0.1',
        ...env,
      },
    });
  } catch (error) {
    await sink.close();
    throw error;
  }
  const close = async () => {
    await t.close();
    await sink.close();
  };
  await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' });
  const { smtpPort } = await t.app.start();
  if (smtpPort === null) {
    await close();
    throw new Error('the SMTP listener did not start');
  }
  const send = (letter: Record<string, unknown>, envelopeFrom?: string) =>
    deliver(smtpPort, { to: 'support@studio.example', ...letter }, envelopeFrom);
  return { t, db: t.database.db, sink, send, close };
}

export type MailDesk = Awaited<ReturnType<typeof startMailDesk>>;
