import { randomUUID } from 'node:crypto';
import {
  applyPresence,
  applyQueuePresence,
  emptyPresence,
  type PresenceSignal,
  presenceTiming,
  presentStaff,
  prunePresence,
  pruneQueuePresence,
  type QueuePresenceState,
} from '../domain/console/presence.ts';
import type { EventBus } from '../graphql/context.ts';

export type PresenceSnapshot = { ticketId: string; staff: { staffId: string; typing: boolean }[] };

/** Sends a signal to the ticket's open views and to every open queue. */
function publishPresence(events: EventBus, ticketId: string, signal: PresenceSignal) {
  events.publish('ticketPresence', ticketId, signal);
  events.publish('queuePresence', 'all', { ticketId, signal });
}

/** Says that a staff member is typing a reply to a ticket (or, `typing` false, stopped). */
export function announceTyping(events: EventBus, ticketId: string, staffId: string, typing: boolean, now: number) {
  publishPresence(events, ticketId, {
    kind: 'typing',
    staffId,
    until: typing ? now + presenceTiming.typingMs : 0,
  });
}

/** Reads an event stream in the background, handing each event on; `stop` ends it. */
function pump<T>(source: AsyncIterable<T>, onEvent: (event: T) => void) {
  const iterator = source[Symbol.asyncIterator]();
  let stopped = false;
  void (async () => {
    while (!stopped) {
      const next = await iterator.next().catch(() => ({ done: true as const, value: undefined }));
      if (next.done || stopped) break;
      onEvent(next.value);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await iterator.return?.();
    },
  };
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
  const send = (kind: 'join' | 'here' | 'left') => publishPresence(events, ticketId, { kind, presenceId, staffId });
  /** Answers a newcomer (a view or a queue): here, and typing if this staff member is. */
  const answer = () => {
    send('here');
    const until = state.typing.get(staffId) ?? 0;
    if (until > clock()) publishPresence(events, ticketId, { kind: 'typing', staffId, until });
  };
  const snapshot = (): IteratorResult<PresenceSnapshot> => ({
    done: false,
    value: { ticketId, staff: presentStaff(state, clock()) },
  });
  const finished: IteratorResult<PresenceSnapshot> = { done: true, value: undefined };

  const signals = pump(events.subscribe('ticketPresence', ticketId), (signal) => {
    pending.push(signal);
    nudge();
  });
  // A queue that opens asks who is where; every open view answers at once.
  const rollCalls = pump(events.subscribe('presenceRollCall', 'all'), answer);
  let done = false;
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
          if (signal.kind === 'join' && signal.presenceId !== presenceId) answer();
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
        await Promise.all([signals.stop(), rollCalls.stop()]);
      }
      return finished;
    },
  };
}

/**
 * The queue's view of presence: who has which ticket open and who is typing, across every
 * ticket. Yields one ticket's presence each time it changes (an empty list when the last one
 * left). Opening it asks every open ticket view to answer, so the queue learns at once who is
 * already where; views that go silent are forgotten within `silentMs`.
 */
export function queuePresence(
  events: EventBus,
  clock: () => number = Date.now,
  timing = presenceTiming,
  tickMs = 1_000,
): AsyncIterableIterator<PresenceSnapshot> {
  const state: QueuePresenceState = new Map();
  const changed = new Set<string>();
  let wake: (() => void) | null = null;
  const nudge = () => {
    wake?.();
    wake = null;
  };
  const signals = pump(events.subscribe('queuePresence', 'all'), ({ ticketId, signal }) => {
    if (applyQueuePresence(state, ticketId, signal, clock())) changed.add(ticketId);
    nudge();
  });
  // Typing runs out and silent views go without a signal: look every tick.
  const tick = setInterval(() => {
    for (const ticketId of pruneQueuePresence(state, clock(), timing.silentMs)) changed.add(ticketId);
    nudge();
  }, tickMs);
  tick.unref?.();
  events.publish('presenceRollCall', 'all', { at: clock() });
  let done = false;
  const finished: IteratorResult<PresenceSnapshot> = { done: true, value: undefined };

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      while (!done) {
        const [ticketId] = changed;
        if (ticketId !== undefined) {
          changed.delete(ticketId);
          const ticket = state.get(ticketId);
          return { done: false, value: { ticketId, staff: ticket ? presentStaff(ticket, clock()) : [] } };
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
      return finished;
    },
    async return() {
      if (!done) {
        done = true;
        clearInterval(tick);
        nudge();
        await signals.stop();
      }
      return finished;
    },
  };
}
