// The document-check worker's own thread (document-checker.ts starts it): it builds the schema
// from the SDL it is given and answers each `{id, text}` with `{id, verdict}`.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { checkDocument, checkingSchema, type Verdict } from './document-check.ts';
import type { QueryLimits } from './query-limits.ts';

const { sdl, limits } = workerData as { sdl: string; limits: QueryLimits };
const schema = checkingSchema(sdl);

/**
 * Public documents wait for the event loop, never the other way round: on a machine whose cores
 * are all busy, this thread gives way to the loop that answers everyone (staff among them). On
 * Linux a thread's id names that thread alone to setpriority; elsewhere it keeps the process's.
 */
function yieldToTheLoop(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, 10);
  } catch {
    // Not Linux, or not permitted: the checks run at the process's priority.
  }
}
yieldToTheLoop();

parentPort?.on('message', ({ id, text }: { id: number; text: string }) => {
  let verdict: Verdict;
  try {
    verdict = checkDocument(schema, text, limits);
  } catch {
    verdict = { kind: 'unchecked' };
  }
  parentPort?.postMessage({ id, verdict });
});
