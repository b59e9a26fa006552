/** A letter ready to send. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends mail; the server picks an adapter (console in development, SMTP in production). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}
