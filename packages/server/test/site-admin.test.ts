import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describeEachDatabase('adding clients and their sites', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const head = () => demo.staff.find((s) => s.role === 'HEAD')?.token ?? '';

  beforeAll(async () => {
    t = await createTestApp(provider);
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
  });
  afterAll(() => t.close());

  it('should add an organization and a site whose widget key works from the site itself', async () => {
    const org = await t.gql<{ createOrganization: { organization: { id: string } } }>(
      'mutation { createOrganization(input: { name: "Пекарня", email: "Owner@Bakery.example" }) { ... on OrganizationPayload { organization { id } } } }',
      {},
      head(),
    );
    const organizationId = org.data?.createOrganization.organization.id;
    const site = await t.gql<{ createSite: { site: { publicKey: string; allowedOrigins: string[] } } }>(
      'mutation ($org: ID!) { createSite(input: { organizationId: $org, name: "Сайт", url: "https://Bakery.example/shop" }) { ... on SitePayload { site { publicKey allowedOrigins } } } }',
      { org: organizationId },
      head(),
    );
    expect(site.data?.createSite.site.allowedOrigins).toEqual(['https://bakery.example']);
    expect(site.data?.createSite.site.publicKey).toMatch(/^pk_[\w-]{24}$/);
  });

  it('should replace the allowed origins, and refuse a path, a wildcard or another scheme, changing nothing', async () => {
    const stored = await t.database.db.site.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
    const id = Buffer.from(`Site:${stored.id}`).toString('base64');
    const update = (origins: string[]) =>
      t.gql<{ updateSite: { site?: { allowedOrigins: string[] }; code?: string; field?: string; detail?: string } }>(
        'mutation ($id: ID!, $o: [String!]) { updateSite(input: { siteId: $id, allowedOrigins: $o }) { ... on SitePayload { site { allowedOrigins } } ... on DomainError { code field detail } } }',
        { id, o: origins },
        head(),
      );
    const ok = await update(['https://shop.example', 'http://localhost:5173', 'https://shop.example/']);
    expect(ok.data?.updateSite.site?.allowedOrigins).toEqual(['https://shop.example', 'http://localhost:5173']);
    for (const bad of ['https://shop.example/checkout', 'https://*.shop.example', 'ftp://shop.example', 'shop']) {
      const refused = await update([bad]);
      expect(refused.data?.updateSite).toMatchObject({ code: 'INVALID_INPUT', field: 'allowedOrigins' });
    }
    const after = await t.database.db.site.findUniqueOrThrow({ where: { id: stored.id } });
    expect(after.allowedOrigins).toEqual(['https://shop.example', 'http://localhost:5173']);
  });

  it('should keep a site’s widget look and put it in the embed snippet, and refuse a colour white text cannot be read on', async () => {
    const stored = await t.database.db.site.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
    const id = Buffer.from(`Site:${stored.id}`).toString('base64');
    type Look = { color: string | null; position: string | null; launcherText: string | null };
    const setLook = (look: Record<string, unknown>, token = head()) =>
      t.gql<{ updateSite: { site?: { widgetLook: Look; embedSnippet: string }; code?: string; field?: string } }>(
        'mutation ($id: ID!, $l: WidgetLookInput!) { updateSite(input: { siteId: $id, widgetLook: $l }) { ... on SitePayload { site { widgetLook { color position launcherText } embedSnippet } } ... on DomainError { code field } } }',
        { id, l: look },
        token,
      );
    const set = await setLook({ color: '#7A1F5C', position: 'BOTTOM_LEFT', launcherText: ' Помощь "24/7" ' });
    expect(set.data?.updateSite.site?.widgetLook).toEqual({
      color: '#7a1f5c',
      position: 'BOTTOM_LEFT',
      launcherText: 'Помощь "24/7"',
    });
    const snippet = set.data?.updateSite.site?.embedSnippet ?? '';
    expect(snippet).toMatch(/^<script src="http:\/\/localhost:\d+\/widget\.js" /);
    expect(snippet.replace(/^<script src="[^"]+"/, '<script src="SERVER/widget.js"')).toBe(
      `<script src="SERVER/widget.js" data-site-key="${stored.publicKey}" data-color="#7a1f5c" data-position="bottom-left" data-launcher-text="Помощь &quot;24/7&quot;" async></script>`,
    );
    for (const [look, field] of [
      [{ color: '#ffd700' }, 'widgetLook.color'],
      [{ color: 'red' }, 'widgetLook.color'],
      [{ launcherText: 'x'.repeat(41) }, 'widgetLook.launcherText'],
    ] as const)
      expect((await setLook(look)).data?.updateSite).toEqual({ code: 'INVALID_INPUT', field });
    const line1 = demo.staff.find((s) => s.role === 'LINE1')?.token ?? '';
    expect((await setLook({ color: '#000000' }, line1)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const after = await t.database.db.site.findUniqueOrThrow({ where: { id: stored.id } });
    expect(after.widgetSettings).toEqual({ color: '#7a1f5c', position: 'bottom-left', launcherText: 'Помощь "24/7"' });
  });
});
