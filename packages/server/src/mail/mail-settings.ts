import { existsSync, readFileSync, statSync } from 'node:fs';
import { defaultUnverifiedPerDay } from '@caredesk/schema/domain';
import { integer } from '../config-values.ts';
import type { ImapSettings } from './imap-poller.ts';
import type { ListenerSecurity, TlsSource } from './smtp-listener.ts';

/** The parts of the mail configuration beyond sending: IMAP polling, the listener's TLS and AUTH, digests. */
export interface MoreMailConfig {
  /** Poll this IMAP mailbox for incoming mail; null: off. */
  imap: ImapSettings | null;
  /** PEM files of the listener's certificate: STARTTLS is offered; null: plain SMTP only. */
  listenTls: { certFile: string; keyFile: string } | null;
  /** Refuse letters on a connection that did not STARTTLS. */
  listenRequireTls: boolean;
  /** The account a forwarding server must AUTH with; null: no AUTH. */
  listenAuth: { user: string; password: string } | null;
  /** How long the oldest letter held for a digest reader waits before the digest goes. */
  digestEveryMs: number;
  /** Letters a day to one address that is no staff member's or contact's (a widget visitor's). */
  unverifiedPerDay: number;
}

/** Their variables, defaults and meaning (part of the README's table). */
export const moreMailVariables = [
  ['IMAP_URL', '(unset: off)', 'imap://user:pass@host:143 or imaps://…:993: poll this mailbox for incoming mail'],
  ['IMAP_FOLDER', 'INBOX', 'The IMAP folder the support address is delivered to'],
  ['IMAP_DONE_FOLDER', '(unset: mark read)', 'Move filed letters to this folder (created if missing)'],
  ['IMAP_INTERVAL_MS', '30000', 'How often the IMAP mailbox is polled (longer pauses while it is down)'],
  ['IMAP_IDLE', 'false', 'true: also wait in IMAP IDLE, so a new letter is fetched at once'],
  ['MAIL_LISTEN_TLS_CERT', '(unset: no STARTTLS)', 'PEM certificate (chain) file: the SMTP listener offers STARTTLS'],
  ['MAIL_LISTEN_TLS_KEY', '(unset)', 'PEM private key file of that certificate'],
  ['MAIL_LISTEN_REQUIRE_TLS', 'false', 'true: the listener refuses letters sent without STARTTLS'],
  ['MAIL_LISTEN_USER', '(unset: no AUTH)', 'With MAIL_LISTEN_PASSWORD: senders must AUTH as this user'],
  ['MAIL_LISTEN_PASSWORD', '(unset)', 'Password of MAIL_LISTEN_USER'],
  ['MAIL_DIGEST_MINUTES', '1440', 'Digest readers get one letter this long after the oldest held update'],
  [
    'MAIL_UNVERIFIED_PER_DAY',
    String(defaultUnverifiedPerDay),
    'A submit’s confirmation goes to an address that is no staff member’s or contact’s only while fewer letters went to it in 24 hours; 0: none',
  ],
] as const;

const yes = (raw: string | undefined) => ['1', 'true', 'yes'].includes(raw?.trim().toLowerCase() ?? '');

/** Reads and checks them; problems are added to the list, reported with the rest. */
export function moreMailConfig(env: NodeJS.ProcessEnv, problems: string[]): MoreMailConfig {
  const imapUrl = env.IMAP_URL?.trim() || null;
  if (imapUrl) {
    let valid = false;
    try {
      const url = new URL(imapUrl);
      valid = (url.protocol === 'imap:' || url.protocol === 'imaps:') && Boolean(url.hostname && url.username);
    } catch {}
    if (!valid) problems.push('IMAP_URL must look like imap://user:password@host:143 or imaps://user:password@host');
  }
  const intervalMs = integer('IMAP_INTERVAL_MS', env.IMAP_INTERVAL_MS, 30_000, 50, 3_600_000, problems);

  const certFile = env.MAIL_LISTEN_TLS_CERT?.trim() || null;
  const keyFile = env.MAIL_LISTEN_TLS_KEY?.trim() || null;
  if (Boolean(certFile) !== Boolean(keyFile))
    problems.push('MAIL_LISTEN_TLS_CERT and MAIL_LISTEN_TLS_KEY must be set together');
  for (const [name, file] of [
    ['MAIL_LISTEN_TLS_CERT', certFile],
    ['MAIL_LISTEN_TLS_KEY', keyFile],
  ] as const)
    if (file && !existsSync(file)) problems.push(`${name}: no such file "${file}"`);
  const listenRequireTls = yes(env.MAIL_LISTEN_REQUIRE_TLS);
  if (listenRequireTls && !certFile) problems.push('MAIL_LISTEN_REQUIRE_TLS needs MAIL_LISTEN_TLS_CERT and _KEY');

  const user = env.MAIL_LISTEN_USER?.trim() || null;
  const password = env.MAIL_LISTEN_PASSWORD ?? '';
  if (user && password.length < 12) problems.push('MAIL_LISTEN_PASSWORD must be at least 12 characters long');
  if (!user && password) problems.push('MAIL_LISTEN_PASSWORD is set without MAIL_LISTEN_USER');

  const digestMinutes = integer('MAIL_DIGEST_MINUTES', env.MAIL_DIGEST_MINUTES, 1440, 1, 43_200, problems);
  const unverifiedPerDay = integer(
    'MAIL_UNVERIFIED_PER_DAY',
    env.MAIL_UNVERIFIED_PER_DAY,
    defaultUnverifiedPerDay,
    0,
    1000,
    problems,
  );
  return {
    imap: imapUrl
      ? {
          url: imapUrl,
          folder: env.IMAP_FOLDER?.trim() || 'INBOX',
          doneFolder: env.IMAP_DONE_FOLDER?.trim() || null,
          intervalMs,
          idle: yes(env.IMAP_IDLE),
        }
      : null,
    listenTls: certFile && keyFile ? { certFile, keyFile } : null,
    listenRequireTls,
    listenAuth: user ? { user, password } : null,
    digestEveryMs: digestMinutes * 60_000,
    unverifiedPerDay,
  };
}

/** The listener's TLS and AUTH from the configuration (the PEM files are read here). */
export function listenerSecurity(mail: MoreMailConfig): ListenerSecurity {
  return {
    tls: mail.listenTls ? pemFiles(mail.listenTls.certFile, mail.listenTls.keyFile) : null,
    requireTls: mail.listenRequireTls,
    auth: mail.listenAuth,
  };
}

/** A certificate in PEM files, read again when either file changes (a renewal). */
export function pemFiles(certFile: string, keyFile: string): TlsSource {
  return {
    read: () => ({ cert: readFileSync(certFile), key: readFileSync(keyFile) }),
    version: () => `${statSync(certFile).mtimeMs}:${statSync(keyFile).mtimeMs}`,
  };
}
