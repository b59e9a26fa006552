import type { AddressInfo } from 'node:net';
import type { IncomingMail } from '@caredesk/schema/services';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Logger } from '../logger.ts';

export interface SmtpListener {
  start(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * caredesk's own SMTP server for incoming mail: the studio's MX (or a forward) delivers the
 * support address here. Each letter is parsed (mailparser) and handed to `receive`; a letter
 * larger than `maxBytes` is refused in the SMTP dialogue (552), so the sender's server tells
 * its sender. A failure to file answers 451, so the sending server retries later.
 */
export function smtpListener(options: {
  host: string;
  port: number;
  maxBytes: number;
  logger: Logger;
  receive(mail: IncomingMail & { recipients: string[] }): Promise<unknown>;
}): SmtpListener {
  const { logger } = options;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxBytes,
    banner: 'caredesk',
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (stream.sizeExceeded) {
            const error = Object.assign(new Error('Message too large'), { responseCode: 552 });
            return callback(error);
          }
          const header = (name: string) => {
            const value = parsed.headers.get(name);
            return value == null ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
          };
          const headers: Record<string, string | undefined> = {};
          for (const name of ['auto-submitted', 'x-autoreply', 'x-autorespond', 'precedence', 'list-id'])
            headers[name] = header(name);
          headers['x-auto-response-suppress'] = header('x-auto-response-suppress');
          headers['list-unsubscribe'] = parsed.headers.has('list-unsubscribe') ? 'yes' : undefined;
          headers['content-type'] = parsed.headers.get('content-type')
            ? contentType(parsed.headers.get('content-type'))
            : undefined;
          const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
          const references = typeof parsed.references === 'string' ? [parsed.references] : (parsed.references ?? []);
          await options.receive({
            envelopeFrom: envelopeFrom || null,
            from: firstAddress(parsed.from),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            messageId: parsed.messageId ?? null,
            threadIds: [...(parsed.inReplyTo ? [parsed.inReplyTo] : []), ...references],
            tokenTicketId: null,
            headers,
            recipients: session.envelope.rcptTo.map((to) => to.address),
            files: parsed.attachments.map((file) => ({
              name: file.filename ?? 'attachment',
              size: file.content.byteLength,
              arrayBuffer: async () =>
                file.content.buffer.slice(
                  file.content.byteOffset,
                  file.content.byteOffset + file.content.byteLength,
                ) as ArrayBuffer,
            })),
          });
          callback();
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'incoming mail could not be filed');
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        });
    },
  });
  server.on('error', (error) => logger.warn({ err: error }, 'smtp listener'));
  let listening = false;
  return {
    start: () =>
      new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(options.port, options.host, () => {
          listening = true;
          resolve((server.server.address() as AddressInfo).port);
        });
      }),
    stop: () => (listening ? new Promise((resolve) => server.close(() => resolve())) : Promise.resolve()),
  };
}

function firstAddress(from: AddressObject | AddressObject[] | undefined): string | null {
  const list = Array.isArray(from) ? from : from ? [from] : [];
  return list[0]?.value[0]?.address ?? null;
}

function contentType(value: unknown): string {
  if (typeof value === 'string') return value;
  return (value as { value?: string }).value ?? '';
}
