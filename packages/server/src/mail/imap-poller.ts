import type { ImapFlow } from 'imapflow';
import type { Logger } from '../logger.ts';
import { imapWatcher } from './imap-watcher.ts';
import { type ParsedLetter, parseLetter } from './parse-letter.ts';

/** Where and how often to look for new letters. */
export interface ImapSettings {
  /** imap://user:password@host[:143] (STARTTLS when offered) or imaps://…[:993]. */
  url: string;
  /** The mailbox the support address is delivered to. */
  folder: string;
  /** Filed letters are moved here; null: they are only marked \Seen. */
  doneFolder: string | null;
  intervalMs: number;
  /** Also wait in IMAP IDLE on a second connection, to fetch a new letter at once. */
  idle: boolean;
}

export type ImapState = 'UNKNOWN' | 'UP' | 'DOWN';

export interface ImapStatus {
  /** UNKNOWN until the first poll; DOWN while the server cannot be reached or refuses us. */
  state: ImapState;
  lastError: string | null;
  /** Failed polls in a row (the backoff grows with them). */
  failures: number;
  lastPollAt: Date | null;
  /** IMAP_IDLE: the watching connection waits for new letters. */
  watching: boolean;
}

export interface PollResult {
  /** Unseen letters looked at. */
  fetched: number;
  /** Filed and then marked (or moved). */
  filed: number;
  /** Not filed this time (left unseen, tried again on the next poll). */
  failed: number;
}

export interface ImapPoller {
  start(): void;
  /** Stops the timer and waits for a poll in progress. */
  stop(): Promise<void>;
  /** One poll now (after any poll in progress); rejects when the server cannot be used. */
  poll(): Promise<PollResult>;
  status(): ImapStatus;
}

/**
 * Incoming mail by polling an IMAP mailbox, the alternative to the built-in SMTP listener.
 * Each poll connects, takes the unseen letters of the folder (fetched with BODY.PEEK, so
 * reading does not mark them), hands each to `receive` and only after it returned marks the
 * letter \Seen or moves it to the done folder. A crash between filing and marking leaves the
 * letter unseen: the next poll hands it over again and `receiveMail` files it once (by its
 * Message-ID). A letter that fails to file stays unseen and is tried on the next poll. While
 * the server is down the poller logs it once, reports DOWN and retries with a growing pause.
 */
export function imapPoller(options: {
  settings: ImapSettings;
  logger: Logger;
  receive(letter: ParsedLetter): Promise<unknown>;
  /** Letters per poll. */
  batch?: number;
  /** Longest pause between polls while the server is down. */
  maxBackoffMs?: number;
  /** How long a stop waits for a poll in progress before cutting its connection. */
  stopGraceMs?: number;
}): ImapPoller {
  const { settings, logger } = options;
  const batch = options.batch ?? 50;
  const maxBackoffMs = Math.max(settings.intervalMs, options.maxBackoffMs ?? 15 * 60_000);
  const state: Omit<ImapStatus, 'watching'> = { state: 'UNKNOWN', lastError: null, failures: 0, lastPollAt: null };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  /** Set by stop(): a poll in progress finishes the letter in hand and goes. */
  let halting = false;
  let doneFolderReady = false;
  /** The connection of the poll in progress, closed by a stop that cannot wait for it. */
  let current: ImapFlow | undefined;
  /** A new letter was announced while a poll ran: poll again right after it. */
  let woken = false;
  const wake = () => {
    if (stopped) return;
    if (timer) {
      clearTimeout(timer);
      tick();
    } else woken = true;
  };
  const watcher = settings.idle
    ? imapWatcher({ connection: connection(settings.url), folder: settings.folder, logger, onNewMail: wake })
    : null;

  async function pollOnce(): Promise<PollResult> {
    // Loaded when IMAP_URL is set and the first poll runs, not at every start of the server.
    const { ImapFlow } = await import('imapflow');
    const client = new ImapFlow({ ...connection(settings.url), logger: false, disableAutoIdle: true });
    current = client;
    // A dropped connection is reported by the command that was running; this keeps the
    // emitter from throwing it a second time.
    client.on('error', (error: unknown) => logger.debug({ err: error }, 'imap connection error'));
    const result: PollResult = { fetched: 0, filed: 0, failed: 0 };
    try {
      await client.connect();
      if (settings.doneFolder && !doneFolderReady) {
        const exists = (await client.list()).some((box) => box.path === settings.doneFolder);
        if (!exists) await client.mailboxCreate(settings.doneFolder);
        doneFolderReady = true;
      }
      const lock = await client.getMailboxLock(settings.folder);
      try {
        const unseen = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of unseen.slice(0, batch)) {
          if (halting) break;
          result.fetched++;
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          const source = message ? message.source : undefined;
          if (!source) continue;
          try {
            await options.receive(await parseLetter(source));
          } catch (error) {
            result.failed++;
            logger.error({ err: error, uid }, 'a letter from the IMAP mailbox could not be filed; it stays unseen');
            continue;
          }
          // Filed: only now is the letter marked, so a crash before this line files it again (once).
          if (settings.doneFolder) await client.messageMove(String(uid), settings.doneFolder, { uid: true });
          else await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          result.filed++;
        }
      } finally {
        lock.release();
      }
      await client.logout();
      return result;
    } catch (error) {
      client.close();
      throw error;
    }
  }

  const poll = (): Promise<PollResult> => {
    const next = running
      .catch(() => undefined)
      .then(async () => {
        try {
          const result = await pollOnce();
          if (state.state === 'DOWN') logger.info({ failures: state.failures }, 'IMAP mailbox reachable again');
          Object.assign(state, { state: 'UP', lastError: null, failures: 0, lastPollAt: new Date() });
          if (!stopped) void watcher?.ensure();
          return result;
        } catch (error) {
          const message = describe(error);
          if (state.state !== 'DOWN') logger.warn({ err: error }, `IMAP mailbox unreachable: ${message}`);
          Object.assign(state, { state: 'DOWN', lastError: message, failures: state.failures + 1 });
          throw error;
        }
      });
    running = next;
    return next;
  };

  const schedule = () => {
    if (stopped) return;
    const delay =
      state.failures === 0
        ? settings.intervalMs
        : Math.min(maxBackoffMs, settings.intervalMs * 2 ** Math.min(state.failures, 20));
    timer = setTimeout(tick, delay);
    timer.unref();
  };
  const tick = () => {
    timer = undefined;
    poll()
      .then((result) => logger.debug({ result }, 'imap poll'))
      .catch(() => undefined)
      .finally(() => {
        if (woken && !stopped) {
          woken = false;
          tick();
        } else schedule();
      });
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      halting = false;
      tick();
    },
    async stop() {
      stopped = true;
      halting = true;
      watcher?.close();
      clearTimeout(timer);
      timer = undefined;
      // A poll ends after the letter in hand; one stuck on a server that does not answer is
      // cut off after a few seconds (safe: an unmarked letter is filed once on the next start).
      const done = running.catch(() => undefined);
      let wait: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        wait = setTimeout(() => resolve('late'), options.stopGraceMs ?? 5_000);
      });
      if ((await Promise.race([done, late])) === 'late') current?.close();
      clearTimeout(wait);
      await done;
    },
    poll,
    status: () => ({ ...state, watching: watcher?.watching() ?? false }),
  };
}

/** imapflow's connection options from the URL (user and password URL-encoded). */
export function connection(url: string) {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'imaps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) },
    connectionTimeout: 30_000,
    greetingTimeout: 16_000,
    socketTimeout: 5 * 60_000,
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = error as Error & { code?: string; responseText?: string };
  return [details.code, details.responseText ?? error.message].filter(Boolean).join(': ');
}

/** Whether the mailbox can be logged into and its folder opened (for `caredesk doctor`). */
export async function checkMailbox(settings: ImapSettings): Promise<{ ok: boolean; detail: string }> {
  const where = `${settings.url.replace(/\/\/[^@]*@/, '//***@')} ${settings.folder}`;
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({ ...connection(settings.url), logger: false, disableAutoIdle: true });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const status = await client.status(settings.folder, { messages: true, unseen: true });
    await client.logout();
    const counts = status || { unseen: 0, messages: 0 };
    return { ok: true, detail: `${where}: ${counts.unseen ?? 0} unseen of ${counts.messages ?? 0}` };
  } catch (error) {
    client.close();
    return { ok: false, detail: `${where}: ${describe(error)}` };
  }
}
