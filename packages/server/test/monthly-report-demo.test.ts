import { newSecret } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const msk = (local: string) => new Date(`${local}+03:00`);
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

const query = `query ($org: ID!, $month: String!) { monthlyReport(organizationId: $org, month: $month) {
  tariffName works { ticketNumber } prepaid { includedMinutes drawnMinutes remainingMinutes carriesOverMinutes }
  lines { kind ticketNumber amountKopecks } totals { monthKopecks paidTicketsKopecks totalKopecks }
  invoices { number kind status totalKopecks } uptime { siteName monitored } } }`;

interface Report {
  tariffName: string;
  works: { ticketNumber: number }[];
  prepaid: Record<string, number> | null;
  lines: { kind: string; ticketNumber: number | null; amountKopecks: number }[];
  totals: { monthKopecks: number; paidTicketsKopecks: number; totalKopecks: number };
  invoices: { number: string; kind: string; status: string; totalKopecks: number }[];
  uptime: { siteName: string; monitored: boolean }[];
}

describeEachDatabase('the demo studio’s month', (provider) => {
  let t: TestApp;
  const now = msk('2026-11-20T12:00');
  const sessions: Record<string, string> = {};
  const orgs: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(provider, { now: () => now });
    await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000', now });
    for (const email of ['owner@flowers.example', 'owner@bikes.example']) {
      const contact = await t.database.db.contact.findUniqueOrThrow({ where: { email } });
      const s = newSecret('session');
      await t.database.db.session.create({
        data: { tokenHash: s.hash, contactId: contact.id, expiresAt: new Date('2030-01-01') },
      });
      sessions[email] = s.secret;
      orgs[email] = gid('Organization', contact.organizationId);
    }
  });
  afterAll(() => t.close());

  const report = async (email: string, month: string, as = email) => {
    const response = await t.gql<{ monthlyReport: Report }>(query, { org: orgs[email], month }, sessions[as]);
    return response;
  };
  const lines = (r: Report) => r.lines.map((l) => [l.kind, l.ticketNumber, l.amountKopecks]);

  it('should give the flower shop its months: October’s paid ticket, November’s fee for two months with hours to carry over', async () => {
    const october = (await report('owner@flowers.example', '2026-10')).data?.monthlyReport as Report;
    // "Новый раздел «Акции»" (#1011): 8 h at line 2 × 1.3 = 8,320 ₽, paid; the period's fee was in September.
    expect(lines(october)).toEqual([['PAID_TICKET', 1011, 832_000]]);
    expect(october.invoices).toEqual([{ number: 'T-1011', kind: 'TICKET', status: 'PAID', totalKopecks: 832_000 }]);
    const november = (await report('owner@flowers.example', '2026-11')).data?.monthlyReport as Report;
    expect(november.tariffName).toBe('Комплексный');
    expect(lines(november)).toEqual([['FEE', null, 840_000]]);
    // 385 billable minutes of free work on a 7-hour tariff: 35 left move to December (same period).
    expect(november.prepaid).toEqual({
      includedMinutes: 420,
      drawnMinutes: 385,
      remainingMinutes: 35,
      carriesOverMinutes: 35,
    });
    expect(november.works.map((w) => w.ticketNumber)).toEqual([1003, 1006, 1007, 1008, 1010, 1013]);
    expect(november.uptime.map((u) => u.siteName)).toEqual(['Магазин цветов', 'Блог о цветах']);
  });

  it('should give the bike rental its months on the "Actual" tariff: the minimum fee, then actual work', async () => {
    const october = (await report('owner@bikes.example', '2026-10')).data?.monthlyReport as Report;
    expect(lines(october)).toEqual([
      ['MINIMUM_FEE', null, 80_000],
      ['PAID_TICKET', 1009, 560_000],
      ['PAID_TICKET', 1012, 480_000],
    ]);
    expect(october.totals).toEqual({ monthKopecks: 80_000, paidTicketsKopecks: 1_040_000, totalKopecks: 1_120_000 });
    // The month-end run of the seed issued October's invoice; the paid tickets have theirs.
    expect(october.invoices.map((i) => [i.kind, i.status, i.totalKopecks])).toEqual(
      expect.arrayContaining([
        ['MONTHLY', 'ISSUED', 80_000],
        ['TICKET', 'ISSUED', 560_000],
        ['TICKET', 'PAID', 480_000],
      ]),
    );
    const november = (await report('owner@bikes.example', '2026-11')).data?.monthlyReport as Report;
    // 20 min at line 1 (166.67 ₽) and the HIGH emergency: 135 min at 800 ₽ × 1.3 (2,340 ₽).
    expect(lines(november)).toEqual([
      ['WORK', 1004, 16_667],
      ['WORK', 1005, 234_000],
    ]);
    expect(november.prepaid).toBeNull();
  });

  it('should make every demo report’s total the sum of its lines, and show each organization only its own', async () => {
    for (const email of Object.keys(orgs)) {
      for (const month of ['2026-09', '2026-10', '2026-11']) {
        const r = (await report(email, month)).data?.monthlyReport as Report;
        expect(r.totals.totalKopecks).toBe(r.lines.reduce((s, l) => s + l.amountKopecks, 0));
        expect(r.totals.monthKopecks + r.totals.paidTicketsKopecks).toBe(r.totals.totalKopecks);
      }
    }
    const crossed = await report('owner@flowers.example', '2026-11', 'owner@bikes.example');
    expect(crossed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(crossed.data?.monthlyReport ?? null).toBeNull();
  });
});
