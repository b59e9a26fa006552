import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DbOptions } from '@caredesk/schema/db';
import type { Mailer, OutboxTiming } from '@caredesk/schema/services';
import { createTestDatabase, type Provider, type TestDatabase } from '@caredesk/schema/testing';
import pino from 'pino';
import { type App, buildApp, type ClosableEventBus } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

export interface TestApp {
  app: App;
  database: TestDatabase;
  /** This app's own attachments folder. */
  attachmentsDir: string;
  /** Runs an operation through yoga.fetch, without a socket. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** An app on a fresh, migrated database of the given provider, logging nothing. */
export async function createTestApp(
  provider: Provider,
  options: {
    env?: Record<string, string>;
    onQuery?: (event: { query: string }) => void;
    now?: () => Date;
    mailer?: Mailer;
    /** The app's event bus (default: in-process), e.g. one that tells when subscribers listen. */
    events?: ClosableEventBus;
    outboxTiming?: OutboxTiming;
    /** The database client's pool and transaction limits (the server reads them from DATABASE_*). */
    databaseOptions?: DbOptions;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(provider, { onQuery: options.onQuery, ...options.databaseOptions });
  // A data folder of its own, as ./data is for a server: attachments, and the generated key.
  const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-data-'));
  const attachmentsDir = join(dataDir, 'attachments');
  mkdirSync(attachmentsDir);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    ATTACHMENTS_DIR: attachmentsDir,
    // The sites the monitoring tests watch listen on this machine (the SSRF tests set it empty).
    MONITOR_ALLOW_NETWORKS: '127.0.0.0/8, ::1',
    ...options.env,
  });
  const app = buildApp(config, {
    db: database.db,
    logger: pino({ level: 'silent' }),
    ...(options.now ? { now: options.now } : {}),
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.events ? { events: options.events } : {}),
    ...(options.outboxTiming ? { outboxTiming: options.outboxTiming } : {}),
  });
  return {
    app,
    database,
    attachmentsDir,
    async gql(query, variables, token, headers = {}) {
      const response = await app.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    async close() {
      await app.stop();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
