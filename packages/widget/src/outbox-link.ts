// Loaded only while a submission waits (or is about to): the outbox and its retries.
import { type CaredeskWidget, outboxFlag } from './caredesk-widget.ts';
import { recordSubmitted } from './form-actions.ts';
import type { Caller } from './graphql.ts';
import { WidgetError } from './graphql.ts';
import { outbox, type Pending } from './outbox.ts';
import { type Submitted, send } from './submitter.ts';

const started = new WeakMap<CaredeskWidget, () => Promise<void>>();

/**
 * Sends kept submissions now, when the browser comes back online, and every so often
 * (5 s doubling to 2 min) while the server is away.
 */
export function startOutbox(w: CaredeskWidget): () => Promise<void> {
  const known = started.get(w);
  if (known) return known;
  let wait = 5_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  // Asked while a pass runs (the "online" event mid-pass): one more pass right after it.
  let again = false;
  const flush = async () => {
    if (!w.siteKey) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    try {
      const done = await flushOutbox(w.caller, w.siteKey, (result) => {
        recordSubmitted(w, result, true);
        if (result.ticket) w.notice = w.t('sent', { n: result.ticket.displayNumber });
      });
      if (done) {
        wait = 5_000;
        localStorage.removeItem(outboxFlag);
      } else {
        timer = setTimeout(flush, wait);
        wait = Math.min(wait * 2, 120_000);
      }
    } catch {
      // IndexedDB unavailable: nothing was kept, so nothing to send.
    } finally {
      running = false;
      if (again) {
        again = false;
        void flush();
      }
    }
  };
  addEventListener('online', flush);
  started.set(w, flush);
  void flush();
  return flush;
}

/** Keeps a submission that could not be sent, and starts trying to send it. */
export async function keep(w: CaredeskWidget, pending: Pending): Promise<void> {
  await outbox.put(pending);
  localStorage.setItem(outboxFlag, '1');
  void startOutbox(w)();
}

const retryLater = new Set(['NETWORK', 'BUSY', 'RATE_LIMITED', 'ORIGIN_REFUSED']);

/**
 * Sends what the outbox holds for this site, oldest first, with each one's own key, and
 * reports each ticket created. Stops at the first network failure (the server is still away).
 */
async function flushOutbox(
  caller: Caller,
  siteKey: string,
  onSent: (result: Submitted, pending: Pending) => void,
): Promise<boolean> {
  for (const pending of await outbox.all(siteKey)) {
    // A contact's report goes with the session it was filed under (the server's idempotency
    // is per caller); if that session ended, with the contact signed in on this page now.
    const filedAs = { ...caller, token: pending.token ?? null };
    try {
      try {
        onSent(await send(filedAs, pending, () => {}), pending);
      } catch (error) {
        const expired = error instanceof WidgetError && error.code === 'UNAUTHENTICATED';
        if (!expired || !caller.token || caller.token === filedAs.token) throw error;
        onSent(await send(caller, pending, () => {}), pending);
      }
    } catch (error) {
      // Not filed, try later. An origin refusal is among them: when the connection comes back
      // between a failed request and the probe that tells a lost connection from a refused
      // origin, the probe gets through and says "refused"; dropping the report then would lose it.
      if (error instanceof WidgetError && retryLater.has(error.code)) return false;
      // Refused for good (e.g. a file the server rejects): nothing to retry.
    }
    await outbox.remove(pending.idempotencyKey);
  }
  return true;
}
