// Packages the benchmarks need that only the workspace packages depend on (the root package
// cannot be changed from bench/): loaded through those packages, typed here as far as used.
import { createRequire } from 'node:module';

const fromServer = createRequire(new URL('../../packages/server/package.json', import.meta.url));
const fromSchema = createRequire(new URL('../../packages/schema/package.json', import.meta.url));

export interface Sink {
  next(value: unknown): void;
  error(error: unknown): void;
  complete(): void;
}

export interface WsClient {
  subscribe(payload: { query: string; variables?: Record<string, unknown> }, sink: Sink): () => void;
  dispose(): void | Promise<void>;
}

export interface WsClientOptions {
  url: string;
  webSocketImpl: unknown;
  lazy?: boolean;
  /** With `lazy`: how long the socket stays open after the last operation ends. */
  lazyCloseTimeout?: number;
  retryAttempts?: number;
  connectionAckWaitTimeout?: number;
  connectionParams?: Record<string, unknown>;
  onNonLazyError?: (error: unknown) => void;
  on?: { connected?: () => void; closed?: (event: unknown) => void; error?: (error: unknown) => void };
}

/** graphql-ws's `createClient`, and the `ws` WebSocket to give it as `webSocketImpl` (or to speak over directly). */
export const createClient = (fromServer('graphql-ws') as { createClient(options: WsClientOptions): WsClient })
  .createClient;
export const WebSocket = fromServer('ws') as new (url: string, protocol: string) => WsSocket;

/** A `ws` socket, as far as the benchmarks use it directly. */
export interface WsSocket {
  send(data: string | Buffer): void;
  close(code?: number): void;
  on(event: 'open', listener: () => void): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'close', listener: (code: number) => void): void;
}

export interface SqliteStatement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
}

export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  pragma(source: string): unknown;
  close(): void;
}

/** better-sqlite3's Database constructor. */
export const BetterSqlite = fromSchema('better-sqlite3') as new (file: string) => SqliteDatabase;
