import { connect } from 'node:net';
import type { CheckReport, TcpConfig } from './types.ts';

/** A TCP check: the port accepts a connection within the timeout. */
export function tcpCheck(config: TcpConfig, timeoutMs: number, degradedAfterMs?: number | null): Promise<CheckReport> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect({ host: config.host, port: config.port });
    const done = (report: CheckReport) => {
      socket.destroy();
      resolve(report);
    };
    socket.setTimeout(timeoutMs, () =>
      done({
        outcome: 'DOWN',
        message: `timed out after ${timeoutMs} ms`,
        details: { host: config.host, port: config.port },
      }),
    );
    socket.once('connect', () => {
      const responseTimeMs = Math.round(performance.now() - started);
      if (degradedAfterMs && responseTimeMs > degradedAfterMs)
        return done({ outcome: 'DEGRADED', responseTimeMs, message: `slow connect: ${responseTimeMs} ms` });
      done({ outcome: 'UP', responseTimeMs });
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      done({
        outcome: 'DOWN',
        responseTimeMs: Math.round(performance.now() - started),
        message: error.message,
        details: { host: config.host, port: config.port, error: error.code ?? error.message },
      }),
    );
  });
}
