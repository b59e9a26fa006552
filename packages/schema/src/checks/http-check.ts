import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type AllowedNetworks, noAllowedNetworks } from '../domain/monitoring/target-address.ts';
import { guardedLookup, refusedReport, refuseLiteral, TargetForbiddenError } from './target-guard.ts';
import { type CheckReport, excerpt, type HttpConfig } from './types.ts';

const maxBody = 1024 * 1024;

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
  timings: Record<string, number>;
}

function fetchOnce(
  url: URL,
  config: HttpConfig,
  timing: { timeoutMs: number; started: number; totalMs: number },
  allowed: AllowedNetworks,
): Promise<Answer> {
  const { timeoutMs, started, totalMs } = timing;
  return new Promise((resolve, reject) => {
    refuseLiteral(url.hostname, allowed);
    const timings: Record<string, number> = {};
    const since = () => Math.round(performance.now() - started);
    const options = {
      method: config.method ?? 'GET',
      headers: { 'user-agent': 'caredesk-monitor/1', ...(config.headers ?? {}) },
      timeout: timeoutMs,
      rejectUnauthorized: !config.ignoreTls,
      ...(config.caCertificate ? { ca: config.caCertificate } : {}),
      agent: false as const,
      lookup: guardedLookup(allowed),
    };
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, (res) => {
      timings.firstByteMs = since();
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < maxBody) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => {
        timings.totalMs = since();
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          timings,
        });
      });
      res.on('error', reject);
    });
    req.on('socket', (socket) => {
      socket.once('lookup', () => {
        timings.dnsMs = since();
      });
      socket.once('connect', () => {
        timings.connectMs = since();
      });
      socket.once('secureConnect', () => {
        timings.tlsMs = since();
      });
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${totalMs} ms`)));
    req.on('error', reject);
    req.end(config.body);
  });
}

function statusAccepted(status: number, expected: string[] | undefined): boolean {
  const ranges = expected && expected.length > 0 ? expected : ['200-399'];
  return ranges.some((range) => {
    const [from, to] = range.split('-').map((part) => Number(part.trim()));
    return to === undefined ? status === from : status >= (from ?? 0) && status <= to;
  });
}

/** Reads `$.a.b[0].c` from a parsed JSON value. */
export function jsonPathValue(value: unknown, path: string): unknown {
  const steps = path.replace(/^\$\.?/, '').match(/[^.[\]]+/g) ?? [];
  let current = value;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

function contentProblem(config: HttpConfig, body: string): string | null {
  const needle = config.keyword;
  if (needle !== undefined || config.regex !== undefined) {
    const found = config.regex !== undefined ? new RegExp(config.regex).test(body) : body.includes(needle ?? '');
    const what = config.regex !== undefined ? `pattern /${config.regex}/` : `keyword "${needle}"`;
    if (config.keywordAbsent && found) return `${what} is present`;
    if (!config.keywordAbsent && !found) return `${what} is missing`;
  }
  if (config.jsonPath) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return 'the response is not JSON';
    }
    const actual = jsonPathValue(parsed, config.jsonPath);
    const text = typeof actual === 'object' ? JSON.stringify(actual) : String(actual);
    if (config.jsonExpected !== undefined && text !== config.jsonExpected)
      return `${config.jsonPath} is ${text}, expected ${config.jsonExpected}`;
  }
  return null;
}

/**
 * An HTTP(S) check: status codes, keyword/regex, JSON path, redirects, DEGRADED when slow.
 * Every hop (the address and each redirect) must lead to a public address or an allowed network.
 */
export async function httpCheck(
  config: HttpConfig,
  timeoutMs: number,
  degradedAfterMs?: number | null,
  allowed: AllowedNetworks = noAllowedNetworks,
): Promise<CheckReport> {
  const started = performance.now();
  let url = new URL(config.url);
  const redirects: string[] = [];
  const follow = config.followRedirects ?? true;
  const maxRedirects = config.maxRedirects ?? 5;
  try {
    for (;;) {
      const left = Math.max(1, Math.round(timeoutMs - (performance.now() - started)));
      const answer = await fetchOnce(url, config, { timeoutMs: left, started, totalMs: timeoutMs }, allowed);
      const location = answer.headers.location;
      if (follow && answer.status >= 300 && answer.status < 400 && location && redirects.length < maxRedirects) {
        redirects.push(String(location));
        url = new URL(String(location), url);
        continue;
      }
      const responseTimeMs = Math.round(performance.now() - started);
      const details = {
        url: url.toString(),
        ...(redirects.length > 0 ? { redirects } : {}),
        timings: answer.timings,
        contentType: answer.headers['content-type'] ?? null,
        excerpt: excerpt(answer.body),
      };
      if (!statusAccepted(answer.status, config.expectedStatus)) {
        return {
          outcome: 'DOWN',
          statusCode: answer.status,
          responseTimeMs,
          message: `HTTP ${answer.status}`,
          details,
        };
      }
      const problem = contentProblem(config, answer.body);
      if (problem) return { outcome: 'DOWN', statusCode: answer.status, responseTimeMs, message: problem, details };
      if (degradedAfterMs && responseTimeMs > degradedAfterMs) {
        return {
          outcome: 'DEGRADED',
          statusCode: answer.status,
          responseTimeMs,
          message: `slow: ${responseTimeMs} ms (limit ${degradedAfterMs} ms)`,
          details,
        };
      }
      return { outcome: 'UP', statusCode: answer.status, responseTimeMs };
    }
  } catch (error) {
    const where = { url: url.toString(), ...(redirects.length > 0 ? { redirects } : {}) };
    if (error instanceof TargetForbiddenError) return refusedReport(error, where);
    const responseTimeMs = Math.round(performance.now() - started);
    const err = error as NodeJS.ErrnoException;
    return {
      outcome: 'DOWN',
      responseTimeMs,
      message: err.message,
      details: { ...where, error: err.code ?? err.message },
    };
  }
}
