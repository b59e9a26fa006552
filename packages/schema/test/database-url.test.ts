import { describe, expect, it } from 'vitest';
import { DatabaseUrlError, parseDatabaseUrl, redactUrl } from '../src/db/database-url.ts';

describe('DATABASE_URL', () => {
  it('should use the SQLite file ./data/caredesk.db when it is unset or empty', () => {
    expect(parseDatabaseUrl(undefined, '/srv/desk')).toEqual({
      provider: 'sqlite',
      file: '/srv/desk/data/caredesk.db',
    });
    expect(parseDatabaseUrl('  ', '/srv/desk')).toEqual({ provider: 'sqlite', file: '/srv/desk/data/caredesk.db' });
  });

  it('should resolve a relative file: URL against the working directory and keep an absolute one', () => {
    expect(parseDatabaseUrl('file:./db/x.db', '/srv')).toEqual({ provider: 'sqlite', file: '/srv/db/x.db' });
    expect(parseDatabaseUrl('file:/var/lib/caredesk.db', '/srv')).toEqual({
      provider: 'sqlite',
      file: '/var/lib/caredesk.db',
    });
    expect(parseDatabaseUrl('file:///var/lib/caredesk.db', '/srv')).toEqual({
      provider: 'sqlite',
      file: '/var/lib/caredesk.db',
    });
  });

  it('should read the PostgreSQL schema from ?schema= and default to public', () => {
    expect(parseDatabaseUrl('postgres://u:p@db:5432/desk')).toEqual({
      provider: 'postgresql',
      url: 'postgres://u:p@db:5432/desk',
      schema: 'public',
    });
    expect(parseDatabaseUrl('postgresql://db/desk?schema=tenant_1&sslmode=require')).toEqual({
      provider: 'postgresql',
      url: 'postgresql://db/desk?sslmode=require',
      schema: 'tenant_1',
    });
  });

  it('should refuse other schemes, empty file paths and unsafe schema names with a clear message', () => {
    expect(() => parseDatabaseUrl('mysql://db/desk')).toThrow(DatabaseUrlError);
    expect(() => parseDatabaseUrl('mysql://db/desk')).toThrow(/must start with file: \(SQLite\) or postgres:\/\//);
    expect(() => parseDatabaseUrl('file:')).toThrow(/needs a path/);
    expect(() => parseDatabaseUrl('postgres://db/desk?schema=a;drop')).toThrow(/plain identifier/);
  });

  it('should hide the password when the URL is shown', () => {
    expect(redactUrl('postgres://caredesk:s3cret@db:5432/desk')).toBe('postgres://caredesk:***@db:5432/desk');
    expect(parseDatabaseUrl.bind(null, 'mysql://root:s3cret@db/x')).toThrow(/root:\*\*\*@db/);
  });
});
