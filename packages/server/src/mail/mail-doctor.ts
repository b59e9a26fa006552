import type { MailCheck, MailDoctor } from '@caredesk/schema/services';
import { createTransport } from 'nodemailer';
import type { MailConfig } from '../config.ts';
import { checkMailbox } from './imap-poller.ts';

/** A server address without its credentials: smtp://***@host:587. */
export const maskCredentials = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

/** Connects and says hello (and logs in, when the URL has credentials), within a few seconds. */
export async function checkSmtp(smtpUrl: string): Promise<MailCheck> {
  const where = maskCredentials(smtpUrl);
  const transport = createTransport(smtpUrl, {
    connectionTimeout: 5000,
    greetingTimeout: 5000,
    socketTimeout: 5000,
  } as Parameters<typeof createTransport>[1]);
  try {
    await transport.verify();
    return { name: 'smtp', ok: true, detail: `${where}: accepts mail` };
  } catch (error) {
    return { name: 'smtp', ok: false, detail: `${where}: ${(error as Error).message}` };
  } finally {
    transport.close();
  }
}

/** The mail part of `doctor`, for the CLI and for admins through `mailStatus`. */
export function mailDoctor(mail: MailConfig): MailDoctor {
  return {
    setup: {
      transport: mail.smtpUrl ? 'SMTP' : 'LOG',
      smtpServer: mail.smtpUrl ? maskCredentials(mail.smtpUrl) : null,
      fromAddress: mail.from,
      listener: mail.listenPort === null ? null : `${mail.listenHost}:${mail.listenPort}`,
      imapMailbox: mail.imap ? `${maskCredentials(mail.imap.url)} ${mail.imap.folder}` : null,
      unknownSender: mail.unknownSender,
      digestMinutes: Math.round(mail.digestEveryMs / 60_000),
      unverifiedPerDay: mail.unverifiedPerDay,
    },
    async check() {
      const checks: Promise<MailCheck>[] = [];
      if (mail.smtpUrl) checks.push(checkSmtp(mail.smtpUrl));
      if (mail.imap) checks.push(checkMailbox(mail.imap).then((result) => ({ name: 'imap', ...result })));
      return Promise.all(checks);
    },
  };
}
