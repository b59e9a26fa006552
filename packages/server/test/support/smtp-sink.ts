import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';

export interface SinkLetter {
  to: string[];
  mail: ParsedMail;
  raw: string;
}

/** A real SMTP server on a free port that keeps what it accepts; it can be told to refuse. */
export async function startSmtpSink() {
  const letters: SinkLetter[] = [];
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (state.refuse) return callback(Object.assign(new Error('Try later'), { responseCode: 451 }));
        const raw = Buffer.concat(chunks).toString('utf8');
        letters.push({ to: session.envelope.rcptTo.map((r) => r.address), mail: await simpleParser(raw), raw });
        callback();
        for (const waiter of [...waiters])
          if (waiter.test()) waiters.splice(waiters.indexOf(waiter), 1) && waiter.resolve();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    letters,
    state,
    /** Resolves once the letters received satisfy `test`. */
    until(test: (letters: SinkLetter[]) => boolean): Promise<void> {
      if (test(letters)) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ test: () => test(letters), resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sends a letter to caredesk's SMTP listener, as a client's mail server would. */
export async function deliver(port: number, letter: Record<string, unknown>, envelopeFrom?: string) {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({
      ...letter,
      ...(envelopeFrom !== undefined ? { envelope: { from: envelopeFrom, to: letter.to as string } } : {}),
    });
  } finally {
    transport.close();
  }
}
