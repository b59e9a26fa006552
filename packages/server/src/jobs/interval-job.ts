import type { Logger } from '../logger.ts';

export interface Job {
  start(): void;
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `run` at start and then every `everyMs`, never two runs at once. The work itself
 * reads what is due from the database, so nothing is lost across restarts; a spread of
 * ±10 % keeps instances from running in lockstep.
 */
export function intervalJob(name: string, everyMs: number, run: () => Promise<unknown>, logger: Logger): Job {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = run()
      .then((result) => logger.debug({ job: name, result }, 'job ran'))
      .catch((error: unknown) => logger.error({ job: name, err: error }, 'job failed'))
      .finally(() => {
        running = undefined;
        schedule();
      });
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, everyMs * (0.9 + Math.random() * 0.2));
    timer.unref();
  };
  return {
    start() {
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
