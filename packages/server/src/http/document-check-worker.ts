// The document-check worker's own thread (document-checker.ts starts it): it builds the schema
// from the SDL it is given and answers each `{id, text}` with `{id, verdict}`.
import { parentPort, workerData } from 'node:worker_threads';
import { checkDocument, checkingSchema, type Verdict } from './document-check.ts';
import type { QueryLimits } from './query-limits.ts';

const { sdl, limits } = workerData as { sdl: string; limits: QueryLimits };
const schema = checkingSchema(sdl);

parentPort?.on('message', ({ id, text }: { id: number; text: string }) => {
  let verdict: Verdict;
  try {
    verdict = checkDocument(schema, text, limits);
  } catch {
    verdict = { kind: 'unchecked' };
  }
  parentPort?.postMessage({ id, verdict });
});
