import { type LookupAddress, type LookupAllOptions, lookup } from 'node:dns';
import { isIP } from 'node:net';
import {
  type AllowedNetworks,
  refusalText,
  refusedTarget,
  type TargetRefusal,
} from '../domain/monitoring/target-address.ts';
import type { CheckReport } from './types.ts';

/** A check stopped before connecting: the target is inside (loopback, private, metadata…). */
export class TargetForbiddenError extends Error {
  readonly code = 'MONITOR_TARGET_FORBIDDEN';
  constructor(readonly refusal: TargetRefusal) {
    super(refusalText(refusal));
  }
}

/** Throws when the host is an address literal a monitor may not reach (names go through `guardedLookup`). */
export function refuseLiteral(host: string, allowed: AllowedNetworks): void {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 0) return;
  const refusal = refusedTarget(bare, allowed);
  if (refusal) throw new TargetForbiddenError(refusal);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for sockets that resolves the name, then refuses the connection if any address it
 * resolved to is inside: the address checked is the one connected to, so a name that resolves
 * to 127.0.0.1 (or a DNS answer that changes between two lookups) cannot slip through.
 */
export function guardedLookup(allowed: AllowedNetworks) {
  return (hostname: string, options: { family?: number | string; all?: boolean }, callback: LookupCallback) => {
    const all: LookupAllOptions = { all: true, family: (options.family as 0 | 4 | 6 | undefined) ?? 0 };
    lookup(hostname, all, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const refusal = refusedTarget(address, allowed);
        if (refusal) return callback(new TargetForbiddenError(refusal), []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/** The report of a refused check: caredesk's refusal (ERROR, never DOWN), naming the rule, no response. */
export function refusedReport(error: TargetForbiddenError, details: Record<string, unknown>): CheckReport {
  return {
    outcome: 'ERROR',
    message: error.message,
    details: { ...details, refused: error.refusal.rule, address: error.refusal.address },
  };
}
