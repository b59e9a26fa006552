import type { CredentialKey } from '@caredesk/schema/services';
import type { WatchedCredential } from './watched-credential.ts';

/** Why an open subscription was ended. */
export type EndReason = 'revoked' | 'expired';

/** One open subscription as the registry holds it. */
export interface OpenSubscription {
  readonly credential: WatchedCredential;
  /** True once ended: nothing may be delivered any more. */
  readonly ended: boolean;
  /** Ends it now (the periodic re-check uses this). */
  end(reason: EndReason): void;
  /** Forgets it without ending it: the subscription finished on its own. */
  release(): void;
}

// setTimeout holds at most 2^31-1 ms (about 24 days); a later expiry is re-armed when that passes.
const longestTimerMs = 2 ** 31 - 1;
// How long a revocation is remembered for subscriptions whose viewer was read before it but that
// register after it: they are set up within a request, so a couple of minutes is plenty.
const rememberRevocationsMs = 120_000;

/**
 * The subscriptions open on this instance, by the keys of their credentials. A revocation ends
 * those it names at once (a map lookup); a timer ends each at its credential's expiry.
 */
export function openSubscriptions(now: () => Date) {
  const byKey = new Map<CredentialKey, Set<OpenSubscription>>();
  // Key → performance.now() when the revocation was heard, oldest first.
  const heard = new Map<CredentialKey, number>();

  const forget = (entry: OpenSubscription) => {
    for (const key of entry.credential.keys) {
      const set = byKey.get(key);
      set?.delete(entry);
      if (set?.size === 0) byKey.delete(key);
    }
  };

  const pruneHeard = (at: number) => {
    for (const [key, when] of heard) {
      if (at - when <= rememberRevocationsMs) break;
      heard.delete(key);
    }
  };

  return {
    /** Registers a subscription; `onEnd` is called once if it is revoked or expires. */
    add(credential: WatchedCredential, onEnd: (reason: EndReason) => void): OpenSubscription {
      let ended = false;
      let timer: NodeJS.Timeout | undefined;
      const entry: OpenSubscription = {
        credential,
        get ended() {
          return ended;
        },
        end(reason) {
          if (ended) return;
          ended = true;
          clearTimeout(timer);
          forget(entry);
          onEnd(reason);
        },
        release() {
          clearTimeout(timer);
          forget(entry);
        },
      };
      const revokedSinceRead = credential.keys.some((key) => (heard.get(key) ?? -Infinity) >= credential.checkedAt);
      if (revokedSinceRead) {
        entry.end('revoked');
        return entry;
      }
      for (const key of credential.keys) {
        const set = byKey.get(key) ?? new Set();
        set.add(entry);
        byKey.set(key, set);
      }
      const { expiresAt } = credential;
      const arm = () => {
        if (!expiresAt || ended) return;
        const left = expiresAt.getTime() - now().getTime();
        if (left <= 0) return entry.end('expired');
        timer = setTimeout(arm, Math.min(left, longestTimerMs));
        timer.unref();
      };
      arm();
      return entry;
    },

    /** Ends every open subscription opened with one of these credentials, and remembers them a while. */
    revoke(keys: readonly CredentialKey[]) {
      const at = performance.now();
      pruneHeard(at);
      for (const key of keys) {
        heard.delete(key);
        heard.set(key, at);
        for (const entry of [...(byKey.get(key) ?? [])]) entry.end('revoked');
      }
    },

    /** Every open subscription, for the periodic re-check. */
    list(): OpenSubscription[] {
      return [...new Set([...byKey.values()].flatMap((set) => [...set]))];
    },
  };
}

export type OpenSubscriptions = ReturnType<typeof openSubscriptions>;
