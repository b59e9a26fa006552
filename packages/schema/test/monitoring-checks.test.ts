import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  domainCheck,
  type HttpConfig,
  httpCheck,
  parseAllowedNetworks,
  runCheck,
  type TcpConfig,
  type TlsConfig,
  tcpCheck,
  tlsCheck,
} from '../src/checks/index.ts';

/** The test's sites listen on this machine, which monitors may reach only when allowed. */
const local = parseAllowedNetworks('127.0.0.0/8').allowed;
const localHttp = (config: HttpConfig, timeoutMs: number, degradedAfterMs?: number) =>
  httpCheck(config, timeoutMs, degradedAfterMs, local);
const localTcp = (config: TcpConfig, timeoutMs: number) => tcpCheck(config, timeoutMs, null, local);
const localTls = (config: TlsConfig, timeoutMs: number, now: Date) => tlsCheck(config, timeoutMs, now, local);

const listen = async (server: Server | ReturnType<typeof createTcpServer>) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as AddressInfo).port;
};
const close = (server: { close(cb: () => void): unknown; closeAllConnections?: () => void }) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });

/** A CA, a leaf it signed for 127.0.0.1 valid `days` days, and a self-signed certificate. */
function certificates(dir: string, days: number) {
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '60', '-subj', '/CN=caredesk test CA');
  ssl('req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  ssl(
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'leaf.crt',
    '-days',
    String(days),
    '-extfile',
    'ext.cnf',
  );
  ssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'self.key',
    '-out',
    'self.crt',
    '-days',
    '365',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  );
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    ca: read('ca.crt'),
    leaf: { key: read('leaf.key'), cert: read('leaf.crt') },
    self: { key: read('self.key'), cert: read('self.crt') },
  };
}

describe('Monitoring checks against real local servers', () => {
  let dir: string;
  let http: Server;
  let httpUrl: string;
  let expiring: Server;
  let expiringPort: number;
  let selfSigned: Server;
  let selfSignedPort: number;
  let rdap: Server;
  let rdapUrl: string;
  let ca: string;
  const rdapAsked: string[] = [];
  const env = () => ({ rdapBaseUrl: rdapUrl, now: () => new Date(), allowedNetworks: local });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caredesk-certs-'));
    const certs = certificates(dir, 5);
    ca = certs.ca;
    http = createHttpServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        if (req.url === '/ok') return res.writeHead(200, { 'content-type': 'text/html' }).end('<p>Add to cart</p>');
        if (req.url === '/error') return res.writeHead(500).end('Fatal error: out of memory');
        if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('<p>Add to cart</p>'), 250);
        if (req.url === '/moved') return res.writeHead(301, { location: '/ok' }).end();
        if (req.url === '/json')
          return res.writeHead(200, { 'content-type': 'application/json' }).end('{"db":{"ok":true},"items":[{"n":3}]}');
        if (req.url === '/echo')
          return res.writeHead(200).end(`${req.method} ${req.headers['x-check'] ?? '-'} ${body}`);
        if (req.url === '/hang') return; // never answers
        res.writeHead(404).end('not found');
      });
    });
    httpUrl = `http://127.0.0.1:${await listen(http)}`;
    expiring = createHttpsServer(certs.leaf, (_req, res) => res.writeHead(200).end('<p>Add to cart</p>'));
    expiringPort = await listen(expiring);
    selfSigned = createHttpsServer(certs.self, (_req, res) => res.writeHead(200).end('<p>Add to cart</p>'));
    selfSignedPort = await listen(selfSigned);
    rdap = createHttpServer((req, res) => {
      rdapAsked.push(req.url ?? '');
      const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
      const answer = (date: string) =>
        res.writeHead(200, { 'content-type': 'application/rdap+json' }).end(
          JSON.stringify({
            objectClassName: 'domain',
            events: [
              { eventAction: 'registration', eventDate: days(-900) },
              { eventAction: 'expiration', eventDate: date },
            ],
          }),
        );
      if (req.url === '/domain/soon.example') return answer(days(10));
      if (req.url === '/domain/far.example') return answer(days(400));
      if (req.url === '/domain/gone.example') return answer(days(-2));
      res.writeHead(404, { 'content-type': 'application/rdap+json' }).end('{"errorCode":404}');
    });
    rdapUrl = `http://127.0.0.1:${await listen(rdap)}`;
  });
  afterAll(async () => {
    await Promise.all([close(http), close(expiring), close(selfSigned), close(rdap)]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('should be UP for a 200 with the keyword and DOWN for a 500 with the status and a response excerpt', async () => {
    expect(await localHttp({ url: `${httpUrl}/ok`, keyword: 'Add to cart' }, 2000)).toMatchObject({
      outcome: 'UP',
      statusCode: 200,
    });
    const down = await localHttp({ url: `${httpUrl}/error` }, 2000);
    expect(down).toMatchObject({ outcome: 'DOWN', statusCode: 500, message: 'HTTP 500' });
    expect(down.details?.excerpt).toBe('Fatal error: out of memory');
    expect(down.details?.timings).toHaveProperty('firstByteMs');
  });

  it('should check the keyword or pattern present or absent', async () => {
    expect((await localHttp({ url: `${httpUrl}/ok`, keyword: 'Checkout' }, 2000)).message).toBe(
      'keyword "Checkout" is missing',
    );
    expect((await localHttp({ url: `${httpUrl}/ok`, keyword: 'Add to cart', keywordAbsent: true }, 2000)).outcome).toBe(
      'DOWN',
    );
    expect((await localHttp({ url: `${httpUrl}/ok`, keyword: 'Fatal', keywordAbsent: true }, 2000)).outcome).toBe('UP');
    expect((await localHttp({ url: `${httpUrl}/ok`, regex: 'Add\\s+to\\s+\\w+' }, 2000)).outcome).toBe('UP');
    expect(
      (
        await localHttp(
          { url: `${httpUrl}/error`, regex: 'Fatal error', keywordAbsent: true, expectedStatus: ['500'] },
          2000,
        )
      ).message,
    ).toBe('pattern /Fatal error/ is present');
  });

  it('should compare a JSON path, follow redirects and send the method, headers and body', async () => {
    expect((await localHttp({ url: `${httpUrl}/json`, jsonPath: '$.db.ok', jsonExpected: 'true' }, 2000)).outcome).toBe(
      'UP',
    );
    expect(
      (await localHttp({ url: `${httpUrl}/json`, jsonPath: '$.items[0].n', jsonExpected: '4' }, 2000)).message,
    ).toBe('$.items[0].n is 3, expected 4');
    expect(await localHttp({ url: `${httpUrl}/moved`, keyword: 'Add to cart' }, 2000)).toMatchObject({
      outcome: 'UP',
      statusCode: 200,
    });
    expect(
      await localHttp({ url: `${httpUrl}/moved`, followRedirects: false, expectedStatus: ['200-299'] }, 2000),
    ).toMatchObject({ outcome: 'DOWN', statusCode: 301 });
    const echo = await localHttp(
      { url: `${httpUrl}/echo`, method: 'POST', headers: { 'x-check': 'yes' }, body: 'ping', keyword: 'POST yes ping' },
      2000,
    );
    expect(echo.outcome).toBe('UP');
  });

  it('should be DEGRADED when slower than the limit and DOWN after the timeout', async () => {
    const slow = await localHttp({ url: `${httpUrl}/slow` }, 2000, 100);
    expect(slow.outcome).toBe('DEGRADED');
    expect(slow.responseTimeMs).toBeGreaterThanOrEqual(200);
    expect(await localHttp({ url: `${httpUrl}/hang` }, 200)).toMatchObject({
      outcome: 'DOWN',
      message: 'timed out after 200 ms',
    });
  });

  it('should warn (DEGRADED) about a certificate that expires in 5 days and reject a self-signed one (DOWN)', async () => {
    const expiringReport = await localTls(
      { host: '127.0.0.1', port: expiringPort, caCertificate: ca },
      2000,
      new Date(),
    );
    expect(expiringReport.outcome).toBe('DEGRADED');
    expect(expiringReport.message).toMatch(/certificate expires in [45] days/);
    expect(expiringReport.expiresAt).toBeInstanceOf(Date);
    const self = await localTls({ host: '127.0.0.1', port: selfSignedPort }, 2000, new Date());
    expect(self.outcome).toBe('DOWN');
    expect(self.message).toContain('invalid certificate');
    // An HTTPS check of the self-signed site fails too, unless told to ignore the certificate.
    expect((await localHttp({ url: `https://127.0.0.1:${selfSignedPort}/` }, 2000)).outcome).toBe('DOWN');
    expect((await localHttp({ url: `https://127.0.0.1:${selfSignedPort}/`, ignoreTls: true }, 2000)).outcome).toBe(
      'UP',
    );
    expect((await localHttp({ url: `https://127.0.0.1:${expiringPort}/`, caCertificate: ca }, 2000)).outcome).toBe(
      'UP',
    );
  });

  it('should be DOWN once a TCP port closes', async () => {
    const tcp = createTcpServer((socket) => socket.end());
    const port = await listen(tcp);
    expect((await localTcp({ host: '127.0.0.1', port }, 1000)).outcome).toBe('UP');
    await close(tcp);
    const closed = await localTcp({ host: '127.0.0.1', port }, 1000);
    expect(closed).toMatchObject({ outcome: 'DOWN' });
    expect(closed.details?.error).toBe('ECONNREFUSED');
  });

  it('should read the domain expiry from the configured RDAP server and say NOT_SUPPORTED for TLDs without RDAP', async () => {
    expect(await domainCheck({ domain: 'soon.example' }, 2000, env())).toMatchObject({
      outcome: 'DEGRADED',
      message: expect.stringMatching(/domain expires in (9|10) days/),
    });
    expect((await domainCheck({ domain: 'far.example' }, 2000, env())).outcome).toBe('UP');
    expect((await domainCheck({ domain: 'gone.example' }, 2000, env())).outcome).toBe('DOWN');
    expect((await domainCheck({ domain: 'unknown.example' }, 2000, env())).outcome).toBe('NOT_SUPPORTED');
    const asked = rdapAsked.length;
    expect(await domainCheck({ domain: 'shop.ru' }, 2000, env())).toMatchObject({
      outcome: 'NOT_SUPPORTED',
      message: 'RDAP is not available for .ru',
    });
    expect(rdapAsked).toHaveLength(asked);
    // The RDAP service being down is caredesk's problem, not the domain's.
    expect(
      (await domainCheck({ domain: 'far.example' }, 500, { rdapBaseUrl: 'http://127.0.0.1:1', now: () => new Date() }))
        .outcome,
    ).toBe('ERROR');
  });

  it('should run the same checks through runCheck, as agents do', async () => {
    expect((await runCheck({ kind: 'HTTP', config: { url: `${httpUrl}/ok` }, timeoutMs: 2000 }, env())).outcome).toBe(
      'UP',
    );
    expect((await runCheck({ kind: 'HEARTBEAT', config: {}, timeoutMs: 2000 }, env())).outcome).toBe('ERROR');
  });
});
