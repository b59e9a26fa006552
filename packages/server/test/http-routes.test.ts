import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('the pages a person opens', () => {
  let t: TestApp;
  let siteKeys: string[];
  beforeAll(async () => {
    t = await createTestApp('sqlite', { env: { PUBLIC_URL: 'https://desk.studio.example' } });
    siteKeys = (await seedDemo(t.database.db, { publicUrl: 'https://desk.studio.example' }))?.siteKeys ?? [];
  });
  afterAll(() => t.close());

  it('should serve GraphiQL from this server, without a CDN, to a browser at /graphql', async () => {
    const response = await t.app.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('caredesk GraphiQL');
    expect(html).not.toContain('unpkg.com');
  });

  it('should send / to GraphiQL', async () => {
    const response = await t.app.yoga.fetch('http://localhost/', { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/graphql');
  });

  it('should show a demo client page that embeds the widget with one script tag and the first site key', async () => {
    const html = await (await t.app.yoga.fetch('http://localhost/demo')).text();
    expect(html).toContain(
      `<script src="https://desk.studio.example/widget.js" data-site-key="${siteKeys[0]}" async></script>`,
    );
  });

  it('should serve the built widget script', async () => {
    const response = await t.app.yoga.fetch('http://localhost/widget.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(await response.text()).toContain('caredesk-widget');
  });

  it('should let every site use a cached widget part: `*`, never one site’s origin, even when a site asks', async () => {
    const loader = await (await t.app.yoga.fetch('http://localhost/widget.js')).text();
    const part = loader.match(/widget\/main-[\w-]+\.js/)?.[0];
    expect(part).toBeDefined();
    const response = await t.app.yoga.fetch(`http://localhost/${part}`, {
      headers: { origin: 'https://flowers.example' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});
