import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createMonitorMutation, globalId } from './support/monitoring.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** A client site's public status page: off until staff turn it on, and nothing secret on it. */
describeEachDatabase('the public status page of a site', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let clock = new Date('2026-12-04T12:00:00Z');
  let site: { id: string; name: string; publicKey: string };
  const head = () => demo.staff.find((s) => s.role === 'HEAD')?.token ?? '';
  const secretUrl = 'https://shop.example/health?token=s3cr3t';

  beforeAll(async () => {
    t = await createTestApp(provider, { now: () => clock, env: { MONITORING_ENABLED: 'false' } });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    site = await t.database.db.site.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
    await t.database.db.monitor.deleteMany({ where: { siteId: site.id } });
    const created = await t.gql(
      createMonitorMutation,
      {
        input: {
          siteId: globalId('Site', site.id),
          name: 'Checkout',
          kind: 'HTTP',
          http: { url: secretUrl, headers: { authorization: 'Bearer hidden-header' } },
        },
      },
      head(),
    );
    expect(created.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  const open = (path: string, headers: Record<string, string> = {}) =>
    t.app.yoga.fetch(`http://localhost${path}`, { headers });
  const turn = (statusPage: boolean, token = head()) =>
    t.gql<{ updateSite: { __typename: string; site?: { statusPage: boolean } } }>(
      'mutation ($i: UpdateSiteInput!) { updateSite(input: $i) { __typename ... on SitePayload { site { statusPage } } } }',
      { i: { siteId: globalId('Site', site.id), statusPage } },
      token,
    );

  it('should answer 404 alike for a site whose page is off and for a key that does not exist', async () => {
    const off = await open(`/status/${site.publicKey}`);
    const unknown = await open('/status/pk_no_such_site');
    expect([off.status, unknown.status]).toEqual([404, 404]);
    expect(await off.text()).toBe(await unknown.text());
  });

  it('should let only the head of support or an admin turn the page on', async () => {
    const line1 = demo.staff.find((s) => s.role === 'LINE1')?.token ?? '';
    expect((await turn(true, line1)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await open(`/status/${site.publicKey}`)).status).toBe(404);
    expect((await turn(true)).data?.updateSite.site).toEqual({ statusPage: true });
  });

  it("should show the site's monitors, their state and uptime, in Russian or English, and no secret", async () => {
    const ru = await open(`/status/${site.publicKey}`);
    expect(ru.status).toBe(200);
    expect(ru.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const page = await ru.text();
    expect(page).toContain(`<title>${site.name}: состояние</title>`);
    expect(page).toContain('<b>Checkout</b>');
    expect(page).toContain('Проверяется');
    for (const secret of ['s3cr3t', 'shop.example/health', 'hidden-header', site.id])
      expect(page).not.toContain(secret);
    const en = await (await open(`/status/${site.publicKey}`, { 'accept-language': 'en-GB,en;q=0.9' })).text();
    expect(en).toContain('Uptime: 24 h');
  });

  it('should stop showing the page within 15 seconds of it being turned off', async () => {
    expect((await turn(false)).data?.updateSite.site).toEqual({ statusPage: false });
    clock = new Date(clock.getTime() + 16_000);
    expect((await open(`/status/${site.publicKey}`)).status).toBe(404);
  });
});
