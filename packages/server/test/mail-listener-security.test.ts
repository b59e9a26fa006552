import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { createTransport } from 'nodemailer';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { pemFiles } from '../src/mail/mail-settings.ts';
import { smtpListener } from '../src/mail/smtp-listener.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { selfSignedCertificate } from './support/self-signed.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const relay = { user: 'relay', pass: 'a-long-relay-password' };

describeEachDatabase('STARTTLS and AUTH on the SMTP listener', (provider) => {
  const apps: TestApp[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const t of apps.splice(0)) await t.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** The app's listener with a fresh self-signed certificate in PEM files. */
  async function setUp(env: Record<string, string>) {
    const { key, cert } = selfSignedCertificate();
    const dir = mkdtempSync(join(tmpdir(), 'caredesk-tls-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'cert.pem'), cert);
    writeFileSync(join(dir, 'key.pem'), key);
    const t = await createTestApp(provider, {
      env: {
        MAIL_FROM: 'Support <support@studio.example>',
        MAIL_LISTEN_PORT: '0',
        MAIL_LISTEN_HOST: '127.0.0.1',
        MAIL_LISTEN_TLS_CERT: join(dir, 'cert.pem'),
        MAIL_LISTEN_TLS_KEY: join(dir, 'key.pem'),
        ...env,
      },
    });
    apps.push(t);
    await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' });
    const { smtpPort } = await t.app.start();
    if (smtpPort === null) throw new Error('the SMTP listener did not start');
    /** Sends as a forwarding mail server would; `tls` false sends in the clear. */
    const send = async (
      subject: string,
      options: { tls: boolean; auth?: { user: string; pass: string } },
    ): Promise<{ response: string }> => {
      const transport = createTransport({
        host: '127.0.0.1',
        port: smtpPort,
        secure: false,
        ...(options.tls ? { requireTLS: true, tls: { ca: cert, servername: 'localhost' } } : { ignoreTLS: true }),
        ...(options.auth ? { auth: options.auth } : {}),
      });
      try {
        return await transport.sendMail({
          from: 'owner@bikes.example',
          to: 'support@studio.example',
          subject,
          text: 'Sent to the listener',
        });
      } finally {
        transport.close();
      }
    };
    return { db: t.database.db, send };
  }

  it('should take letters over STARTTLS with a certificate the client verifies, and in the clear unless told not to', async () => {
    const { db, send } = await setUp({});
    await send('Over TLS', { tls: true });
    await send('In the clear', { tls: false });
    expect(await db.ticket.count({ where: { title: { in: ['Over TLS', 'In the clear'] } } })).toBe(2);
  });

  it('should refuse a letter sent without STARTTLS when TLS is required', async () => {
    const { db, send } = await setUp({ MAIL_LISTEN_REQUIRE_TLS: 'true' });
    await expect(send('Plain', { tls: false })).rejects.toThrow(/530/);
    await send('Encrypted', { tls: true });
    expect(await db.ticket.count({ where: { title: 'Plain' } })).toBe(0);
    expect(await db.ticket.count({ where: { title: 'Encrypted' } })).toBe(1);
  });

  it('should take letters only from a sender that authenticated, and AUTH only after STARTTLS', async () => {
    const { db, send } = await setUp({ MAIL_LISTEN_USER: relay.user, MAIL_LISTEN_PASSWORD: relay.pass });
    await expect(send('No AUTH', { tls: true })).rejects.toThrow(/530/);
    await expect(send('Wrong password', { tls: true, auth: { ...relay, pass: 'not-the-password' } })).rejects.toThrow(
      /535/,
    );
    await expect(send('AUTH in the clear', { tls: false, auth: relay })).rejects.toThrow(/538/);
    await send('Relayed', { tls: true, auth: relay });
    const titles = ['No AUTH', 'Wrong password', 'AUTH in the clear', 'Relayed'];
    const filed = await db.ticket.findMany({ where: { title: { in: titles } }, select: { title: true } });
    expect(filed.map((t) => t.title)).toEqual(['Relayed']);
  });
});

describe('a renewed listener certificate', () => {
  it('should be taken without a restart once its files change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caredesk-tls-'));
    const certFile = join(dir, 'cert.pem');
    const keyFile = join(dir, 'key.pem');
    const first = selfSignedCertificate();
    writeFileSync(certFile, first.cert);
    writeFileSync(keyFile, first.key);
    const subjects: string[] = [];
    const listener = smtpListener({
      host: '127.0.0.1',
      port: 0,
      maxBytes: 1_000_000,
      logger: pino({ level: 'silent' }),
      security: { tls: pemFiles(certFile, keyFile), requireTls: true, auth: null },
      receive: async (letter) => subjects.push(letter.subject),
    });
    const port = await listener.start();
    const send = async (subject: string, ca: string) => {
      const transport = createTransport({
        host: '127.0.0.1',
        port,
        secure: false,
        requireTLS: true,
        tls: { ca, servername: 'localhost' },
      });
      try {
        await transport.sendMail({ from: 'owner@bikes.example', to: 'support@studio.example', subject, text: 'x' });
      } finally {
        transport.close();
      }
    };
    try {
      await send('old certificate', first.cert);
      expect(listener.reloadTls()).toBe(false);
      const renewed = selfSignedCertificate();
      writeFileSync(certFile, renewed.cert);
      writeFileSync(keyFile, renewed.key);
      const later = new Date(Date.now() + 60_000);
      utimesSync(certFile, later, later);
      utimesSync(keyFile, later, later);
      expect(listener.reloadTls()).toBe(true);
      await send('new certificate', renewed.cert);
      // The client that trusts only the old certificate no longer verifies the listener.
      await expect(send('old trust', first.cert)).rejects.toThrow(/certificate/i);
      expect(subjects).toEqual(['old certificate', 'new certificate']);
    } finally {
      await listener.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
