import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration from the environment', () => {
  it('should start on port 4000 with the SQLite file, in-process pub/sub and a localhost public URL by default', () => {
    const config = loadConfig({}, '/srv/desk');
    expect(config).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      database: { provider: 'sqlite', file: '/srv/desk/data/caredesk.db' },
      redisUrl: null,
      publicUrl: 'http://localhost:4000',
      logLevel: 'info',
      shutdownTimeoutMs: 10_000,
      attachmentsDir: '/srv/desk/data/attachments',
      secretKey: null,
      uploadLimits: { maxFileBytes: 5 * 1024 * 1024, maxRequestBytes: 5.5 * 1024 * 1024, maxFiles: 10 },
    });
  });

  it('should refuse a short SECRET_KEY', () => {
    expect(() => loadConfig({ SECRET_KEY: 'short' })).toThrow(/SECRET_KEY must be at least 32 characters long/);
  });

  it('should take every documented variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://desk@db/desk?schema=studio',
      REDIS_URL: 'redis://cache:6379',
      PUBLIC_URL: 'https://desk.example/',
      LOG_LEVEL: 'warn',
      SHUTDOWN_TIMEOUT_MS: '2500',
      ATTACHMENTS_DIR: '/var/lib/caredesk/files',
      SECRET_KEY: 'k'.repeat(40),
      ATTACHMENT_MAX_BYTES: '1000000',
      UPLOAD_MAX_BYTES: '2000000',
      UPLOAD_MAX_FILES: '3',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      database: { provider: 'postgresql', url: 'postgres://desk@db/desk', schema: 'studio' },
      redisUrl: 'redis://cache:6379',
      publicUrl: 'https://desk.example',
      logLevel: 'warn',
      shutdownTimeoutMs: 2500,
      attachmentsDir: '/var/lib/caredesk/files',
      secretKey: 'k'.repeat(40),
      uploadLimits: { maxFileBytes: 1_000_000, maxRequestBytes: 2_000_000, maxFiles: 3 },
    });
  });

  it('should name each bad value with what it expected, all at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'localhost:6379',
        PUBLIC_URL: 'ftp://x',
        LOG_LEVEL: 'loud',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toEqual([
      'PORT must be a whole number from 0 to 65535, got "eighty"',
      'DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL), got "mysql://x"',
      'REDIS_URL must start with redis:// or rediss://, got "localhost:6379"',
      'PUBLIC_URL must be an http:// or https:// address, got "ftp://x"',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ]);
  });

  it('should refuse a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be a whole number from 0 to 65535, got "70000"/);
  });
});
