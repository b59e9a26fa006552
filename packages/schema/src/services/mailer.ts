/** A letter ready to send. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Set for outbox letters: the same on every attempt, so a resend is recognisably one letter. */
  messageId?: string;
  /** Where replies go (the address carrying the ticket's reply token). */
  replyTo?: string;
  /** Thread headers: the ticket's thread id. */
  references?: string[];
  /** Extra headers, e.g. Auto-Submitted on letters no person wrote. */
  headers?: Record<string, string>;
}

/** Sends mail; the server picks an adapter (console in development, SMTP in production). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close?(): void;
}
