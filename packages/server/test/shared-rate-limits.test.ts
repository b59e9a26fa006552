import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { anotherInstance, askCode } from './support/rate-limited-app.ts';
import { redisUnavailable, testRedisUrl } from './support/redis.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Under CI a missing Redis fails here instead of skipping.
const missing = await redisUnavailable();

describe.skipIf(Boolean(missing))(
  missing ? `rate limits shared through Redis (skipped: ${missing})` : 'rate limits shared through Redis',
  () => {
    describeEachDatabase('two instances and a restart', (provider) => {
      // Keys of their own, so test files running at once never count against each other.
      const prefix = `caredesk-test:${randomUUID()}`;
      const env = { REDIS_URL: testRedisUrl, RATE_LIMIT_KEY_PREFIX: prefix, RATE_LIMIT_SIGNIN_EMAIL: '5/600' };
      let t: TestApp;
      let b: App;
      const others: App[] = [];

      beforeAll(async () => {
        t = await createTestApp(provider, { env });
        b = anotherInstance(t, env);
        others.push(b);
      });
      afterAll(async () => {
        await Promise.all(others.map((app) => app.stop()));
        await t.close();
        const redis = new Redis(testRedisUrl);
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length > 0) await redis.del(...keys);
        await redis.quit();
      });

      it('should allow five sign-in codes per e-mail across both instances, and refuse the sixth on either', async () => {
        const email = 'shared@client.example';
        const a = t.app;
        const outcomes = [];
        for (const app of [a, b, a, b, a]) outcomes.push(await askCode(app, email));
        expect(outcomes).toEqual(Array(5).fill({ sent: true }));
        for (const app of [a, b]) {
          const refused = await askCode(app, email);
          expect(refused.code).toBe('RATE_LIMITED');
          expect(refused.retryAfterSeconds).toBeGreaterThan(500);
          expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600);
        }
        // Another address is counted on its own.
        expect(await askCode(b, 'other@client.example')).toEqual({ sent: true });
      });

      it('should still refuse after a restart: a new instance remembers the count', async () => {
        const email = 'restart@client.example';
        for (let i = 0; i < 5; i++) expect(await askCode(t.app, email)).toEqual({ sent: true });
        await b.stop();
        others.splice(others.indexOf(b), 1);
        const restarted = anotherInstance(t, env);
        others.push(restarted);
        expect((await askCode(restarted, email)).code).toBe('RATE_LIMITED');
      });

      it('should count fifty attempts sent at once to two instances exactly: five allowed in all', async () => {
        const email = 'burst@client.example';
        const c = anotherInstance(t, env);
        others.push(c);
        const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => askCode(i % 2 ? t.app : c, email)));
        expect(outcomes.filter((outcome) => outcome.sent)).toHaveLength(5);
        expect(outcomes.filter((outcome) => outcome.code === 'RATE_LIMITED')).toHaveLength(45);
      });
    });
  },
);
