import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const hours = '{ workingHours { openNow nextOpening usualReaction { workingMinutes workingDays } } }';
type Hours = {
  workingHours: {
    openNow: boolean;
    nextOpening: string;
    usualReaction: { workingMinutes: number | null; workingDays: number | null };
  };
};

/** What the widget's greeting says: open now or when, and how soon the studio usually answers. */
describeEachDatabase('the working hours anyone may read', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let now = new Date('2026-12-07T08:00:00Z'); // Monday 11:00 in Moscow
  beforeAll(async () => {
    t = await createTestApp(provider, { now: () => now });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
  });
  afterAll(() => t.close());

  it('should tell an anonymous visitor that support works now, and answers within the next working day', async () => {
    const answer = await t.gql<Hours>(hours);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.workingHours).toEqual({
      openNow: true,
      nextOpening: '2026-12-07T08:00:00.000Z',
      usualReaction: { workingMinutes: null, workingDays: 1 },
    });
  });

  it('should tell a visitor on Saturday when support opens next', async () => {
    now = new Date('2026-12-05T12:00:00Z');
    const answer = await t.gql<Hours>(hours);
    expect(answer.data?.workingHours.openNow).toBe(false);
    // Monday 7 December, 10:00 in Moscow (the demo studio's hours).
    expect(answer.data?.workingHours.nextOpening).toBe('2026-12-07T07:00:00.000Z');
    now = new Date('2026-12-07T08:00:00Z');
  });

  it("should promise the studio's own reaction target for a normal request once an admin changes it", async () => {
    const changed = await t.gql<{ setSlaTargets: { __typename: string } }>(
      'mutation ($t: JSON!) { setSlaTargets(targets: $t) { __typename } }',
      { t: { priority: { NORMAL: { reaction: { workingMinutes: 120 } } } } },
      demo.adminToken,
    );
    expect(changed.errors).toBeUndefined();
    const answer = await t.gql<Hours>(hours);
    expect(answer.data?.workingHours.usualReaction).toEqual({ workingMinutes: 120, workingDays: null });
  });
});
