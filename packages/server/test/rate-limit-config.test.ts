import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from '../src/config.ts';

describe('rate limit settings (RATE_LIMIT_*)', () => {
  it('should give every limit its documented default, and remember known addresses for 20 days', () => {
    const { rules, keyPrefix } = loadConfig({}).rateLimits;
    expect(rules).toEqual({
      submitPerIp: { limit: 20, windowMs: 600_000 },
      submitPerSite: { limit: 300, windowMs: 600_000 },
      signInPerIp: { limit: 30, windowMs: 600_000 },
      signInPerEmail: { limit: 5, windowMs: 600_000 },
      passwordPerAddress: { limit: 5, windowMs: 600_000 },
      passwordPerAccount: { limit: 100, windowMs: 3_600_000 },
      passwordKnownAddress: { limit: 1, windowMs: 20 * 86_400_000 },
      articleSearchPerIp: { limit: 600, windowMs: 600_000 },
      articleEventsPerIp: { limit: 300, windowMs: 600_000 },
      refusedPerIp: { limit: 30, windowMs: 60_000 },
    });
    expect(keyPrefix).toBe('caredesk:limit');
    const names = configVariables.map(([name]) => name);
    for (const name of ['RATE_LIMIT_PASSWORD_ADDRESS', 'RATE_LIMIT_PASSWORD_ACCOUNT', 'RATE_LIMIT_KB_SEARCH_IP'])
      expect(names).toContain(name);
  });

  it('should take count/seconds and a key prefix', () => {
    const { rules, keyPrefix } = loadConfig({
      RATE_LIMIT_PASSWORD_ADDRESS: '3/60',
      RATE_LIMIT_KB_EVENTS_IP: '0/1',
      RATE_LIMIT_KEY_PREFIX: 'studio-b:limits',
    }).rateLimits;
    expect(rules.passwordPerAddress).toEqual({ limit: 3, windowMs: 60_000 });
    expect(rules.articleEventsPerIp).toEqual({ limit: 0, windowMs: 1000 });
    expect(keyPrefix).toBe('studio-b:limits');
  });

  it('should name every bad value at once: no window, one too long for a timer, a prefix with spaces', () => {
    let error: unknown;
    try {
      loadConfig({
        RATE_LIMIT_SIGNIN_IP: '30',
        RATE_LIMIT_PASSWORD_ACCOUNT: '100/2000001',
        RATE_LIMIT_KB_SEARCH_IP: '10/0',
        RATE_LIMIT_KEY_PREFIX: 'my limits',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'RATE_LIMIT_SIGNIN_IP must look like count/seconds (1 to 2000000 seconds), e.g. 20/600, got "30"',
      'RATE_LIMIT_PASSWORD_ACCOUNT must look like count/seconds (1 to 2000000 seconds), e.g. 20/600, got "100/2000001"',
      'RATE_LIMIT_KB_SEARCH_IP must look like count/seconds (1 to 2000000 seconds), e.g. 20/600, got "10/0"',
      'RATE_LIMIT_KEY_PREFIX must be 1–100 letters, digits, _ : . or -, got "my limits"',
    ]);
  });
});
