import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface TargetInfo {
  port: number;
  /** `serve` mode: the port of the small control server (GET /memory). */
  controlPort?: number;
  token?: string;
  body?: string;
  /** `serve` mode with BENCH_SEED=1: the demo staff tokens by role. */
  tokens?: Record<string, string>;
}

export interface Target {
  child: ChildProcess;
  info: TargetInfo;
  /** Ends the process (SIGTERM, then SIGKILL after a grace time) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `bench/target-server.ts` in its own process (so the load generator does not share its
 * event loop) and resolves with the JSON line it prints once listening.
 */
export function startTarget(args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<Target> {
  // node --import tsx rather than the tsx CLI: one process, so the pid is the server's own.
  // BENCH_SERVER_NODE_FLAGS: node's own flags for the server alone (e.g. --max-semi-space-size=4).
  const flags = (process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'bench/target-server.ts', ...args], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`bench target ${args.join(' ')} did not start within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench target exited with ${code}`)));
    const stdout = child.stdout;
    if (!stdout) return reject(new Error('no stdout'));
    createInterface({ input: stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ child, info: JSON.parse(line) as TargetInfo, stop });
    });
  });
}

export interface MemoryReport {
  rss: number;
  heapUsed: number;
  external: number;
  /** Subscriptions the server's event bus has handed out since it started. */
  subscriptions: number;
}

/** Memory of a `serve` target after a full garbage collection, from its control port. */
export async function targetMemory(target: Target): Promise<MemoryReport> {
  const response = await fetch(`http://127.0.0.1:${target.info.controlPort}/memory`, {
    signal: AbortSignal.timeout(30_000),
  });
  return (await response.json()) as MemoryReport;
}

export interface LoopDelays {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
  /** The most CPU time the process used between two 1 ms ticks: the longest stall of its own making. */
  maxCpuMs: number;
  /**
   * The longest gap between two 1 ms ticks and, by the kernel's account of the loop's thread, the
   * time it ran in that gap and the time it was ready but waited for a core (NaN off Linux).
   */
  longest: { ms: number; runMs: number; waitMs: number };
  /** Garbage collections in the same time: the longest pause (and the longest full one), all pauses' sum and count. */
  gc: { maxMs: number; majorMaxMs: number; totalMs: number; count: number };
}

/** The event loop delays of a `serve` target since the previous call (the longest is its longest stall). */
export async function targetLoop(target: Target): Promise<LoopDelays> {
  const response = await fetch(`http://127.0.0.1:${target.info.controlPort}/loop`, {
    signal: AbortSignal.timeout(60_000),
  });
  return (await response.json()) as LoopDelays;
}

/** One GraphQL request over HTTP; throws on a non-2xx answer. */
export async function graphql<T = Record<string, unknown>>(
  port: number,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: T; errors?: { message: string }[] }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  return (await response.json()) as { data?: T; errors?: { message: string }[] };
}

/** The value below which `p` percent of the sorted values lie (nearest rank). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

export function sortedNumbers(values: Iterable<number>): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Resolves once `done()` holds, checking every `everyMs`; false when `timeoutMs` ran out first. */
export async function waitFor(done: () => boolean, timeoutMs: number, everyMs = 10): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return true;
}

export const ms = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** A Relay global id of a ticket, as the API hands it out. */
export const ticketGlobalId = (dbId: string) => Buffer.from(`Ticket:${dbId}`).toString('base64');
export const ticketDbId = (globalId: string) =>
  Buffer.from(globalId, 'base64')
    .toString()
    .replace(/^Ticket:/, '');
