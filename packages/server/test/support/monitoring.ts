import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAllowedNetworks } from '@caredesk/schema/checks';
import type { Db } from '@caredesk/schema/db';
import { createMonitorScheduler, type MonitorScheduler } from '@caredesk/schema/services';
import type { SchedulerOptions } from '../../../schema/src/services/monitoring/scheduler.ts';
import type { TestApp } from './test-app.ts';

export type Behaviour = 'ok' | 'fail' | 'slow' | 'no-keyword' | 'json-bad' | 'hang';

/** A real HTTP site on a free port whose answer the test switches: 200, 500, slow, without the keyword. */
export async function startTargetSite() {
  const state: { mode: Behaviour; slowMs: number; hits: number } = { mode: 'ok', slowMs: 300, hits: 0 };
  const waiters: { count: number; resolve: () => void }[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    state.hits++;
    for (const waiter of waiters.filter((w) => state.hits >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    const send = (status: number, body: string, type = 'text/html') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (req.url === '/health.json')
      return send(200, JSON.stringify({ status: state.mode === 'json-bad' ? 'degraded' : 'ok' }), 'application/json');
    switch (state.mode) {
      case 'ok':
        return send(200, '<h1>Shop</h1><p>Add to cart</p>');
      case 'fail':
        return send(500, '<h1>Internal Server Error</h1><p>database connection refused</p>');
      case 'no-keyword':
        return send(200, '<h1>Maintenance</h1>');
      case 'slow':
        setTimeout(() => send(200, '<h1>Shop</h1><p>Add to cart</p>'), state.slowMs);
        return;
      case 'json-bad':
        return send(200, '<h1>Shop</h1><p>Add to cart</p>');
      case 'hang':
        return; // never answers
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    /** Resolves once the site has been asked `count` times in all. */
    hits: (count: number) =>
      new Promise<void>((resolve) => {
        if (state.hits >= count) resolve();
        else waiters.push({ count, resolve });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What the tests let monitors reach: their own sites on this machine. */
export const localNetworks = parseAllowedNetworks('127.0.0.0/8, ::1').allowed;

/** A scheduler on the test app's database with the test's clock; tests call runDue(). */
export function testScheduler(
  t: TestApp,
  now: () => Date,
  options: {
    rdapBaseUrl?: string;
    errors?: unknown[];
    allowLocal?: boolean;
    stalls?: SchedulerOptions['stalls'];
  } = {},
): MonitorScheduler {
  return createMonitorScheduler({
    db: t.database.db,
    events: t.app.events,
    now,
    ...(options.allowLocal === false ? {} : { allowedNetworks: localNetworks }),
    spreadOnStart: false,
    onError: (error) => options.errors?.push(error),
    ...(options.rdapBaseUrl ? { rdapBaseUrl: options.rdapBaseUrl } : {}),
    ...(options.stalls ? { stalls: options.stalls } : {}),
  });
}

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

export const createMonitorMutation = `mutation ($input: CreateMonitorInput!) {
  createMonitor(input: $input) {
    ... on MonitorPayload { monitor { id name state kind intervalSeconds } pushUrl }
    ... on DomainError { code field detail }
  }
}`;

/** The raw id of a Monitor's global id. */
export const rawId = (globalIdValue: string) => Buffer.from(globalIdValue, 'base64').toString().split(':')[1] ?? '';

/** Checks stored: failing ones as rows, UP ones packed per hour. */
export async function storedChecks(db: Db, monitorId?: string): Promise<number> {
  const where = monitorId ? { monitorId } : {};
  const rows = await db.checkResult.count({ where });
  const packed = await db.checkSampleHour.aggregate({ where, _sum: { checks: true } });
  return rows + (packed._sum.checks ?? 0);
}
