import { createTestDatabase, describeEachDatabase, type TestDatabase } from '@caredesk/schema/testing';
import { afterEach, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo.ts';

describeEachDatabase('the demo data', (provider) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
  });

  it('should create two client organizations, three sites with widget keys, staff of every role and tickets in every status', async () => {
    database = await createTestDatabase(provider);
    const { db } = database;
    const credentials = await seedDemo(db, { publicUrl: 'http://localhost:4000' });
    expect(await db.organization.count()).toBe(2);
    const sites = await db.site.findMany();
    expect(sites).toHaveLength(3);
    expect(new Set(sites.map((s) => s.publicKey)).size).toBe(3);
    expect(credentials?.siteKeys.sort()).toEqual(sites.map((s) => s.publicKey).sort());
    const roles = (await db.staffMember.findMany()).map((s) => s.role).sort();
    expect(roles).toEqual(['ACCOUNTANT', 'ADMIN', 'HEAD', 'LINE1', 'LINE2', 'LINE3']);
    expect(credentials?.staff.map((s) => s.token).every((token) => /^cdk_/.test(token))).toBe(true);
    const statuses = await db.ticket.groupBy({ by: ['status'], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual([
      'ACCEPTED',
      'FEEDBACK',
      'IN_PROGRESS',
      'NEW',
      'PAID',
      'REJECTED',
      'RESOLVED',
    ]);
    expect(await db.ticket.count()).toBeGreaterThanOrEqual(12);
    const settings = await db.studioSettings.findUniqueOrThrow({ where: { id: 'studio' } });
    expect(settings.nextTicketNumber).toBe(1001 + (await db.ticket.count()));
  });

  it('should add nothing when the studio already exists', async () => {
    database = await createTestDatabase(provider);
    await seedDemo(database.db, { publicUrl: 'http://localhost:4000' });
    const tickets = await database.db.ticket.count();
    expect(await seedDemo(database.db, { publicUrl: 'http://localhost:4000' })).toBeNull();
    expect(await database.db.ticket.count()).toBe(tickets);
  });
});
