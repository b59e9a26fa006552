import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { type AllowedNetworks, refusalText, refusedTarget } from '../../domain/monitoring/target-address.ts';
import { DomainError } from '../domain-error.ts';
import type { MonitorKind } from './admin.ts';

/** How long saving a monitor waits for DNS before leaving the judgement to the check itself. */
const lookupTimeoutMs = 2000;

function targetHost(kind: MonitorKind, config: Record<string, unknown>): { host: string; field: string } | null {
  if (kind === 'HTTP') return { host: new URL(String(config.url)).hostname.replace(/^\[|\]$/g, ''), field: 'url' };
  if (kind === 'TCP' || kind === 'TLS') return { host: String(config.host), field: 'host' };
  return null;
}

async function addressesOf(host: string): Promise<string[]> {
  if (isIP(host) !== 0) return [host];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), lookupTimeoutMs);
  });
  const resolved = lookup(host, { all: true }).then(
    (found) => found.map((entry) => entry.address),
    // A name that does not resolve yet may be a site being set up: the check will tell.
    () => [],
  );
  try {
    return await Promise.race([resolved, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Refuses, when a monitor is saved, a target inside the studio's networks (loopback, private,
 * cloud metadata…): `MONITOR_TARGET_FORBIDDEN`, naming the rule. The checks judge again on every
 * connection, so a name that resolves elsewhere later is still caught.
 */
export async function refuseInsideTarget(
  kind: MonitorKind,
  config: Record<string, unknown>,
  allowed: AllowedNetworks,
): Promise<void> {
  const target = targetHost(kind, config);
  if (!target) return;
  for (const address of await addressesOf(target.host)) {
    const refusal = refusedTarget(address, allowed);
    if (refusal) throw new DomainError('MONITOR_TARGET_FORBIDDEN', target.field, refusalText(refusal));
  }
}
