import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { anotherInstance } from './support/rate-limited-app.ts';
import { redisUnavailable, testRedisUrl } from './support/redis.ts';
import { errorOf, globalId, noteBody, revocationFixture } from './support/revocation-fixture.ts';

// Under CI a missing Redis fails here instead of skipping.
const missing = await redisUnavailable();

describe.skipIf(Boolean(missing))(
  missing ? `revocation across instances (skipped: ${missing})` : 'revocation across instances',
  () => {
    describeEachDatabase('a credential revoked on one instance', (provider) => {
      const env = { REDIS_URL: testRedisUrl };
      const f = revocationFixture(provider, env);
      let b: App;

      beforeAll(async () => {
        b = anotherInstance(f.t, env);
        await b.start();
      });
      afterAll(() => b.stop());

      /** Runs an operation on instance B, as a second server behind the balancer would. */
      const onB = async (query: string, variables: Record<string, unknown>, token: string) => {
        const response = await b.yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as { data?: Record<string, unknown> };
      };

      it('should end the subscriptions it opened on another instance, and deliver nothing after', async () => {
        const { token, tokenId } = await f.staffToken('LINE1');
        const subscription = await f.watch(token);
        const revoked = await onB(
          'mutation ($i: RevokeApiTokenInput!) { revokeApiToken(input: $i) { ... on RevokeApiTokenPayload { revoked } } }',
          { i: { tokenId: globalId('ApiToken', tokenId) } },
          f.demo.adminToken,
        );
        expect(revoked.data).toEqual({ revokeApiToken: { revoked: true } });
        await f.addNote(31);
        const ending = await subscription.ended;
        expect(ending.how).toBe('complete');
        expect(errorOf(ending.payloads.at(-1))?.extensions?.code).toBe('FORBIDDEN');
        expect(JSON.stringify(ending.payloads)).not.toContain(noteBody(31));
      });

      it('should end a contact’s subscription on one instance when the contact signs out on the other', async () => {
        const token = await f.contactSession('owner@flowers.example');
        const subscription = await f.watch(token);
        const out = await onB('mutation { signOut { signedOut } }', {}, token);
        expect(out.data).toEqual({ signOut: { signedOut: true } });
        const ending = await subscription.ended;
        expect(ending.how).toBe('complete');
        expect(errorOf(ending.payloads.at(-1))?.extensions?.code).toBe('FORBIDDEN');
      });
    });
  },
);
