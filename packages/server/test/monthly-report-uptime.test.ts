import { describeEachDatabase } from '@caredesk/schema/testing';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { signInContact } from './support/contact-sign-in.ts';
import { createMonitorMutation, globalId, rawId, startTargetSite, testScheduler } from './support/monitoring.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const msk = (local: string) => new Date(`${local}+03:00`);

/** A monitored site's month in the client's report: uptime through the API, and in the PDF. */
describeEachDatabase('uptime in the monthly report', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let site: Awaited<ReturnType<typeof startTargetSite>>;
  const mailer = memoryMailer();
  let clock = msk('2026-10-01T00:00');
  const now = () => clock;

  beforeAll(async () => {
    t = await createTestApp(provider, {
      now,
      mailer,
      env: { MONITORING_ENABLED: 'false', PUBLIC_URL: 'http://localhost' },
    });
    demo = (await seedDemo(t.database.db, {
      publicUrl: 'http://localhost',
      now: msk('2026-09-01T12:00'),
    })) as DemoCredentials;
    site = await startTargetSite();
  });
  afterAll(async () => {
    await site.close();
    await t.close();
  });

  it('should give the client the month’s uptime of a monitored site, the outage left out, in the API and the PDF', async () => {
    const { db } = t.database;
    const shop = await db.site.findFirstOrThrow({ where: { url: 'https://flowers.example' } });
    const head = demo.staff.find((s) => s.role === 'HEAD')?.token ?? '';
    const created = await t.gql<{ createMonitor: { monitor: { id: string } } }>(
      createMonitorMutation,
      {
        input: {
          siteId: globalId('Site', shop.id),
          name: 'Витрина',
          kind: 'HTTP',
          http: { url: `${site.url}/` },
          intervalSeconds: 3600,
          retryIntervalSeconds: 60,
        },
      },
      head,
    );
    const id = rawId(created.data?.createMonitor.monitor.id ?? '');
    const state = async () => (await db.monitor.findUniqueOrThrow({ where: { id } })).state;
    const scheduler = testScheduler(t, now);
    /** Checks as they fall due (every hour, every minute while unconfirmed) until the state is reached. */
    const checkUntil = async (wanted: string) => {
      for (let i = 0; i < 20 && (await state()) !== wanted; i++) {
        await scheduler.runDue();
        if ((await state()) === wanted) break;
        const { nextCheckAt } = await db.monitor.findUniqueOrThrow({ where: { id } });
        clock = new Date(Math.max(clock.getTime(), nextCheckAt.getTime()) + 1000);
      }
      expect(await state()).toBe(wanted);
    };
    await checkUntil('UP');
    // On 14 October the shop is down for the afternoon.
    clock = msk('2026-10-14T13:00');
    site.state.mode = 'fail';
    await checkUntil('DOWN');
    clock = msk('2026-10-14T18:00');
    site.state.mode = 'ok';
    await checkUntil('UP');
    await scheduler.stop();

    const outage = await db.monitorIncident.findFirstOrThrow({ where: { monitorId: id, kind: 'DOWN' } });
    const downMinutes = Math.round(((outage.endedAt?.getTime() ?? 0) - outage.startedAt.getTime()) / 60_000);
    expect(downMinutes).toBeGreaterThan(290);
    // Watched from the monitor's creation to the month's end (Moscow time).
    const watchedMinutes = (msk('2026-11-01T00:00').getTime() - msk('2026-10-01T00:00').getTime()) / 60_000;
    const expected = Math.round((1 - downMinutes / watchedMinutes) * 10_000) / 100;

    clock = msk('2026-11-03T10:00');
    const owner = await signInContact(t, mailer, 'owner@flowers.example');
    const answer = await t.gql<{
      monthlyReport: {
        uptime: { siteName: string; monitored: boolean; uptimePercent: number; downtimeMinutes: number }[];
        pdfUrl: string;
      };
    }>(
      'query ($o: ID!) { monthlyReport(organizationId: $o, month: "2026-10") { uptime { siteName monitored uptimePercent downtimeMinutes } pdfUrl } }',
      { o: globalId('Organization', shop.organizationId) },
      owner,
      { 'accept-language': 'ru' },
    );
    expect(answer.errors).toBeUndefined();
    const uptime = answer.data?.monthlyReport.uptime.find((u) => u.siteName === shop.name);
    expect(uptime).toEqual({
      siteName: shop.name,
      monitored: true,
      uptimePercent: expected,
      downtimeMinutes: downMinutes,
    });
    expect(expected).toBeLessThan(100);

    const pdf = await t.app.yoga.fetch(answer.data?.monthlyReport.pdfUrl ?? '');
    expect(pdf.status).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
    const text = (await parser.getText()).text.replace(/\u00a0/g, ' ');
    await parser.destroy();
    expect(text).toContain('Доступность сайтов');
    expect(text).toContain(`${shop.name} (${shop.url}): ${expected.toFixed(2).replace('.', ',')} %`);
  });
});
