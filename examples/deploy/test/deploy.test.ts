import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '@caredesk/schema/db';
import { emptyTarget, postgresUnavailable } from '@caredesk/schema/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../../../packages/server/src/seed/demo.ts';
import { type CompiledServer, startCompiledServer } from '../../../packages/server/test/support/compiled-server.ts';
import { subscribeOverWebSocket, until } from '../../../packages/server/test/support/live-subscription.ts';
import { freePort, reservePort } from '../../../packages/server/test/support/local-processes.ts';
import { redisUnavailable, testRedisUrl } from '../../../packages/server/test/support/redis.ts';
import { repositoryRoot } from '../../../packages/server/test/support/run-cli.ts';
import { selfSignedCertificate } from '../../../packages/server/test/support/self-signed.ts';
import { nginxSiteConfig, readEnvironmentFile, unitCommand } from './support/deploy-files.ts';
import { graphqlOverHttps, httpsRequest } from './support/https-client.ts';
import { type Nginx, nginxMissing, startNginx } from './support/nginx.ts';

// PostgreSQL, Redis and nginx are all needed; under CI a missing one fails instead of skipping.
const missing = (await postgresUnavailable()) ?? (await redisUnavailable()) ?? nginxMissing;
if (missing && process.env.CI) throw new Error(`PostgreSQL, Redis and nginx are required when CI is set: ${missing}`);

/**
 * examples/deploy as a studio runs it: the migration unit's command once, then the instance
 * unit's command twice (the compiled server, the committed caredesk.env) on one PostgreSQL
 * schema and one Redis, behind nginx running the committed nginx/caredesk.conf with TLS.
 */
describe.skipIf(Boolean(missing))(
  missing
    ? `two instances behind nginx (skipped: ${missing})`
    : 'two instances behind nginx, on one PostgreSQL and one Redis',
  () => {
    const database = emptyTarget('postgresql');
    let dir: string;
    let instances: [CompiledServer, CompiledServer];
    let nginx: Nginx;
    let proxy: string;
    let plainHttpPort: number;
    let ca: string;
    let accessLog: string;
    let demo: DemoCredentials;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'caredesk-deploy-'));
      const { cert, key } = selfSignedCertificate();
      ca = cert;
      writeFileSync(join(dir, 'fullchain.pem'), cert);
      writeFileSync(join(dir, 'privkey.pem'), key);
      accessLog = join(dir, 'caredesk.access.log');
      // nginx's ports are written into the instances' PUBLIC_URL and the site configuration long
      // before nginx starts: they stay held until then, so no other test's server takes them.
      const [https, http] = [await reservePort(), await reservePort()];
      const [httpsPort, httpPort, portA, portB] = [https.port, http.port, await freePort(), await freePort()];
      plainHttpPort = httpPort;
      proxy = `https://127.0.0.1:${httpsPort}`;
      mkdirSync(join(dir, 'attachments'));
      const env = {
        ...readEnvironmentFile('caredesk.env'),
        // What the studio fills in for its own machines:
        DATABASE_URL: database.url,
        REDIS_URL: testRedisUrl,
        PUBLIC_URL: proxy,
        ATTACHMENTS_DIR: join(dir, 'attachments'),
        SECRET_KEY: randomBytes(32).toString('base64url'),
        // Other tests share this Redis: limits of their own.
        RATE_LIMIT_KEY_PREFIX: `caredesk-deploy-test-${randomBytes(4).toString('hex')}`,
        LOG_LEVEL: 'warn',
      };

      // Once per release: caredesk-migrate.service.
      const [migrateBinary, ...migrateArgs] = unitCommand('caredesk-migrate.service', repositoryRoot);
      const migrated = spawnSync(migrateBinary as string, migrateArgs, {
        cwd: repositoryRoot,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
      expect(migrated.status, migrated.stderr).toBe(0);
      const db = createDb(database.target);
      demo = (await seedDemo(db, { publicUrl: proxy })) as DemoCredentials;
      await db.$disconnect();

      // caredesk@<port>.service, twice.
      const serve = unitCommand('caredesk@.service', repositoryRoot);
      instances = await Promise.all([
        startCompiledServer({ ...env, PORT: String(portA) }, { command: serve }),
        startCompiledServer({ ...env, PORT: String(portB) }, { command: serve }),
      ]);
      const site = nginxSiteConfig({
        https: httpsPort,
        http: httpPort,
        instances: [portA, portB],
        certificate: join(dir, 'fullchain.pem'),
        key: join(dir, 'privkey.pem'),
        accessLog,
      });
      await Promise.all([https.release(), http.release()]);
      nginx = await startNginx(site, dir, httpsPort);
    });

    afterAll(async () => {
      await nginx?.stop();
      await Promise.all((instances ?? []).map((instance) => instance.stop()));
      await database.cleanUp();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /** Upstreams of the access log's lines that match, e.g. `"GET /healthz ` → 127.0.0.1:port. */
    const upstreamsOf = (request: RegExp) =>
      readFileSync(accessLog, 'utf8')
        .split('\n')
        .filter((line) => request.test(line))
        .map((line) => /upstream=(\S+)/.exec(line)?.[1]);
    const instanceAddresses = () => instances.map((instance) => `127.0.0.1:${instance.port}`).sort();
    /** Reads the access log until `done` holds (nginx writes a line just after it answers). */
    const logShows = async (done: () => boolean) => {
      const deadline = Date.now() + 5_000;
      while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      return done();
    };

    it('should answer /healthz from both instances through the proxy', async () => {
      const healthz = /"GET \/healthz /;
      const both = () => new Set(upstreamsOf(healthz)).size === 2;
      for (let attempt = 0; attempt < 20 && !both(); attempt++) {
        const response = await httpsRequest(`${proxy}/healthz`, ca);
        expect(response.status).toBe(200);
        expect(JSON.parse(response.text)).toEqual({ status: 'ok' });
      }
      expect(await logShows(both)).toBe(true);
      expect([...new Set(upstreamsOf(healthz))].sort()).toEqual(instanceAddresses());
      const ready = await httpsRequest(`${proxy}/readyz`, ca);
      expect(JSON.parse(ready.text)).toEqual({ ready: true, database: 'ok', migrations: 'ok' });
    });

    it('should serve the widget and the staff console through the proxy', async () => {
      const widget = await httpsRequest(`${proxy}/widget.js`, ca);
      expect(widget.status).toBe(200);
      expect(widget.headers['content-type']).toContain('javascript');
      const desk = await httpsRequest(`${proxy}/console`, ca);
      expect(desk.status).toBe(200);
      expect(desk.text).toContain('/console/assets/');
    });

    it('should send plain HTTP to HTTPS', async () => {
      const response = await fetch(`http://127.0.0.1:${plainHttpPort}/console`, { redirect: 'manual' });
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe('https://127.0.0.1/console');
    });

    /** Files a ticket as the studio's admin, through the proxy. */
    const fileTicket = async (title: string, idempotencyKey: string) => {
      const organizations = await graphqlOverHttps<{ organizations: { edges: { node: { id: string } }[] } }>(
        proxy,
        ca,
        demo.adminToken,
        '{ organizations { edges { node { id } } } }',
      );
      const filed = await graphqlOverHttps<{ submitTicket: { ticket: { id: string; displayNumber: string } } }>(
        proxy,
        ca,
        demo.adminToken,
        'mutation ($input: SubmitTicketInput!) { submitTicket(input: $input) { ... on SubmitTicketPayload { ticket { id displayNumber } } } }',
        {
          input: {
            organizationId: organizations.data?.organizations.edges[0]?.node.id,
            title,
            description: 'Filed through nginx',
            idempotencyKey,
          },
        },
      );
      const ticket = filed.data?.submitTicket.ticket;
      if (!ticket) throw new Error(`not filed: ${JSON.stringify(filed)}`);
      return ticket;
    };
    /** GraphQL straight to one instance, not through the proxy. */
    const onInstance = async <T>(index: number, query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${instances[index]?.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.adminToken}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data: T };
    };

    it('should show a ticket filed through the proxy on each instance', async () => {
      const ticket = await fileTicket('Checkout is down behind the load balancer', 'deploy-test-ticket-0001');
      expect(ticket.displayNumber).toMatch(/^#\d+$/);
      // Whichever instance filed it, each one (asked directly) sees it.
      for (const index of [0, 1]) {
        const { data } = await onInstance<{ ticket: { title: string } | null }>(
          index,
          'query ($id: ID!) { ticket(id: $id) { title } }',
          { id: ticket.id },
        );
        expect(data.ticket?.title).toBe('Checkout is down behind the load balancer');
      }
    });

    it('should deliver a change made on one instance to subscriptions through the proxy on both', async () => {
      // A new ticket: nothing but the replies below changes it (no SLA job, no other test).
      const ticket = await fileTicket('Live updates across instances', 'deploy-test-ticket-0002');
      const subscribe = () =>
        subscribeOverWebSocket(
          proxy,
          demo.adminToken,
          'subscription ($id: ID!) { ticketUpdated(id: $id) { messages { body } } }',
          { id: ticket.id },
          {},
          { ca },
        );
      // Replies go to instance 0 only, straight, every 100 ms (every fifth poke) until heard.
      let round = 0;
      const sent: Promise<unknown>[] = [];
      const replyOnInstance0 = () => {
        round++;
        const reply = onInstance(
          0,
          'mutation ($input: ReplyToTicketInput!) { replyToTicket(input: $input) { __typename } }',
          {
            input: {
              ticketId: ticket.id,
              body: `reply ${round} on instance 0`,
              idempotencyKey: `deploy-reply-${round}`,
            },
          },
        );
        // Awaited below; until then a failure is only kept.
        reply.catch(() => undefined);
        sent.push(reply);
      };
      let pokes = 0;
      const poke = () => pokes++ % 5 === 0 && replyOnInstance0();
      const heard = (live: ReturnType<typeof subscribe>) =>
        live.payload((payload) => JSON.stringify(payload.data).includes('on instance 0'));
      // graphql-ws over nginx's WebSocket upgrade. least_conn sends the second socket to the
      // instance that does not hold the first: one of them is on instance 1, which hears of
      // instance 0's changes only through Redis.
      const first = subscribe();
      await until(heard(first), poke);
      const second = subscribe();
      await until(heard(second), poke);
      await Promise.all([first.close(), second.close()]);
      await Promise.all(sent);
      // nginx logs each WebSocket when it closes (101): one socket on each instance.
      const upgrades = () => upstreamsOf(/"GET \/graphql HTTP\/1\.1" 101 /);
      expect(await logShows(() => upgrades().length === 2)).toBe(true);
      expect(upgrades().sort()).toEqual(instanceAddresses());
    });
  },
);
