import { connect } from 'node:tls';
import { type CheckReport, daysLeft, expiryWarningDays, type TlsConfig } from './types.ts';

/**
 * A TLS certificate check: an invalid certificate (self-signed, wrong name, expired) is DOWN;
 * one expiring within 30 days is DEGRADED with the days left (warnings at 30, 14 and 7).
 */
export function tlsCheck(config: TlsConfig, timeoutMs: number, now: Date): Promise<CheckReport> {
  const started = performance.now();
  const port = config.port ?? 443;
  return new Promise((resolve) => {
    const socket = connect({
      host: config.host,
      port,
      servername: config.servername ?? (/^[\d.:]+$/.test(config.host) ? undefined : config.host),
      rejectUnauthorized: false,
      ...(config.caCertificate ? { ca: config.caCertificate } : {}),
    });
    const done = (report: CheckReport) => {
      socket.destroy();
      resolve(report);
    };
    socket.setTimeout(timeoutMs, () => done({ outcome: 'DOWN', message: `timed out after ${timeoutMs} ms` }));
    socket.once('secureConnect', () => {
      const responseTimeMs = Math.round(performance.now() - started);
      const cert = socket.getPeerCertificate();
      const expiresAt = cert?.valid_to ? new Date(cert.valid_to) : undefined;
      const details = {
        host: config.host,
        port,
        subject: cert?.subject?.CN ?? null,
        issuer: cert?.issuer?.CN ?? null,
        validTo: expiresAt?.toISOString() ?? null,
      };
      if (!socket.authorized) {
        const reason = String(socket.authorizationError ?? 'untrusted');
        return done({
          outcome: 'DOWN',
          responseTimeMs,
          message: `invalid certificate: ${reason}`,
          details,
          ...(expiresAt ? { expiresAt } : {}),
        });
      }
      if (!expiresAt) return done({ outcome: 'DOWN', responseTimeMs, message: 'no certificate', details });
      const days = daysLeft(expiresAt, now);
      if (days <= expiryWarningDays[0]) {
        return done({
          outcome: 'DEGRADED',
          responseTimeMs,
          message: `certificate expires in ${days} days`,
          details: { ...details, daysLeft: days },
          expiresAt,
        });
      }
      done({ outcome: 'UP', responseTimeMs, expiresAt });
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      done({
        outcome: 'DOWN',
        message: error.message,
        details: { host: config.host, port, error: error.code ?? error.message },
      }),
    );
  });
}
