import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  httpCheck,
  noAllowedNetworks,
  parseAllowedNetworks,
  runCheck,
  tcpCheck,
  tlsCheck,
} from '../src/checks/index.ts';

/**
 * Monitors aimed inside (the server-side request forgery of the hardening issue): the checks
 * refuse before connecting, after DNS and on every redirect, and report caredesk's ERROR
 * with the rule, never DOWN and never the inside server's answer.
 */
describe('checks aimed inside the studio’s networks', () => {
  let inside: Server;
  let insideHits = 0;
  let insidePort = 0;
  let front: Server;
  let frontPort = 0;
  let tcpAccepted = 0;
  let tcp: ReturnType<typeof createTcpServer>;
  let tcpPort = 0;

  beforeAll(async () => {
    // "Inside": a secret on 127.0.0.2, the way Redis or an admin panel listens on a private address.
    inside = createServer((_req, res) => {
      insideHits++;
      res.end('SECRET redis_password=hunter2');
    });
    await new Promise<void>((resolve) => inside.listen(0, '127.0.0.2', resolve));
    insidePort = (inside.address() as AddressInfo).port;
    // "Public" (allowed as 127.0.0.1 only): redirects to the inside server.
    front = createServer((req, res) => {
      if (req.url === '/to-inside') res.writeHead(302, { location: `http://127.0.0.2:${insidePort}/` }).end();
      else res.end('<h1>Shop</h1>');
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    frontPort = (front.address() as AddressInfo).port;
    tcp = createTcpServer((socket) => {
      tcpAccepted++;
      socket.end();
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    tcpPort = (tcp.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const server of [inside, front, tcp]) await new Promise((resolve) => server.close(resolve));
  });

  const onlyFront = parseAllowedNetworks('127.0.0.1/32').allowed;

  it('should refuse an HTTP check of a loopback address without connecting, as ERROR naming the rule', async () => {
    const report = await httpCheck({ url: `http://127.0.0.2:${insidePort}/` }, 2000);
    expect(report.outcome).toBe('ERROR');
    expect(report.message).toContain('127.0.0.2 is a loopback address');
    expect(report.details).toMatchObject({ refused: 'loopback', address: '127.0.0.2' });
    expect(JSON.stringify(report)).not.toContain('SECRET');
    expect(insideHits).toBe(0);
  });

  it('should refuse a name that resolves inside, judged on the address DNS gave', async () => {
    const report = await httpCheck({ url: `http://localhost:${frontPort}/` }, 2000, null, noAllowedNetworks);
    expect(report).toMatchObject({ outcome: 'ERROR', details: { refused: 'loopback' } });
  });

  it('should refuse a redirect from an allowed site to an inside address, reading nothing there', async () => {
    const report = await httpCheck({ url: `http://127.0.0.1:${frontPort}/to-inside` }, 2000, null, onlyFront);
    expect(report.outcome).toBe('ERROR');
    expect(report.details).toMatchObject({
      refused: 'loopback',
      address: '127.0.0.2',
      redirects: [`http://127.0.0.2:${insidePort}/`],
    });
    expect(JSON.stringify(report)).not.toContain('SECRET');
    expect(insideHits).toBe(0);
  });

  it('should check an allowed inside address as usual', async () => {
    expect((await httpCheck({ url: `http://127.0.0.1:${frontPort}/` }, 2000, null, onlyFront)).outcome).toBe('UP');
  });

  it('should refuse TCP and TLS checks of inside ports before opening a socket', async () => {
    const tcpReport = await tcpCheck({ host: '127.0.0.1', port: tcpPort }, 2000);
    expect(tcpReport).toMatchObject({ outcome: 'ERROR', details: { refused: 'loopback', port: tcpPort } });
    const byName = await tcpCheck({ host: 'localhost', port: tcpPort }, 2000);
    expect(byName).toMatchObject({ outcome: 'ERROR', details: { refused: 'loopback' } });
    const tlsReport = await tlsCheck({ host: '::1', port: tcpPort }, 2000, new Date());
    expect(tlsReport).toMatchObject({ outcome: 'ERROR', details: { refused: 'loopback', address: '::1' } });
    const metadata = await tcpCheck({ host: '169.254.169.254', port: 80 }, 2000);
    expect(metadata).toMatchObject({ outcome: 'ERROR', details: { refused: 'cloudMetadata' } });
    expect(tcpAccepted).toBe(0);
  });

  it('should apply the environment’s allow list in runCheck, and refuse without one', async () => {
    const spec = { kind: 'TCP' as const, config: { host: '127.0.0.1', port: tcpPort }, timeoutMs: 2000 };
    const env = { rdapBaseUrl: 'http://127.0.0.1:1', now: () => new Date() };
    expect((await runCheck(spec, env)).outcome).toBe('ERROR');
    expect(tcpAccepted).toBe(0);
    expect((await runCheck(spec, { ...env, allowedNetworks: onlyFront })).outcome).toBe('UP');
    expect(tcpAccepted).toBe(1);
  });
});
