import type { ImapFlow } from 'imapflow';
import type { Logger } from '../logger.ts';

export interface ImapWatcher {
  /** Opens the watching connection unless it is open (called after each successful poll). */
  ensure(): Promise<void>;
  /** True while the connection waits in IDLE for new letters. */
  watching(): boolean;
  close(): void;
}

/**
 * A second connection that waits in IMAP IDLE on the folder (read-only) and calls `onNewMail`
 * when the server announces a new letter, so the poller fetches it at once instead of at the
 * next interval. It only wakes the poller: filing and marking stay the poller's. A dropped
 * connection is opened again after the next successful poll.
 */
export function imapWatcher(options: {
  /** imapflow's connection options (host, port, secure, auth, timeouts). */
  connection: ConstructorParameters<typeof ImapFlow>[0];
  folder: string;
  logger: Logger;
  onNewMail(): void;
}): ImapWatcher {
  let client: ImapFlow | undefined;
  let idling = false;
  let closed = false;
  return {
    async ensure() {
      if (client || closed) return;
      // Loaded here, as in the poller: only a server reading a mailbox needs it.
      const { ImapFlow } = await import('imapflow');
      // Another ensure() may have opened it while this one waited.
      if (client || closed) return;
      // IDLE is renewed every 4 minutes: before the 5-minute socket timeout and idle NAT limits.
      const watcher = new ImapFlow({ ...options.connection, logger: false, maxIdleTime: 4 * 60_000 });
      client = watcher;
      watcher.on('error', (error: unknown) => options.logger.debug({ err: error }, 'imap watcher error'));
      watcher.on('close', () => {
        if (client === watcher) client = undefined;
        idling = false;
      });
      watcher.on('exists', () => options.onNewMail());
      try {
        await watcher.connect();
        await watcher.mailboxOpen(options.folder, { readOnly: true });
        if (closed) return watcher.close();
        idling = true;
        // Resolves when IDLE ends (a command, the connection closing); imapflow restarts it.
        void watcher.idle().catch(() => undefined);
      } catch (error) {
        options.logger.debug({ err: error }, 'imap watcher could not start');
        if (client === watcher) client = undefined;
        idling = false;
        watcher.close();
      }
    },
    watching: () => idling && client !== undefined,
    close() {
      closed = true;
      client?.close();
      client = undefined;
      idling = false;
    },
  };
}
