import { domainCheck } from './domain-check.ts';
import { httpCheck } from './http-check.ts';
import { tcpCheck } from './tcp-check.ts';
import { tlsCheck } from './tls-check.ts';
import type { CheckEnvironment, CheckReport, DomainConfig, HttpConfig, TcpConfig, TlsConfig } from './types.ts';

/** The part of a monitor a check needs (what agents receive when they lease a check). */
export interface CheckSpec {
  kind: 'HTTP' | 'TLS' | 'DOMAIN' | 'TCP' | 'HEARTBEAT';
  config: unknown;
  timeoutMs: number;
  degradedAfterMs?: number | null;
}

/** Runs one check of any kind that is checked actively (heartbeats are pushed, not checked). */
export async function runCheck(spec: CheckSpec, env: CheckEnvironment): Promise<CheckReport> {
  try {
    switch (spec.kind) {
      case 'HTTP':
        return await httpCheck(spec.config as HttpConfig, spec.timeoutMs, spec.degradedAfterMs, env.allowedNetworks);
      case 'TCP':
        return await tcpCheck(spec.config as TcpConfig, spec.timeoutMs, spec.degradedAfterMs, env.allowedNetworks);
      case 'TLS':
        return await tlsCheck(spec.config as TlsConfig, spec.timeoutMs, env.now(), env.allowedNetworks);
      case 'DOMAIN':
        return await domainCheck(spec.config as DomainConfig, spec.timeoutMs, env);
      case 'HEARTBEAT':
        return { outcome: 'ERROR', message: 'heartbeats are pushed, not checked' };
    }
  } catch (error) {
    // A bug or a bad configuration in caredesk is not the site's failure.
    return { outcome: 'ERROR', message: `check failed: ${(error as Error).message}` };
  }
}
