import { connect } from 'node:tls';
import { type AllowedNetworks, noAllowedNetworks } from '../domain/monitoring/target-address.ts';
import { guardedLookup, refusedReport, refuseLiteral, TargetForbiddenError } from './target-guard.ts';
import { type CheckReport, daysLeft, expiryWarningDays, type TlsConfig } from './types.ts';

/**
 * A TLS certificate check: an invalid certificate (self-signed, wrong name, expired) is DOWN;
 * one expiring within 30 days is DEGRADED with the days left (warnings at 30, 14 and 7).
 */
export function tlsCheck(
  config: TlsConfig,
  timeoutMs: number,
  now: Date,
  allowed: AllowedNetworks = noAllowedNetworks,
): Promise<CheckReport> {
  const started = performance.now();
  const port = config.port ?? 443;
  const where = { host: config.host, port };
  try {
    refuseLiteral(config.host, allowed);
  } catch (error) {
    return Promise.resolve(refusedReport(error as TargetForbiddenError, where));
  }
  return new Promise((resolve) => {
    const socket = connect({
      host: config.host,
      port,
      lookup: guardedLookup(allowed),
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
      done(
        error instanceof TargetForbiddenError
          ? refusedReport(error, where)
          : { outcome: 'DOWN', message: error.message, details: { ...where, error: error.code ?? error.message } },
      ),
    );
  });
}
