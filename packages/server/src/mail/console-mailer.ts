import type { Mailer } from '@caredesk/schema/services';
import type { Logger } from '../logger.ts';

/** Development mail: letters are written to the log instead of being sent. */
export function consoleMailer(logger: Logger): Mailer {
  return {
    async send(mail) {
      logger.info({ to: mail.to, subject: mail.subject, text: mail.text }, 'mail (console transport, not sent)');
    },
  };
}
