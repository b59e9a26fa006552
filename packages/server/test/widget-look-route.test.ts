import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('the site look the widget loader reads', () => {
  let t: TestApp;
  let siteKey: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    siteKey = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' }))?.siteKeys[0] ?? '';
  });
  afterAll(() => t.close());

  const look = (key: string, headers: Record<string, string> = {}) =>
    t.app.yoga.fetch(`http://localhost/widget/look?key=${encodeURIComponent(key)}`, { headers });

  it('should give any site the look set in the console, asked again on every page and 304 while it holds', async () => {
    await t.database.db.site.update({
      where: { publicKey: siteKey },
      data: { widgetSettings: { color: '#7a1f5c', position: 'bottom-left', launcherText: 'Помощь' } },
    });
    const first = await look(siteKey);
    expect(first.status).toBe(200);
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(await first.json()).toEqual({ color: '#7a1f5c', position: 'bottom-left', launcherText: 'Помощь' });
    const etag = first.headers.get('etag') ?? '';
    expect((await look(siteKey, { 'if-none-match': etag })).status).toBe(304);

    await t.database.db.site.update({ where: { publicKey: siteKey }, data: { widgetSettings: { color: '#1f5c7a' } } });
    const changed = await look(siteKey, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ color: '#1f5c7a', position: null, launcherText: null });
  });

  it('should answer 404 with nothing for an unknown or malformed key', async () => {
    for (const key of ['no-such-key', '', '<script>', 'x'.repeat(500)]) {
      const response = await look(key);
      expect(response.status, key).toBe(404);
      expect(await response.json()).toEqual({});
    }
  });
});
