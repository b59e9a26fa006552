import { resolve } from 'node:path';
import { type DatabaseTarget, DatabaseUrlError, type DbOptions, parseDatabaseUrl } from '@caredesk/schema/db';
import { integer } from './config-values.ts';
import { databaseOptions, databaseVariables } from './database-config.ts';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.ts';
import { type WebSocketLimits, webSocketConfig, webSocketVariables } from './http/websocket-config.ts';
import { type RateLimitConfig, rateLimitConfig, rateLimitVariables } from './limits/rate-limit-config.ts';
import { type MoreMailConfig, moreMailConfig, moreMailVariables } from './mail/mail-settings.ts';
import { type MonitoringConfig, monitoringConfig, monitoringVariables } from './monitoring/monitoring-config.ts';
import { subscriptionRecheckMs, subscriptionRecheckVariables, viewerCacheMs } from './subscriptions/recheck-config.ts';

/** Everything the server reads from the environment, validated. */
export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** The database client's pool and transaction limits (DATABASE_POOL_SIZE, …). */
  databaseOptions: DbOptions;
  redisUrl: string | null;
  publicUrl: string;
  logLevel: string;
  shutdownTimeoutMs: number;
  attachmentsDir: string;
  /** Signs download links. Null: a random key per process (set one when several instances run). */
  secretKey: string | null;
  uploadLimits: { maxFileBytes: number; maxRequestBytes: number; maxFiles: number };
  /** Attempts per window of every limit (visitor tickets, sign-in, passwords, knowledge base), and their Redis key prefix. */
  rateLimits: RateLimitConfig;
  /** Which proxies may name the client in X-Forwarded-For: none, a hop count, or their addresses. */
  trustProxy: TrustProxy;
  webSockets: WebSocketLimits;
  /** How often the SLA job looks for warnings and breaches that came due. */
  slaCheckIntervalMs: number;
  /** How often open subscriptions' credentials are read again (revocations nobody announced). */
  subscriptionRecheckMs: number;
  /** How long a token's or session's viewer is kept between requests (0: not at all). */
  viewerCacheMs: number;
  mail: MailConfig;
  monitoring: MonitoringConfig;
}

/** The e-mail channel: outgoing SMTP, the built-in listener, IMAP polling, unknown senders. */
export interface MailConfig extends MoreMailConfig {
  /** smtp:// or smtps:// of the outgoing server; null: letters are written to the log. */
  smtpUrl: string | null;
  /** The From address, e.g. `Support <support@studio.example>`; replies go to its +token form. */
  from: string;
  /** Port of the built-in SMTP listener for incoming mail; null: off. */
  listenPort: number | null;
  listenHost: string;
  unknownSender: 'triage' | 'reply' | 'ignore';
  outboxIntervalMs: number;
}

/** The variables, their defaults and meaning: the README's table is this list. */
export const configVariables = [
  ['PORT', '4000', 'HTTP and WebSocket port (0 picks a free one)'],
  ['HOST', '0.0.0.0', 'Interface to listen on'],
  ['DATABASE_URL', 'file:./data/caredesk.db', 'file:… for SQLite, postgres://…[?schema=name] for PostgreSQL'],
  ['REDIS_URL', '(unset: in-process)', 'redis://… to share live updates and rate limits between several instances'],
  ['PUBLIC_URL', 'http://localhost:$PORT', 'The address sites, letters and the widget use to reach caredesk'],
  ['LOG_LEVEL', 'info', 'fatal, error, warn, info, debug, trace or silent'],
  ['SHUTDOWN_TIMEOUT_MS', '10000', 'How long a stop waits for open requests before closing them'],
  ['ATTACHMENTS_DIR', './data/attachments', 'Where uploaded files are kept'],
  [
    'SECRET_KEY',
    '(unset: random per start)',
    'Signs download links; set the same value on every instance (32+ characters)',
  ],
  ['ATTACHMENT_MAX_BYTES', '5242880', 'Largest file accepted (5 MB)'],
  ['UPLOAD_MAX_BYTES', '5767168', 'Largest total of the files of one request (5.5 MB)'],
  ['UPLOAD_MAX_FILES', '10', 'Most files in one request'],
  ...databaseVariables,
  ...rateLimitVariables,
  [
    'TRUST_PROXY',
    'false',
    'Proxies in front: a count (1) or their addresses (127.0.0.1,10.0.0.0/8, loopback); the client is the rightmost untrusted X-Forwarded-For entry',
  ],
  ['SLA_CHECK_INTERVAL_MS', '15000', 'How often SLA warnings, breaches and escalations are looked for'],
  ['SMTP_URL', '(unset: letters are logged)', 'smtp://user:pass@host:587 or smtps://… for outgoing mail'],
  ['MAIL_FROM', 'caredesk <support@$PUBLIC_URL host>', 'Sender of letters; replies go to its local+token@domain form'],
  ['MAIL_LISTEN_PORT', '(unset: off)', 'Port of the built-in SMTP listener for incoming mail (0 picks a free one)'],
  ['MAIL_LISTEN_HOST', '$HOST', 'Interface the SMTP listener binds to'],
  [
    'MAIL_UNKNOWN_SENDER',
    'reply',
    'A letter from an unknown address: triage (ticket), reply (polite answer) or ignore',
  ],
  ['OUTBOX_INTERVAL_MS', '5000', 'How often the outbox is sent'],
  ...moreMailVariables,
  ...monitoringVariables,
  ...subscriptionRecheckVariables,
  ...webSocketVariables,
] as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and checks the configuration; every bad value is reported at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const port = integer('PORT', env.PORT, 4000, 0, 65535, problems);
  const shutdownTimeoutMs = integer('SHUTDOWN_TIMEOUT_MS', env.SHUTDOWN_TIMEOUT_MS, 10_000, 0, 600_000, problems);

  let database: DatabaseTarget = parseDatabaseUrl(undefined, cwd);
  try {
    database = parseDatabaseUrl(env.DATABASE_URL, cwd);
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error;
    problems.push(error.message);
  }

  const redisUrl = env.REDIS_URL?.trim() || null;
  if (redisUrl && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    problems.push(`REDIS_URL must start with redis:// or rediss://, got "${redisUrl}"`);
  }

  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const url = new URL(publicUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    problems.push(`PUBLIC_URL must be an http:// or https:// address, got "${publicUrl}"`);
  }

  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!logLevels.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${logLevel}"`);

  const host = env.HOST?.trim() || '0.0.0.0';
  const attachmentsDir = resolve(cwd, env.ATTACHMENTS_DIR?.trim() || './data/attachments');
  const secretKey = env.SECRET_KEY?.trim() || null;
  if (secretKey !== null && secretKey.length < 32) problems.push('SECRET_KEY must be at least 32 characters long');
  const maxFileBytes = integer(
    'ATTACHMENT_MAX_BYTES',
    env.ATTACHMENT_MAX_BYTES,
    5 * 1024 * 1024,
    1,
    1024 ** 3,
    problems,
  );
  const maxRequestBytes = integer('UPLOAD_MAX_BYTES', env.UPLOAD_MAX_BYTES, 5.5 * 1024 * 1024, 1, 1024 ** 3, problems);
  const maxFiles = integer('UPLOAD_MAX_FILES', env.UPLOAD_MAX_FILES, 10, 1, 1000, problems);
  const rateLimits = rateLimitConfig(env, problems);
  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);
  const webSockets = webSocketConfig(env, problems);
  const slaCheckIntervalMs = integer(
    'SLA_CHECK_INTERVAL_MS',
    env.SLA_CHECK_INTERVAL_MS,
    15_000,
    100,
    3_600_000,
    problems,
  );
  const mail = mailConfig(env, host, publicUrl, problems);
  const monitoring = monitoringConfig(env, problems);
  const subscriptionRecheck = subscriptionRecheckMs(env, problems);
  const viewerCache = viewerCacheMs(env, problems);
  const dbOptions = databaseOptions(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    slaCheckIntervalMs,
    subscriptionRecheckMs: subscriptionRecheck,
    viewerCacheMs: viewerCache,
    mail,
    monitoring,
    rateLimits,
    trustProxy,
    webSockets,
    port,
    host,
    database,
    databaseOptions: dbOptions,
    redisUrl,
    publicUrl,
    logLevel,
    shutdownTimeoutMs,
    attachmentsDir,
    secretKey,
    uploadLimits: { maxFileBytes, maxRequestBytes, maxFiles },
  };
}

function mailConfig(env: NodeJS.ProcessEnv, host: string, publicUrl: string, problems: string[]): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl))
    problems.push(`SMTP_URL must start with smtp:// or smtps://, got "${smtpUrl}"`);
  let domain = 'localhost';
  try {
    domain = new URL(publicUrl).hostname || domain;
  } catch {}
  const from = env.MAIL_FROM?.trim() || `caredesk <support@${domain}>`;
  if (!/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(from))
    problems.push(`MAIL_FROM must be an address, e.g. "Support <support@studio.example>", got "${from}"`);
  const rawPort = env.MAIL_LISTEN_PORT?.trim();
  const listenPort = rawPort ? integer('MAIL_LISTEN_PORT', rawPort, 0, 0, 65535, problems) : null;
  const unknownSender = (env.MAIL_UNKNOWN_SENDER?.trim() || 'reply') as MailConfig['unknownSender'];
  if (!['triage', 'reply', 'ignore'].includes(unknownSender))
    problems.push(`MAIL_UNKNOWN_SENDER must be triage, reply or ignore, got "${unknownSender}"`);
  const outboxIntervalMs = integer('OUTBOX_INTERVAL_MS', env.OUTBOX_INTERVAL_MS, 5000, 50, 3_600_000, problems);
  return {
    smtpUrl,
    from,
    listenPort,
    listenHost: env.MAIL_LISTEN_HOST?.trim() || host,
    unknownSender,
    outboxIntervalMs,
    ...moreMailConfig(env, problems),
  };
}
