import type { Mail, Mailer } from '@caredesk/schema/services';

/** Keeps letters in memory: for tests and scripts that read what would have been sent. */
export function memoryMailer(): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return {
    sent,
    async send(mail) {
      sent.push(mail);
    },
  };
}
