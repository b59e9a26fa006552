import type { Db } from '@caredesk/schema/db';
import type { EventBus, Topics } from '@caredesk/schema/graphql';
import { revocationChannel } from '@caredesk/schema/services';
import type { Plugin } from 'graphql-yoga';
import { intervalJob } from '../jobs/interval-job.ts';
import type { Logger } from '../logger.ts';
import { openSubscriptions } from './open-subscriptions.ts';
import { recheckOpenSubscriptions } from './recheck-credentials.ts';
import { useRevocableSubscriptions } from './use-revocable-subscriptions.ts';

/** What the app wires: the event bus to hand out, the yoga plugin, and start/stop. */
export interface AccessWatch<Bus extends EventBus> {
  /** The bus with revocations published here taking effect on this instance before they go out. */
  events: Bus;
  plugin: Plugin;
  /** Hears revocations from every instance and starts the periodic re-check. */
  start(): void;
  /** Calls `listener` on every revocation or credential change, announced here (at once) or elsewhere. */
  onCredentialsChanged(listener: () => void): void;
  stop(): Promise<void>;
}

/**
 * Ends open subscriptions when their credential stops being valid: at once when a revocation
 * is announced on the event bus (by this instance or any other), at the credential's expiry,
 * and otherwise at the next re-check of the database, every `recheckMs`.
 */
export function accessWatch<Bus extends EventBus>(deps: {
  events: Bus;
  db: Db;
  now: () => Date;
  logger: Logger;
  recheckMs: number;
}): AccessWatch<Bus> {
  const { db, now, logger } = deps;
  const open = openSubscriptions(now);
  const listeners: (() => void)[] = [];
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const events: Bus = {
    ...deps.events,
    publish(topic, key, payload) {
      // Synchronously, so that nothing published after the revocation reaches its subscriptions.
      if (topic === 'accessRevoked') open.revoke((payload as Topics['accessRevoked']).credentials);
      if (topic === 'accessRevoked' || topic === 'credentialsChanged') changed();
      deps.events.publish(topic, key, payload);
    },
  };
  const recheck = intervalJob(
    'subscription-recheck',
    deps.recheckMs,
    () => recheckOpenSubscriptions(db, open.list(), now()),
    logger,
  );
  const heard: AsyncIterator<unknown>[] = [];
  /** Hears a topic from every instance until stop. */
  const listen = <K extends 'accessRevoked' | 'credentialsChanged'>(topic: K, onEvent: (event: Topics[K]) => void) => {
    const iterator = deps.events.subscribe(topic, revocationChannel)[Symbol.asyncIterator]();
    heard.push(iterator);
    (async () => {
      for (let step = await iterator.next(); !step.done; step = await iterator.next()) onEvent(step.value);
    })().catch((error: unknown) => logger.error({ err: error, topic }, 'revocations: listening stopped'));
  };

  return {
    events,
    plugin: useRevocableSubscriptions(open),
    onCredentialsChanged(listener) {
      listeners.push(listener);
    },
    start() {
      listen('accessRevoked', (event) => {
        open.revoke(event.credentials);
        changed();
      });
      listen('credentialsChanged', changed);
      recheck.start();
    },
    async stop() {
      await recheck.stop();
      for (const iterator of heard) await iterator.return?.();
    },
  };
}
