import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { Logger } from '../logger.ts';
import { type ParsedLetter, parseLetter } from './parse-letter.ts';

export interface SmtpListener {
  start(): Promise<number>;
  stop(): Promise<void>;
  /** Takes a renewed certificate now (also done hourly by itself); true when it changed. */
  reloadTls(): boolean;
}

/** Where the certificate comes from: read again when its version (the files' mtimes) changes. */
export interface TlsSource {
  read(): { key: Buffer; cert: Buffer };
  version(): string;
}

export interface ListenerSecurity {
  /** PEM key and certificate: STARTTLS is offered. */
  tls: TlsSource | null;
  /** Refuse MAIL FROM on a connection that did not STARTTLS first. */
  requireTls: boolean;
  /** AUTH PLAIN/LOGIN with this account is required before MAIL FROM. */
  auth: { user: string; password: string } | null;
}

const open: ListenerSecurity = { tls: null, requireTls: false, auth: null };

/**
 * caredesk's own SMTP server for incoming mail: the studio's MX (or a forward) delivers the
 * support address here. Each letter is parsed (mailparser) and handed to `receive`; a letter
 * larger than `maxBytes` is refused in the SMTP dialogue (552), so the sender's server tells
 * its sender. A failure to file answers 451, so the sending server retries later.
 * With a certificate it offers STARTTLS (and may require it); with an account it requires AUTH.
 */
export function smtpListener(options: {
  host: string;
  port: number;
  maxBytes: number;
  logger: Logger;
  security?: ListenerSecurity;
  receive(mail: ParsedLetter): Promise<unknown>;
}): SmtpListener {
  const { logger } = options;
  const security = options.security ?? open;
  const tlsVersion = { current: security.tls?.version() ?? '' };
  const disabled = [...(security.tls ? [] : ['STARTTLS']), ...(security.auth ? [] : ['AUTH'])];
  const settings: SMTPServerOptions = {
    authOptional: !security.auth,
    disabledCommands: disabled,
    size: options.maxBytes,
    banner: 'caredesk',
    logger: false,
    ...(security.tls ? security.tls.read() : {}),
    ...(security.auth
      ? {
          authMethods: ['PLAIN', 'LOGIN'],
          // Without a certificate AUTH goes in the clear: for a private interface only.
          allowInsecureAuth: !security.tls,
        }
      : {}),
    onAuth(auth, _session, callback) {
      const account = security.auth;
      if (account && auth.username === account.user && sameText(auth.password ?? '', account.password))
        return callback(null, { user: account.user });
      logger.warn({ user: auth.username }, 'smtp listener: failed AUTH');
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onMailFrom(_address, session, callback) {
      if (security.requireTls && !session.secure)
        return callback(Object.assign(new Error('Must issue a STARTTLS command first'), { responseCode: 530 }));
      callback();
    },
    onData(stream, session, callback) {
      parseLetter(stream, {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        recipients: session.envelope.rcptTo.map((to) => to.address),
      })
        .then(async (letter) => {
          if (stream.sizeExceeded) {
            const error = Object.assign(new Error('Message too large'), { responseCode: 552 });
            return callback(error);
          }
          await options.receive(letter);
          callback();
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'incoming mail could not be filed');
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        });
    },
  };
  const server = new SMTPServer(settings);
  server.on('error', (error) => logger.warn({ err: error }, 'smtp listener'));
  let listening = false;
  const reloadTls = () => {
    if (!security.tls) return false;
    try {
      const version = security.tls.version();
      if (version === tlsVersion.current) return false;
      server.updateSecureContext(security.tls.read());
      tlsVersion.current = version;
      logger.info('smtp listener: renewed certificate loaded');
      return true;
    } catch (error) {
      // A half-written renewal: keep the old certificate and look again later.
      logger.warn({ err: error }, 'smtp listener: the certificate could not be reloaded');
      return false;
    }
  };
  let tlsTimer: NodeJS.Timeout | undefined;
  return {
    reloadTls,
    start: () =>
      new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(options.port, options.host, () => {
          listening = true;
          if (security.tls) {
            tlsTimer = setInterval(reloadTls, 3_600_000);
            tlsTimer.unref();
          }
          resolve((server.server.address() as AddressInfo).port);
        });
      }),
    stop: () => {
      clearInterval(tlsTimer);
      return listening ? new Promise((resolve) => server.close(() => resolve())) : Promise.resolve();
    },
  };
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
