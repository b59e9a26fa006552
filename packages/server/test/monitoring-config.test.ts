import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('Monitoring settings', () => {
  it('should default to a running scheduler with a pool of 200 and rdap.org, reaching public addresses only', () => {
    expect(loadConfig({}).monitoring).toEqual({
      allowedNetworks: { networks: [], text: [] },
      enabled: true,
      concurrency: 200,
      tickMs: 250,
      idleMaxMs: 5000,
      rdapUrl: 'https://rdap.org',
      rollupIntervalMs: 300_000,
    });
  });

  it('should read every MONITOR_ variable, and let an instance opt out of checking', () => {
    const config = loadConfig({
      MONITORING_ENABLED: 'false',
      MONITOR_CONCURRENCY: '50',
      MONITOR_TICK_MS: '100',
      MONITOR_IDLE_MAX_MS: '30000',
      MONITOR_RDAP_URL: 'http://127.0.0.1:9000/rdap/',
      MONITOR_ROLLUP_INTERVAL_MS: '60000',
      MONITOR_ALLOW_NETWORKS: '10.20.0.0/16, 127.0.0.1',
    });
    expect(config.monitoring).toMatchObject({
      allowedNetworks: { text: ['10.20.0.0/16', '127.0.0.1'] },
      enabled: false,
      concurrency: 50,
      tickMs: 100,
      idleMaxMs: 30_000,
      rdapUrl: 'http://127.0.0.1:9000/rdap',
      rollupIntervalMs: 60_000,
    });
  });

  it('should refuse bad values with the variable named', () => {
    expect(() =>
      loadConfig({ MONITOR_CONCURRENCY: '0', MONITOR_RDAP_URL: 'ftp://x', MONITORING_ENABLED: 'maybe' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({
        MONITOR_CONCURRENCY: '0',
        MONITOR_RDAP_URL: 'ftp://x',
        MONITORING_ENABLED: 'maybe',
        MONITOR_ALLOW_NETWORKS: '10.0.0.0/8, the-office',
      });
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('MONITOR_CONCURRENCY');
      expect(problems).toContain('MONITOR_RDAP_URL');
      expect(problems).toContain('MONITORING_ENABLED');
      expect(problems).toContain('MONITOR_ALLOW_NETWORKS: "the-office" is not an address');
    }
  });
});
