import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { globalId } from './support/monitoring.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

type Outcome = { __typename: string; code?: string; detail?: string; maintenanceWindow?: { endsAt: string } };

/** "End early" on the monitoring board: the work finished before the window did. */
describeEachDatabase('ending a maintenance window early', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const now = new Date('2026-12-04T12:00:00Z');
  let siteId = '';
  const head = () => demo.staff.find((s) => s.role === 'HEAD')?.token ?? '';

  beforeAll(async () => {
    t = await createTestApp(provider, { now: () => now, env: { MONITORING_ENABLED: 'false' } });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    siteId = globalId('Site', (await t.database.db.site.findFirstOrThrow()).id);
  });
  afterAll(() => t.close());

  const create = async (startsAt: string, endsAt: string) => {
    const answer = await t.gql<{ createMaintenanceWindow: { maintenanceWindow: { id: string } } }>(
      'mutation ($i: CreateMaintenanceWindowInput!) { createMaintenanceWindow(input: $i) { ... on MaintenanceWindowPayload { maintenanceWindow { id } } } }',
      { i: { title: 'Hosting move', siteId, startsAt, endsAt } },
      head(),
    );
    return answer.data?.createMaintenanceWindow.maintenanceWindow.id ?? '';
  };
  const end = async (id: string, token = head()) =>
    (
      await t.gql<{ endMaintenanceWindow: Outcome }>(
        `mutation ($id: ID!) { endMaintenanceWindow(id: $id) { __typename
          ... on MaintenanceWindowPayload { maintenanceWindow { endsAt } } ... on DomainError { code detail } } }`,
        { id },
        token,
      )
    ).data?.endMaintenanceWindow;

  it('should end a window that has started at this moment, and refuse to end it twice', async () => {
    const id = await create('2026-12-04T11:00:00Z', '2026-12-04T14:00:00Z');
    expect(await end(id)).toEqual({
      __typename: 'MaintenanceWindowPayload',
      maintenanceWindow: { endsAt: '2026-12-04T12:00:00.000Z' },
    });
    expect(await end(id)).toMatchObject({ code: 'INVALID_INPUT', detail: 'the window is over already' });
  });

  it('should refuse to end a window that has not started, and leave it as it was', async () => {
    const id = await create('2026-12-05T01:00:00Z', '2026-12-05T03:00:00Z');
    expect(await end(id)).toMatchObject({
      code: 'INVALID_INPUT',
      detail: 'the window has not started: delete it instead',
    });
    const stored = await t.database.db.maintenanceWindow.findUniqueOrThrow({ where: { id } });
    expect(stored.endsAt?.toISOString()).toBe('2026-12-05T03:00:00.000Z');
  });

  it('should answer NOT_FOUND for a window that does not exist', async () => {
    expect(await end('no-such-window')).toMatchObject({ code: 'NOT_FOUND' });
  });
});
