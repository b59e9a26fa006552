import { readMigrationFiles } from '@caredesk/schema/db';
import { createTestDatabase, describeEachDatabase } from '@caredesk/schema/testing';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describeEachDatabase('health endpoints', (provider) => {
  let testApp: TestApp | undefined;
  afterEach(async () => {
    await testApp?.close();
    testApp = undefined;
  });

  it('should answer /healthz while the process is up', async () => {
    testApp = await createTestApp(provider);
    const response = await testApp.app.yoga.fetch('http://localhost/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('should be ready when the database answers and every migration is applied', async () => {
    testApp = await createTestApp(provider);
    const response = await testApp.app.yoga.fetch('http://localhost/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, database: 'ok', migrations: 'ok' });
  });

  it('should not be ready while migrations are pending, and name them', async () => {
    const database = await createTestDatabase(provider, { migrated: false });
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url });
    const app = buildApp(config, { db: database.db, logger: pino({ level: 'silent' }) });
    try {
      const response = await app.yoga.fetch('http://localhost/readyz');
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body).toMatchObject({ ready: false, database: 'ok', migrations: 'pending' });
      expect(body.pending).toEqual(readMigrationFiles(provider).map((m) => m.name));
    } finally {
      await app.stop();
      await database.drop();
    }
  });
});

it('should not be ready when the database cannot be reached', async () => {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
  const app = buildApp(config, { logger: pino({ level: 'silent' }) });
  try {
    const response = await app.yoga.fetch('http://localhost/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ready: false, database: 'unreachable' });
  } finally {
    await app.stop();
  }
});
