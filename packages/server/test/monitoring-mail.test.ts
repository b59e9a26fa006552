import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createMonitorMutation, globalId, startTargetSite, testScheduler } from './support/monitoring.ts';
import { startSmtpSink } from './support/smtp-sink.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describeEachDatabase('Monitoring letters to staff over SMTP', (provider) => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let site: Awaited<ReturnType<typeof startTargetSite>>;
  let clock = new Date('2026-11-24T09:00:00Z');
  const now = () => clock;
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };
  let headEmail: string;
  let line1Email: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    site = await startTargetSite();
    t = await createTestApp(provider, {
      now,
      env: {
        SMTP_URL: sink.url,
        OUTBOX_INTERVAL_MS: '50',
        MAIL_FROM: 'Support <support@studio.example>',
        MONITORING_ENABLED: 'false',
      },
      outboxTiming: { leaseMs: 60_000, baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 5, digestEveryMs: 300 },
    });
    const demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const { db } = t.database;
    const head = await db.staffMember.findFirstOrThrow({ where: { role: 'HEAD' } });
    headEmail = head.email;
    const line1 = await db.staffMember.findFirstOrThrow({ where: { role: 'LINE1' } });
    line1Email = line1.email;
    await db.staffMember.update({ where: { id: line1.id }, data: { locale: 'en' } });
    await db.staffMember.update({ where: { id: head.id }, data: { locale: 'ru' } });
    const siteId = (await db.site.findFirstOrThrow({ orderBy: { createdAt: 'asc' } })).id;
    const token = demo.staff.find((s) => s.role === 'ADMIN')?.token;
    const created = await t.gql(
      createMonitorMutation,
      { input: { siteId: globalId('Site', siteId), name: 'Главная', kind: 'HTTP', http: { url: `${site.url}/` } } },
      token,
    );
    expect(created.errors).toBeUndefined();
    await t.app.start();
  });
  afterAll(async () => {
    await t.close();
    await site.close();
    await sink.close();
  });

  it('should e-mail the heads of support and line 1 when a site goes down and when it recovers, each in their language', async () => {
    const scheduler = testScheduler(t, now);
    await scheduler.runDue();
    advance(60);
    await scheduler.runDue();
    site.state.mode = 'fail';
    for (const seconds of [60, 20, 20]) {
      advance(seconds);
      await scheduler.runDue();
    }
    const kind = (letter: { mail: { headers: Map<string, unknown> } }) =>
      String(letter.mail.headers.get('x-caredesk-kind'));
    await sink.until((letters) => letters.filter((l) => kind(l) === 'MONITOR_DOWN').length >= 2);
    const down = sink.letters.filter((l) => kind(l) === 'MONITOR_DOWN');
    const toHead = down.find((l) => l.to.includes(headEmail));
    const toLine1 = down.find((l) => l.to.includes(line1Email));
    expect(toHead?.mail.subject).toMatch(/^\[#\d+\] Сайт недоступен: /);
    expect(toHead?.mail.text).toContain('HTTP 500');
    expect(toLine1?.mail.subject).toMatch(/^\[#\d+\] Site down: /);
    expect(toLine1?.mail.text).toContain('database connection refused');

    site.state.mode = 'ok';
    advance(60);
    await scheduler.runDue();
    advance(60);
    await scheduler.runDue();
    await sink.until((letters) => letters.filter((l) => kind(l) === 'MONITOR_RECOVERED').length >= 2);
    const recovered = sink.letters.filter((l) => kind(l) === 'MONITOR_RECOVERED');
    expect(recovered.find((l) => l.to.includes(headEmail))?.mail.text).toContain('простой 2 мин');
    expect(recovered.find((l) => l.to.includes(line1Email))?.mail.text).toContain('after 2 min of downtime');
  });
});
