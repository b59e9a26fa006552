/**
 * Who has a ticket open and who is typing a reply: ephemeral state built from signals that
 * every open ticket view sends through the event bus (so it holds across instances). Pure:
 * the clock is passed in.
 */

export type PresenceSignal =
  /** A view opened (others answer with `here`, so the newcomer learns who is there). */
  | { kind: 'join'; presenceId: string; staffId: string }
  /** A view is still open (sent every heartbeat). */
  | { kind: 'here'; presenceId: string; staffId: string }
  /** A view closed. */
  | { kind: 'left'; presenceId: string; staffId: string }
  /** A staff member is typing a reply, until `until` (epoch ms) unless renewed; 0 stops. */
  | { kind: 'typing'; staffId: string; until: number };

export interface PresenceState {
  views: Map<string, { staffId: string; seenAt: number }>;
  typing: Map<string, number>;
}

export const presenceTiming = {
  /** Each open view says so this often… */
  heartbeatMs: 5_000,
  /** …and counts as gone (a crashed instance, a lost network) when silent this long. */
  silentMs: 15_000,
  /** A keystroke counts as typing for this long. */
  typingMs: 8_000,
};

export const emptyPresence = (): PresenceState => ({ views: new Map(), typing: new Map() });

/** Applies a signal; true when who is there or who is typing changed. */
export function applyPresence(state: PresenceState, signal: PresenceSignal, now: number): boolean {
  const before = presenceKey(state, now);
  if (signal.kind === 'left') state.views.delete(signal.presenceId);
  else if (signal.kind === 'typing') {
    if (signal.until > now) state.typing.set(signal.staffId, signal.until);
    else state.typing.delete(signal.staffId);
  } else state.views.set(signal.presenceId, { staffId: signal.staffId, seenAt: now });
  return presenceKey(state, now) !== before;
}

/** Forgets silent views and finished typing; true when that changed anything. */
export function prunePresence(state: PresenceState, now: number, silentMs = presenceTiming.silentMs): boolean {
  const before = presenceKey(state, now);
  for (const [id, view] of state.views) if (now - view.seenAt > silentMs) state.views.delete(id);
  for (const [staffId, until] of state.typing) if (until <= now) state.typing.delete(staffId);
  return presenceKey(state, now) !== before;
}

/** Each staff member with the ticket open (once, however many tabs), and whether typing. */
export function presentStaff(state: PresenceState, now: number): { staffId: string; typing: boolean }[] {
  const staff = [...new Set([...state.views.values()].map((v) => v.staffId))].sort();
  return staff.map((staffId) => ({ staffId, typing: (state.typing.get(staffId) ?? 0) > now }));
}

const presenceKey = (state: PresenceState, now: number) => JSON.stringify(presentStaff(state, now));

/** Presence on every ticket at once (the queue's view of it): one state per ticket with someone there. */
export type QueuePresenceState = Map<string, PresenceState>;

/** Applies a signal about one ticket; true when who is there or typing on it changed. */
export function applyQueuePresence(
  queue: QueuePresenceState,
  ticketId: string,
  signal: PresenceSignal,
  now: number,
): boolean {
  const state = queue.get(ticketId) ?? emptyPresence();
  const changed = applyPresence(state, signal, now);
  if (state.views.size > 0 || state.typing.size > 0) queue.set(ticketId, state);
  else queue.delete(ticketId);
  return changed;
}

/** Forgets silent views and finished typing on every ticket; the tickets where that changed anything. */
export function pruneQueuePresence(
  queue: QueuePresenceState,
  now: number,
  silentMs = presenceTiming.silentMs,
): string[] {
  const changed: string[] = [];
  for (const [ticketId, state] of queue) {
    if (prunePresence(state, now, silentMs)) changed.push(ticketId);
    if (state.views.size === 0 && state.typing.size === 0) queue.delete(ticketId);
  }
  return changed;
}
