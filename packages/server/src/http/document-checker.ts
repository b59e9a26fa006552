import { Worker } from 'node:worker_threads';
import { type GraphQLSchema, printSchema } from 'graphql';
import type { Verdict } from './document-check.ts';
import type { QueryLimits } from './query-limits.ts';
import { secondTimeCache } from './second-time-cache.ts';

/** Checks documents from anyone but staff away from the thread that serves requests. */
export interface DocumentChecker {
  check(text: string): Promise<Verdict>;
  /** Starts the worker now rather than with the first document (it builds its schema, ~0.2 s). */
  start(): void;
  /** How many documents the worker has answered about so far. */
  answered(): number;
}

export interface DocumentCheckerOptions {
  /** Documents waiting for the worker beyond which the next is answered `busy`. */
  maxWaiting: number;
  /** Valid documents remembered (the widget's own come back all day), each at most `cachedLength` long. */
  cacheEntries: number;
  cachedLength: number;
  /** Told once when the worker cannot be started or keeps failing; documents are then checked in place. */
  onFailure?: (error: unknown) => void;
}

export const documentCheckerDefaults: DocumentCheckerOptions = {
  maxWaiting: 256,
  cacheEntries: 1_000,
  cachedLength: 4_096,
};

/** Starts over after a worker's death at most this many times; then every document is checked in place. */
const maxStarts = 5;

/**
 * The worker's module: the compiled one beside this file in packages/server/dist, or the
 * TypeScript source loaded through tsx (tests, `pnpm dev`, the benchmarks).
 */
function workerSource(): string {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    return `import(${JSON.stringify(new URL('./document-check-worker.js', here).href)})`;
  }
  const worker = new URL('./document-check-worker.ts', here).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(worker)}, ${JSON.stringify(worker)}))`;
}

/**
 * One worker thread that parses, measures and validates documents from anyone but staff
 * (document-check.ts), so that no such document, however it is built, holds the event loop that
 * answers staff and executes everything. Valid documents up to `cachedLength` are remembered in a
 * small LRU from their second time: the widget's are checked twice, not per request. Not awaited
 * on the way out: the thread does not keep the process alive.
 */
export function workerDocumentChecker(
  schema: GraphQLSchema,
  limits: QueryLimits,
  options: DocumentCheckerOptions = documentCheckerDefaults,
): DocumentChecker {
  const sdl = printSchema(schema);
  // From a text's second valid verdict: a flood of valid texts, each new, would churn it (decision 22).
  const valid = secondTimeCache<true>(options.cacheEntries);
  const waiting = new Map<number, (verdict: Verdict) => void>();
  let worker: Worker | undefined;
  let starts = 0;
  let nextId = 0;
  let answered = 0;

  const answerAll = (verdict: Verdict) => {
    for (const answer of waiting.values()) answer(verdict);
    waiting.clear();
  };

  const start = (): Worker | undefined => {
    if (worker) return worker;
    if (starts >= maxStarts) return undefined;
    starts++;
    try {
      const started = new Worker(workerSource(), { eval: true, workerData: { sdl, limits } });
      started.unref();
      started.on('message', (message: { id: number; verdict: Verdict }) => {
        const answer = waiting.get(message.id);
        waiting.delete(message.id);
        answered++;
        answer?.(message.verdict);
      });
      started.on('error', (error) => {
        if (starts >= maxStarts) options.onFailure?.(error);
      });
      started.on('exit', () => {
        if (worker === started) worker = undefined;
        answerAll({ kind: 'unchecked' });
      });
      worker = started;
      return worker;
    } catch (error) {
      starts = maxStarts;
      options.onFailure?.(error);
      return undefined;
    }
  };

  const remember = (text: string) => {
    if (text.length <= options.cachedLength) valid.set(text, true);
  };

  return {
    start: () => void start(),
    answered: () => answered,
    check(text) {
      if (valid.get(text)) return Promise.resolve({ kind: 'valid' });
      if (waiting.size >= options.maxWaiting) return Promise.resolve({ kind: 'busy' });
      const thread = start();
      if (!thread) return Promise.resolve({ kind: 'unchecked' });
      const id = nextId++;
      return new Promise<Verdict>((resolve) => {
        waiting.set(id, (verdict) => {
          if (verdict.kind === 'valid') remember(text);
          resolve(verdict);
        });
        thread.postMessage({ id, text });
      });
    },
  };
}

const shared = new WeakMap<GraphQLSchema, DocumentChecker>();

/** One checker (one worker thread) per schema in a process, however many servers it runs. */
export function sharedDocumentChecker(
  schema: GraphQLSchema,
  limits: QueryLimits,
  onFailure?: (error: unknown) => void,
): DocumentChecker {
  let checker = shared.get(schema);
  if (!checker) {
    checker = workerDocumentChecker(schema, limits, {
      ...documentCheckerDefaults,
      ...(onFailure ? { onFailure } : {}),
    });
    shared.set(schema, checker);
  }
  return checker;
}
