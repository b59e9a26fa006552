import { randomInt } from 'node:crypto';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { createClient } from 'graphql-ws';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestApp, type TestApp } from './support/test-app.ts';

const signInMutation =
  'mutation { signIn(input: { email: "nobody@client.example", code: "000000" }) { __typename ... on DomainError { code } } }';

// Requests reach these servers from 127.0.0.1, as from a proxy on the same machine.
describeEachDatabase('the client address behind proxies (TRUST_PROXY)', (provider) => {
  let t: TestApp | undefined;
  let url = '';
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** A server allowing three sign-in attempts per address; `attempt` answers whether one was limited. */
  const serve = async (trustProxy: string) => {
    t = await createTestApp(provider, { env: { TRUST_PROXY: trustProxy, RATE_LIMIT_SIGNIN_IP: '3/600' } });
    ({ url } = await t.app.start());
    return async (forwardedFor?: string) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
        body: JSON.stringify({ query: signInMutation }),
      });
      const body = (await response.json()) as { data: { signIn: { code?: string } } };
      return body.data.signIn.code === 'RATE_LIMITED';
    };
  };
  const randomAddress = () => `198.18.${randomInt(256)}.${randomInt(256)}`;

  it('should count a rotated leftmost X-Forwarded-For against the address the one trusted proxy saw', async () => {
    const attempt = await serve('1');
    for (let i = 0; i < 3; i++) expect(await attempt(`${randomAddress()}, 203.0.113.7`)).toBe(false);
    expect(await attempt(`${randomAddress()}, 203.0.113.7`)).toBe(true);
    expect(await attempt(`${randomAddress()}, ${randomAddress()}, 203.0.113.7`)).toBe(true);
    // Another client behind the same proxy is counted on its own.
    expect(await attempt('203.0.113.8')).toBe(false);
  });

  it('should take the rightmost address that is not one of the listed proxies', async () => {
    const attempt = await serve('loopback,10.0.0.0/8');
    // 10.1.2.3 (a listed proxy) forwarded for 203.0.113.7; whatever stands left of it is the client's word.
    for (let i = 0; i < 3; i++) expect(await attempt(`${randomAddress()}, 203.0.113.7, 10.1.2.3`)).toBe(false);
    expect(await attempt(`${randomAddress()}, 203.0.113.7, 10.1.2.3`)).toBe(true);
    expect(await attempt('203.0.113.7')).toBe(true);
    expect(await attempt('203.0.113.8, 10.9.9.9')).toBe(false);
  });

  it('should ignore X-Forwarded-For when no proxy is trusted', async () => {
    const attempt = await serve('false');
    for (let i = 0; i < 3; i++) expect(await attempt(randomAddress())).toBe(false);
    expect(await attempt(randomAddress())).toBe(true);
    expect(await attempt()).toBe(true);
  });

  it('should count an IPv6 client by its /64 network, so rotating within it does not help', async () => {
    const attempt = await serve('1');
    for (let i = 0; i < 3; i++) expect(await attempt(`2001:db8:1:2::${randomInt(65536).toString(16)}`)).toBe(false);
    expect(await attempt(`2001:db8:1:2:${randomInt(65536).toString(16)}::1`)).toBe(true);
    expect(await attempt('2001:db8:1:3::1')).toBe(false);
  });

  it('should resolve a WebSocket caller the same way, so limits count it with its HTTP requests', async () => {
    const attempt = await serve('1');
    for (let i = 0; i < 3; i++) expect(await attempt(`${randomAddress()}, 203.0.113.7`)).toBe(false);
    const overSocket = (forwardedFor: string) => {
      class ThroughProxy extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { 'x-forwarded-for': forwardedFor } });
        }
      }
      const client = createClient({
        url: `${url.replace('http:', 'ws:')}/graphql`,
        webSocketImpl: ThroughProxy,
        retryAttempts: 0,
      });
      return new Promise<boolean>((resolve, reject) => {
        client.subscribe(
          { query: signInMutation },
          {
            next: (result) => resolve((result.data?.signIn as { code?: string } | undefined)?.code === 'RATE_LIMITED'),
            error: reject,
            complete: () => client.dispose(),
          },
        );
      });
    };
    expect(await overSocket(`${randomAddress()}, 203.0.113.7`)).toBe(true);
    expect(await overSocket('203.0.113.8')).toBe(false);
  });
});
