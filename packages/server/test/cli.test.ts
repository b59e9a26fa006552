import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationStatus, readMigrationFiles } from '@caredesk/schema/db';
import { createTestDatabase, describeEachDatabase, emptyTarget, type TestDatabase } from '@caredesk/schema/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { createTestApp } from './support/test-app.ts';

describeEachDatabase('the caredesk command', (provider) => {
  const cleanUps: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanUp of cleanUps.splice(0)) await cleanUp();
  });
  const database = async (): Promise<TestDatabase> => {
    const made = await createTestDatabase(provider);
    cleanUps.push(made.drop);
    return made;
  };

  it('should apply every migration with `migrate` and then report the database up to date', async () => {
    const { target, url, cleanUp } = emptyTarget(provider);
    cleanUps.push(cleanUp);
    const first = await runCli(['migrate'], { DATABASE_URL: url });
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/^applied \d{14}_init/);
    expect((await migrationStatus(target)).upToDate).toBe(true);
    const again = await runCli(['migrate', '--status'], { DATABASE_URL: url });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('pending: none');
  });

  it('should install the Russian calendar, replace a year from a file, export it, and refuse a broken file', async () => {
    const { url } = await database();
    const installed = await runCli(['calendar', 'install', 'ru'], { DATABASE_URL: url });
    expect(installed).toMatchObject({ code: 0 });
    expect(installed.stdout).toContain('2025, 2026, 2027 in place');
    const dir = mkdtempSync(join(tmpdir(), 'caredesk-calendar-'));
    cleanUps.push(async () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'decree-2027.csv');
    writeFileSync(file, 'date;kind;note\n2027-01-11;HOLIDAY;перенос с 2 января\n2027-11-13;WORKDAY;\n');
    const replaced = await runCli(['calendar', 'import', file], { DATABASE_URL: url });
    expect(replaced.stdout).toContain('2 days of 2027 in place');
    const exported = await runCli(['calendar', 'export', '--from', '2027-01-01', '--to', '2027-12-31'], {
      DATABASE_URL: url,
    });
    expect(exported.stdout).toContain('DTSTART;VALUE=DATE:20270111');
    expect(exported.stdout).toContain('DTSTART;VALUE=DATE:20271113');
    // 2027's provisional May holidays were replaced with the year.
    expect(exported.stdout).not.toContain('20270503');
    writeFileSync(file, 'date,kind\n2027-02-30,HOLIDAY\n');
    const broken = await runCli(['calendar', 'import', file], { DATABASE_URL: url });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('line 2');
    // Four processes: on a busy machine that takes a while.
  }, 120_000);

  it('should print only the new secret when a staff member and then a token are created', async () => {
    const { db, url } = await database();
    const staff = await runCli(['staff', 'create', '--email', 'New.Agent@Studio.example', '--role', 'line2'], {
      DATABASE_URL: url,
    });
    expect(staff.code).toBe(0);
    expect(staff.stdout).toMatch(/^cdk_[A-Za-z0-9_-]{43}\n$/);
    const member = await db.staffMember.findUniqueOrThrow({ where: { email: 'new.agent@studio.example' } });
    expect(member).toMatchObject({ role: 'LINE2', supportLine: 2 });

    const token = await runCli(
      ['token', 'create', '--staff', 'new.agent@studio.example', '--scopes', 'tickets:read,monitoring:report'],
      { DATABASE_URL: url },
    );
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/^cdk_[A-Za-z0-9_-]{43}\n$/);
    const stored = await db.apiToken.findMany({ where: { staffId: member.id }, orderBy: { createdAt: 'asc' } });
    expect(stored).toHaveLength(2);
    expect(stored[1]?.scopes).toEqual(['tickets:read', 'monitoring:report']);
    // Only the hash is kept.
    expect(JSON.stringify(stored)).not.toContain(token.stdout.trim());
  });

  it('should refuse an unknown role, an unknown scope or an unknown staff member and create nothing', async () => {
    const { db, url } = await database();
    const role = await runCli(['staff', 'create', '--email', 'a@b.example', '--role', 'boss'], { DATABASE_URL: url });
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('unknown role "boss"');
    const scope = await runCli(['token', 'create', '--staff', 'a@b.example', '--scopes', 'everything'], {
      DATABASE_URL: url,
    });
    expect(scope.code).toBe(2);
    expect(scope.stderr).toContain('unknown scope everything');
    const who = await runCli(['token', 'create', '--staff', 'ghost@b.example', '--scopes', 'admin'], {
      DATABASE_URL: url,
    });
    expect(who.code).toBe(1);
    expect(who.stdout).toBe('');
    expect(await db.staffMember.count()).toBe(0);
    expect(await db.apiToken.count()).toBe(0);
  });
});

describe('caredesk doctor and configuration errors', () => {
  it('should report the database and migrations as reachable and exit 0', async () => {
    const t = await createTestApp('sqlite');
    try {
      const result = await runCli(['doctor'], { DATABASE_URL: t.database.url });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/ok\s+database\s+SQLite file/);
      expect(result.stdout).toMatch(new RegExp(`ok\\s+migrations\\s+${readMigrationFiles('sqlite').length} applied`));
    } finally {
      await t.close();
    }
  });

  it('should exit 1 from doctor when the database cannot be reached', async () => {
    const result = await runCli(['doctor'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL\s+database/);
  });

  it('should stop with exit code 2 and a clear message when a variable is wrong', async () => {
    const result = await runCli(['migrate'], { PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT must be a whole number from 0 to 65535, got "eighty"');
    expect(result.stderr).toContain('DATABASE_URL must start with file:');
  });
});
