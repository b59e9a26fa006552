import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const msk = (local: string) => new Date(`${local}+03:00`);
const staffTable = /FROM [`"](main|public)[`"]\.[`"]StaffMember[`"]/;

describeEachDatabase("the statistics page's queries", (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const queries: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(provider, { onQuery: (e) => queries.push(e.query) });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const { db } = t.database;
    const org = await db.organization.create({ data: { name: 'Много специалистов' } });
    const specialists = await db.staffMember.findMany({ where: { supportLine: { not: null } } });
    for (let i = 0; i < 4; i++)
      specialists.push(
        await db.staffMember.create({
          data: { name: `Специалист ${i}`, email: `s${i}@studio.example`, role: 'LINE1', supportLine: 1 },
        }),
      );
    await db.ticket.createMany({
      data: specialists.map((s, i) => ({
        number: 70_000 + i,
        title: `t${i}`,
        description: 'x',
        source: 'EMAIL' as const,
        status: 'NEW' as const,
        organizationId: org.id,
        assigneeId: s.id,
        createdAt: msk(`2025-10-${String(6 + i).padStart(2, '0')}T12:00`),
      })),
    });
  });
  afterAll(() => t.close());

  it('should read the specialists of the month in one query, however many there are', async () => {
    queries.length = 0;
    const head = demo.staff.find((s) => s.role === 'HEAD')?.token ?? '';
    const response = await t.gql<{
      specialistStatistics: { staff: { name: string }; statistics: { tickets: number } }[];
    }>('{ specialistStatistics(month: "2025-10") { line staff { id name } statistics { tickets } } }', {}, head);
    expect(response.errors).toBeUndefined();
    expect(response.data?.specialistStatistics.length).toBeGreaterThanOrEqual(7);
    expect(response.data?.specialistStatistics.every((s) => s.statistics.tickets === 1)).toBe(true);
    // One for the list (the signed-in staff member may add one of their own).
    expect(queries.filter((q) => staffTable.test(q)).length).toBeLessThanOrEqual(2);
  });
});
