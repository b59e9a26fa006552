import type { CheckOutcome } from '../domain/monitoring/confirm.ts';
import type { AllowedNetworks } from '../domain/monitoring/target-address.ts';

/** What one check found, with the evidence a ticket shows. Shared by the server and agents. */
export interface CheckReport {
  outcome: CheckOutcome;
  responseTimeMs?: number;
  statusCode?: number;
  message?: string;
  /** Timings, headers, response excerpt, certificate details… */
  details?: Record<string, unknown>;
  /** Certificate or domain expiry, when the check found one. */
  expiresAt?: Date;
}

export interface HttpConfig {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Accepted codes, single or ranges: ["200-299", "301"]. Default 200-399 after redirects. */
  expectedStatus?: string[];
  keyword?: string;
  /** True: the keyword (or regex) must NOT be in the body. */
  keywordAbsent?: boolean;
  regex?: string;
  /** A JSON path like $.status or $.items[0].ok and the value it must equal (compared as text). */
  jsonPath?: string;
  jsonExpected?: string;
  followRedirects?: boolean;
  maxRedirects?: number;
  /** Accept invalid certificates (the TLS monitor still reports them). */
  ignoreTls?: boolean;
  /** An extra trusted CA (PEM), for sites behind a private CA. */
  caCertificate?: string;
}

export interface TcpConfig {
  host: string;
  port: number;
}

export interface TlsConfig {
  host: string;
  port?: number;
  servername?: string;
  caCertificate?: string;
}

export interface DomainConfig {
  domain: string;
}

export interface HeartbeatConfig {
  periodSeconds: number;
  graceSeconds: number;
}

/** Settings of the process running the checks (not of a monitor). */
export interface CheckEnvironment {
  /** Base of the RDAP service: `${rdapBaseUrl}/domain/<name>` (default https://rdap.org). */
  rdapBaseUrl: string;
  now: () => Date;
  /** Inside networks monitors may reach after all (MONITOR_ALLOW_NETWORKS); none when absent. */
  allowedNetworks?: AllowedNetworks;
}

/** Days before expiry at which certificate and domain checks warn (DEGRADED). */
export const expiryWarningDays = [30, 14, 7] as const;

export function daysLeft(expiresAt: Date, now: Date): number {
  return Math.floor((expiresAt.getTime() - now.getTime()) / 86_400_000);
}

/** Up to `max` characters of a response, for evidence. */
export function excerpt(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
