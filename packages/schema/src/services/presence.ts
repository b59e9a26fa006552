import { randomUUID } from 'node:crypto';
import {
  applyPresence,
  emptyPresence,
  type PresenceSignal,
  presenceTiming,
  presentStaff,
  prunePresence,
} from '../domain/console/presence.ts';
import type { EventBus } from '../graphql/context.ts';

export type PresenceSnapshot = { ticketId: string; staff: { staffId: string; typing: boolean }[] };

/** Says that a staff member is typing a reply to a ticket (or, `typing` false, stopped). */
export function announceTyping(events: EventBus, ticketId: string, staffId: string, typing: boolean, now: number) {
  events.publish('ticketPresence', ticketId, {
    kind: 'typing',
    staffId,
    until: typing ? now + presenceTiming.typingMs : 0,
  });
}

/**
 * One open ticket view: announces the staff member on the ticket for as long as it is read,
 * and yields who is there (and typing) at once and after every change. Ending it (the client
 * unsubscribes or its socket closes) tells the others at once.
 */
export function ticketPresence(
  events: EventBus,
  ticketId: string,
  staffId: string,
  clock: () => number = Date.now,
  timing = presenceTiming,
): AsyncIterableIterator<PresenceSnapshot> {
  const presenceId = randomUUID();
  const state = emptyPresence();
  const pending: PresenceSignal[] = [];
  let wake: (() => void) | null = null;
  const nudge = () => {
    wake?.();
    wake = null;
  };
  const send = (kind: 'join' | 'here' | 'left') =>
    events.publish('ticketPresence', ticketId, { kind, presenceId, staffId });
  const snapshot = (): IteratorResult<PresenceSnapshot> => ({
    done: false,
    value: { ticketId, staff: presentStaff(state, clock()) },
  });
  const finished: IteratorResult<PresenceSnapshot> = { done: true, value: undefined };

  const signals = events.subscribe('ticketPresence', ticketId)[Symbol.asyncIterator]();
  let done = false;
  void (async () => {
    while (!done) {
      const next = await signals.next().catch(() => ({ done: true as const, value: undefined }));
      if (next.done) break;
      pending.push(next.value);
      nudge();
    }
  })();
  const heartbeat = setInterval(() => {
    send('here');
    nudge();
  }, timing.heartbeatMs);
  heartbeat.unref?.();
  applyPresence(state, { kind: 'join', presenceId, staffId }, clock());
  send('join');
  let first = true;

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (done) return finished;
      if (first) {
        first = false;
        return snapshot();
      }
      while (!done) {
        if (pending.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        if (done) break;
        let changed = prunePresence(state, clock(), timing.silentMs);
        for (const signal of pending.splice(0)) {
          // A newcomer learns who is already here from the answers.
          if (signal.kind === 'join' && signal.presenceId !== presenceId) send('here');
          changed = applyPresence(state, signal, clock()) || changed;
        }
        if (changed) return snapshot();
      }
      return finished;
    },
    async return() {
      if (!done) {
        done = true;
        clearInterval(heartbeat);
        send('left');
        nudge();
        await signals.return?.();
      }
      return finished;
    },
  };
}
