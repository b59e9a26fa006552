import { type CheckEnvironment, type CheckReport, type DomainConfig, daysLeft, expiryWarningDays } from './types.ts';

/** Top-level domains whose registries publish no RDAP (checked without asking). */
export const tldsWithoutRdap = new Set(['ru', 'su', 'xn--p1ai', 'by', 'kz']);

/**
 * Domain expiry through RDAP: `${rdapBaseUrl}/domain/<name>`, the "expiration" event.
 * A TLD without RDAP (or a service that answers 404/501 for it) is NOT_SUPPORTED, never DOWN.
 */
export async function domainCheck(
  config: DomainConfig,
  timeoutMs: number,
  env: CheckEnvironment,
): Promise<CheckReport> {
  const domain = config.domain.trim().toLowerCase().replace(/\.$/, '');
  const tld = domain.split('.').pop() ?? '';
  if (tldsWithoutRdap.has(tld)) {
    return { outcome: 'NOT_SUPPORTED', message: `RDAP is not available for .${tld}`, details: { domain, tld } };
  }
  const started = performance.now();
  const url = `${env.rdapBaseUrl.replace(/\/$/, '')}/domain/${encodeURIComponent(domain)}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/rdap+json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    // The RDAP service is not the client's site: its failure says nothing about the domain.
    return { outcome: 'ERROR', message: `RDAP unreachable: ${(error as Error).message}`, details: { url } };
  }
  const responseTimeMs = Math.round(performance.now() - started);
  if (response.status === 404 || response.status === 501) {
    await response.body?.cancel();
    return {
      outcome: 'NOT_SUPPORTED',
      responseTimeMs,
      statusCode: response.status,
      message: `no RDAP data for .${tld}`,
      details: { url },
    };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return {
      outcome: 'ERROR',
      responseTimeMs,
      statusCode: response.status,
      message: `RDAP answered ${response.status}`,
      details: { url },
    };
  }
  const data = (await response.json()) as { events?: { eventAction?: string; eventDate?: string }[] };
  const expiry = data.events?.find((e) => e.eventAction === 'expiration')?.eventDate;
  if (!expiry)
    return {
      outcome: 'NOT_SUPPORTED',
      responseTimeMs,
      message: 'the registry publishes no expiry date',
      details: { url },
    };
  const expiresAt = new Date(expiry);
  const days = daysLeft(expiresAt, env.now());
  const details = { domain, expiresAt: expiresAt.toISOString(), daysLeft: days };
  if (days < 0)
    return { outcome: 'DOWN', responseTimeMs, message: `domain expired ${-days} days ago`, details, expiresAt };
  if (days <= expiryWarningDays[0])
    return { outcome: 'DEGRADED', responseTimeMs, message: `domain expires in ${days} days`, details, expiresAt };
  return { outcome: 'UP', responseTimeMs, expiresAt };
}
