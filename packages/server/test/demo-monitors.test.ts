import { runCheck } from '@caredesk/schema/checks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo.ts';
import { seedDemoMonitors } from '../src/seed/demo-monitors.ts';
import { localNetworks } from './support/monitoring.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const env = { rdapBaseUrl: 'http://127.0.0.1:9', now: () => new Date(), allowedNetworks: localNetworks };

describe('the demo studio’s monitors', () => {
  let t: TestApp;
  let url = '';

  beforeAll(async () => {
    t = await createTestApp('sqlite', { env: { MONITORING_ENABLED: 'false' } });
    ({ url } = await t.app.start());
    await seedDemo(t.database.db, { publicUrl: url });
    expect(await seedDemoMonitors(t.database.db, url, localNetworks)).toBeNull();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should watch the running server itself: up while it answers, down once it stops', async () => {
    const monitors = await t.database.db.monitor.findMany({ include: { site: true }, orderBy: { name: 'asc' } });
    expect(monitors.map((m) => [m.name, m.kind, m.site.url])).toEqual([
      ['Demo page carries the widget', 'HTTP', 'https://flowers.example'],
      ['caredesk /healthz', 'HTTP', 'https://flowers.example'],
    ]);
    const outcomes = () => Promise.all(monitors.map(async (m) => (await runCheck(m, env)).outcome));
    expect(await outcomes()).toEqual(['UP', 'UP']);
    await t.app.stop();
    expect(await outcomes()).toEqual(['DOWN', 'DOWN']);
  });
});
