import { connect } from 'node:net';
import { type AllowedNetworks, noAllowedNetworks } from '../domain/monitoring/target-address.ts';
import { guardedLookup, refusedReport, refuseLiteral, TargetForbiddenError } from './target-guard.ts';
import type { CheckReport, TcpConfig } from './types.ts';

/** A TCP check: the port accepts a connection within the timeout (public addresses or allowed networks). */
export function tcpCheck(
  config: TcpConfig,
  timeoutMs: number,
  degradedAfterMs?: number | null,
  allowed: AllowedNetworks = noAllowedNetworks,
): Promise<CheckReport> {
  const started = performance.now();
  const where = { host: config.host, port: config.port };
  try {
    refuseLiteral(config.host, allowed);
  } catch (error) {
    return Promise.resolve(refusedReport(error as TargetForbiddenError, where));
  }
  return new Promise((resolve) => {
    const socket = connect({ host: config.host, port: config.port, lookup: guardedLookup(allowed) });
    const done = (report: CheckReport) => {
      socket.destroy();
      resolve(report);
    };
    socket.setTimeout(timeoutMs, () =>
      done({
        outcome: 'DOWN',
        message: `timed out after ${timeoutMs} ms`,
        details: where,
      }),
    );
    socket.once('connect', () => {
      const responseTimeMs = Math.round(performance.now() - started);
      if (degradedAfterMs && responseTimeMs > degradedAfterMs)
        return done({ outcome: 'DEGRADED', responseTimeMs, message: `slow connect: ${responseTimeMs} ms` });
      done({ outcome: 'UP', responseTimeMs });
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      done(
        error instanceof TargetForbiddenError
          ? refusedReport(error, where)
          : {
              outcome: 'DOWN',
              responseTimeMs: Math.round(performance.now() - started),
              message: error.message,
              details: { ...where, error: error.code ?? error.message },
            },
      ),
    );
  });
}
