import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from '../src/config.ts';
import { connection } from '../src/mail/imap-poller.ts';

describe('mail configuration: IMAP, the listener and digests', () => {
  it('should poll no mailbox, offer neither STARTTLS nor AUTH and digest daily by default', () => {
    const { mail } = loadConfig({});
    expect(mail).toMatchObject({
      imap: null,
      listenTls: null,
      listenRequireTls: false,
      listenAuth: null,
      digestEveryMs: 86_400_000,
    });
  });

  it('should read the IMAP mailbox, its folders and interval, with the account from the URL', () => {
    const { mail } = loadConfig({
      IMAP_URL: 'imaps://support%40studio.example:p%40ss@imap.studio.example',
      IMAP_FOLDER: 'Support',
      IMAP_DONE_FOLDER: 'Support/Filed',
      IMAP_INTERVAL_MS: '60000',
      IMAP_IDLE: 'true',
    });
    expect(mail.imap).toEqual({
      url: 'imaps://support%40studio.example:p%40ss@imap.studio.example',
      folder: 'Support',
      doneFolder: 'Support/Filed',
      intervalMs: 60_000,
      idle: true,
    });
    expect(connection(mail.imap?.url ?? '')).toMatchObject({
      host: 'imap.studio.example',
      port: 993,
      secure: true,
      auth: { user: 'support@studio.example', pass: 'p@ss' },
    });
    expect(connection('imap://u:p@127.0.0.1')).toMatchObject({ port: 143, secure: false });
  });

  it('should read the listener certificate, the TLS requirement and the AUTH account', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caredesk-pem-'));
    try {
      writeFileSync(join(dir, 'cert.pem'), 'x');
      writeFileSync(join(dir, 'key.pem'), 'x');
      const { mail } = loadConfig({
        MAIL_LISTEN_TLS_CERT: join(dir, 'cert.pem'),
        MAIL_LISTEN_TLS_KEY: join(dir, 'key.pem'),
        MAIL_LISTEN_REQUIRE_TLS: 'true',
        MAIL_LISTEN_USER: 'relay',
        MAIL_LISTEN_PASSWORD: 'a-long-relay-password',
        MAIL_DIGEST_MINUTES: '120',
      });
      expect(mail).toMatchObject({
        listenTls: { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') },
        listenRequireTls: true,
        listenAuth: { user: 'relay', password: 'a-long-relay-password' },
        digestEveryMs: 7_200_000,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should allow 5 letters a day to an unverified address by default, 0 to 1000 when set, and list the variable', () => {
    expect(loadConfig({}).mail.unverifiedPerDay).toBe(5);
    expect(loadConfig({ MAIL_UNVERIFIED_PER_DAY: '0' }).mail.unverifiedPerDay).toBe(0);
    expect(loadConfig({ MAIL_UNVERIFIED_PER_DAY: '1000' }).mail.unverifiedPerDay).toBe(1000);
    for (const bad of ['-1', '1001', '2.5', 'many'])
      expect(() => loadConfig({ MAIL_UNVERIFIED_PER_DAY: bad })).toThrow(
        `MAIL_UNVERIFIED_PER_DAY must be a whole number from 0 to 1000, got "${bad}"`,
      );
    expect(configVariables.find(([name]) => name === 'MAIL_UNVERIFIED_PER_DAY')?.[1]).toBe('5');
  });

  it('should name every bad one at once', () => {
    let problems: string[] = [];
    try {
      loadConfig({
        IMAP_URL: 'pop3://mail.example',
        IMAP_INTERVAL_MS: '5',
        MAIL_LISTEN_TLS_CERT: '/nonexistent/cert.pem',
        MAIL_LISTEN_REQUIRE_TLS: 'yes',
        MAIL_LISTEN_PASSWORD: 'short',
        MAIL_DIGEST_MINUTES: '0',
      });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([
      'IMAP_URL must look like imap://user:password@host:143 or imaps://user:password@host',
      'IMAP_INTERVAL_MS must be a whole number from 50 to 3600000, got "5"',
      'MAIL_LISTEN_TLS_CERT and MAIL_LISTEN_TLS_KEY must be set together',
      'MAIL_LISTEN_TLS_CERT: no such file "/nonexistent/cert.pem"',
      'MAIL_LISTEN_PASSWORD is set without MAIL_LISTEN_USER',
      'MAIL_DIGEST_MINUTES must be a whole number from 1 to 43200, got "0"',
    ]);
  });
});
