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

  it('should trust no proxy by default, and take a hop count or a list of proxy addresses and networks', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8,loopback, fd00::/8 ' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'loopback',
      'fd00::/8',
    ]);
  });

  it('should refuse TRUST_PROXY=true, which trusted what clients write, and explain the forms that replace it', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(
      'TRUST_PROXY=true is no longer accepted (it trusted any X-Forwarded-For a client sends): set false, a number of proxies in front (e.g. 1), or the proxies’ addresses and networks (e.g. 127.0.0.1,10.0.0.0/8 or loopback,uniquelocal)',
    );
  });

  it('should name the TRUST_PROXY entries that are not addresses or networks', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/8,proxy.internal,10.0.0.0/40,10' })).toThrow(
      /not an address or network: "proxy.internal", "10.0.0.0\/40", "10"$/m,
    );
    expect(() => loadConfig({ TRUST_PROXY: '11' })).toThrow(/TRUST_PROXY must be a number of proxies from 0 to 10/);
  });

  it('should cap WebSocket connections per address and subscriptions per connection, and check the caps', () => {
    expect(loadConfig({}).webSockets).toEqual({
      maxConnectionsPerAddress: 20,
      maxConnections: 10_000,
      maxSubscriptionsPerConnection: 50,
    });
    expect(
      loadConfig({
        WS_MAX_CONNECTIONS_PER_IP: '5',
        WS_MAX_CONNECTIONS: '100',
        WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '7',
      }).webSockets,
    ).toEqual({ maxConnectionsPerAddress: 5, maxConnections: 100, maxSubscriptionsPerConnection: 7 });
    expect(() => loadConfig({ WS_MAX_CONNECTIONS_PER_IP: '0', WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: 'many' })).toThrow(
      /WS_MAX_CONNECTIONS_PER_IP must be a whole number from 1 to 100000, got "0"\n.*WS_MAX_SUBSCRIPTIONS_PER_CONNECTION must be a whole number from 1 to 10000, got "many"/,
    );
  });
});
