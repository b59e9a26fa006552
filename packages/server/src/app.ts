import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { createDb, type Db } from '@caredesk/schema/db';
import { localeFrom } from '@caredesk/schema/domain';
import { type EventBus, type GraphQLContext, schema, type Viewer } from '@caredesk/schema/graphql';
import {
  type AttachmentStorage,
  acceptDueTickets,
  defaultOutboxTiming,
  fireDueSlaEvents,
  issueDueMonthlyInvoices,
  type Mailer,
  type OutboxTiming,
  type RateLimiter,
  secretBoxKey,
} from '@caredesk/schema/services';
import type { DocumentNode } from 'graphql';
import { createYoga } from 'graphql-yoga';
import type { WebSocketServer } from 'ws';
import { type CarriedCredentials, consoleCookie, csrfHeader, fromConsoleOrigin } from './auth/console-cookie.ts';
import { consoleViewer } from './auth/console-viewer.ts';
import { viewerCache } from './auth/viewer-cache.ts';
import type { Config } from './config.ts';
import { memoryEventBus } from './events/memory-event-bus.ts';
import { redisEventBus } from './events/redis-event-bus.ts';
import { allowedOrigins } from './http/allowed-origins.ts';
import { articlePage } from './http/article-page.ts';
import { attachmentPath, attachmentRoute } from './http/attachment-route.ts';
import { maskError } from './http/busy-error.ts';
import { clientAddresses } from './http/client-address.ts';
import { consoleAssets } from './http/console-asset.ts';
import { consoleSessionRoute } from './http/console-session.ts';
import { demoAddress, demoPage } from './http/demo-page.ts';
import { sharedDocumentChecker } from './http/document-checker.ts';
import { readinessCheck } from './http/health.ts';
import { heartbeatPath, heartbeatRoute } from './http/heartbeat-route.ts';
import { useHiddenSuggestions } from './http/hidden-suggestions.ts';
import { useInvalidJsonError } from './http/invalid-json.ts';
import { publicDocumentCheck } from './http/public-document-check.ts';
import { queryLimits, useQueryLimits } from './http/query-limits.ts';
import { ratingRoute } from './http/rating-route.ts';
import { useRefusalThrottle } from './http/refusal-throttle.ts';
import { reportPath, reportRoute } from './http/report-route.ts';
import { requestViewers, staffOperation } from './http/request-viewer.ts';
import { useRoutes } from './http/routes.ts';
import { secondTimeCache } from './http/second-time-cache.ts';
import { hmacSigner } from './http/signed-links.ts';
import { useStaffOnlyIntrospection } from './http/staff-introspection.ts';
import { statusPage } from './http/status-page.ts';
import { useUploadLimit } from './http/upload-limit.ts';
import { longestListBound, useVariableListBound } from './http/variable-lists.ts';
import { attachWebSockets } from './http/websockets.ts';
import { widgetAssets } from './http/widget-asset.ts';
import { widgetLookRoute } from './http/widget-look-route.ts';
import { intervalJob } from './jobs/interval-job.ts';
import { memoryRateLimiter } from './limits/memory-rate-limiter.ts';
import { redisRateLimiter } from './limits/redis-rate-limiter.ts';
import { createLogger, type Logger } from './logger.ts';
import { consoleMailer } from './mail/console-mailer.ts';
import { imapPoller } from './mail/imap-poller.ts';
import { incomingMail } from './mail/incoming.ts';
import { mailDoctor } from './mail/mail-doctor.ts';
import { listenerSecurity } from './mail/mail-settings.ts';
import { sendDueMail } from './mail/outbox-sender.ts';
import { replyAddresses } from './mail/reply-address.ts';
import { smtpListener } from './mail/smtp-listener.ts';
import { smtpMailer } from './mail/smtp-mailer.ts';
import { monitoringJob } from './monitoring/monitoring-jobs.ts';
import { localSecretKey } from './secret-key-file.ts';
import { diskStorage } from './storage/disk-storage.ts';
import { accessWatch } from './subscriptions/access-watch.ts';
import { useSharedSubscriptionExecution } from './subscriptions/shared-execution.ts';

export type ClosableEventBus = EventBus & { close(): Promise<void>; ready?(): Promise<void> };

export interface AppDeps {
  db: Db;
  events: ClosableEventBus;
  logger: Logger;
  now: () => Date;
  storage: AttachmentStorage;
  mailer: Mailer;
  /** Claim lease and retry backoff of the outbox sender. */
  outboxTiming: OutboxTiming;
}

export interface App {
  yoga: ReturnType<typeof createYoga<Record<string, unknown>, GraphQLContext>>;
  db: Db;
  events: AppDeps['events'];
  /** Listens on the configured port; resolves with the address actually bound, and the HTTP server. */
  start(): Promise<{ url: string; port: number; smtpPort: number | null; server: Server }>;
  /** Stops taking work, lets open requests finish, closes sockets and the database. */
  stop(): Promise<void>;
}

/** Wires the server: one port and path for HTTP and WebSocket GraphQL, plus health routes. */
export function buildApp(config: Config, deps: Partial<AppDeps> = {}): App {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const db = deps.db ?? createDb(config.database, config.databaseOptions);
  const bus: ClosableEventBus = deps.events ?? (config.redisUrl ? redisEventBus(config.redisUrl) : memoryEventBus());
  const now = deps.now ?? (() => new Date());
  // Open subscriptions end when their token or session is revoked or expires (here and on every instance).
  const access = accessWatch({ events: bus, db, now, logger, recheckMs: config.subscriptionRecheckMs });
  const events = access.events;
  const readiness = readinessCheck(db, config.database);
  const widget = widgetAssets();
  const desk = consoleAssets();
  const storage = deps.storage ?? diskStorage(config.attachmentsDir);
  const origins = allowedOrigins(db, config.publicUrl, now);
  const clientAddress = clientAddresses(config.trustProxy);
  // Browsers may call from the studio's own address and from the client sites' allowed origins.
  const corsFor = async (origin: string | null) =>
    origin && (await origins.has(origin))
      ? {
          origin,
          credentials: false,
          methods: ['GET', 'POST', 'OPTIONS'],
          allowedHeaders: ['authorization', 'content-type', 'accept-language', 'graphql-require-preflight'],
        }
      : (false as const);
  // One key for links, reply addresses and sealed secrets: SECRET_KEY, or one generated once
  // into the data folder (next to the attachments), so all three survive a restart.
  const secretKey = config.secretKey ?? localSecretKey(dirname(config.attachmentsDir));
  const signer = hmacSigner(secretKey);
  const linkMinutes = 15;
  const links = {
    attachment: (id: string) =>
      `${config.publicUrl}${signer.sign(attachmentPath(id), new Date(now().getTime() + linkMinutes * 60_000))}`,
    report: (organizationId: string, month: string, format: 'pdf' | 'csv', locale: 'ru' | 'en') =>
      `${config.publicUrl}${signer.sign(reportPath(organizationId, month, format, locale), new Date(now().getTime() + linkMinutes * 60_000))}`,
  };

  const mailer =
    deps.mailer ?? (config.mail.smtpUrl ? smtpMailer(config.mail.smtpUrl, config.mail.from) : consoleMailer(logger));
  const replies = replyAddresses(config.mail.from, secretKey);
  // Letters to addresses nobody verified are capped (the confirmation of a visitor's ticket).
  const letterLimits = { unverifiedPerDay: config.mail.unverifiedPerDay };
  const receive = incomingMail({
    db,
    events,
    storage,
    limits: config.uploadLimits,
    unknownSender: config.mail.unknownSender,
    replies,
    now,
  });
  const listener =
    config.mail.listenPort === null
      ? null
      : smtpListener({
          host: config.mail.listenHost,
          port: config.mail.listenPort,
          // The files' limit plus room for the text and the base64 encoding of the files.
          maxBytes: Math.ceil(config.uploadLimits.maxRequestBytes * 1.4) + 1024 * 1024,
          logger: logger.child({ component: 'smtp' }),
          security: listenerSecurity(config.mail),
          receive,
        });
  const imap = config.mail.imap
    ? imapPoller({ settings: config.mail.imap, logger: logger.child({ component: 'imap' }), receive })
    : null;
  const secretsKey = secretBoxKey(secretKey);
  // One limiter for every limit: in Redis when instances share it, else in this process.
  const { rules, keyPrefix } = config.rateLimits;
  const limiter: RateLimiter & { close?(): Promise<void> } = config.redisUrl
    ? redisRateLimiter({ url: config.redisUrl, rules, keyPrefix, logger: logger.child({ component: 'limits' }) })
    : memoryRateLimiter(rules);
  const cookie = consoleCookie(config.publicUrl);
  const viewers = viewerCache({ ttlMs: config.viewerCacheMs, maxEntries: 10_000, now });
  access.onCredentialsChanged(() => viewers.forget());
  const viewerFor = consoleViewer({ db, cookie, publicUrl: config.publicUrl, now, cache: viewers });
  const doctor = mailDoctor(config.mail);
  // Over HTTP the caller is looked up once, from the headers, before the body is read.
  const requestCallers = requestViewers((request) =>
    viewerFor(
      {
        authorization: request.headers.get('authorization') ?? undefined,
        cookie: request.headers.get('cookie'),
        origin: request.headers.get('origin'),
        host: request.headers.get('host'),
        csrfProof: request.headers.has(csrfHeader),
      },
      request.headers.get('origin'),
    ),
  );
  // A lookup that failed (the database overloaded) counts as not staff here; the context awaits
  // the same lookup and answers with its error (BUSY), as it did when it was the first to look.
  const staffRequest = (request: Request) =>
    requestCallers.viewer(request).then(
      (viewer) => viewer.kind === 'staff',
      () => false,
    );
  const staffOperationOf = staffOperation(requestCallers);
  // Documents from anyone but staff are measured and validated on another thread.
  const documentChecker = sharedDocumentChecker(schema, queryLimits, (error) =>
    logger.warn({ error }, 'the document-check worker failed: public documents are checked in place'),
  );
  const publicDocuments = publicDocumentCheck({ checker: documentChecker, staffRequest });
  const contextFor = async (
    viewer: Promise<Viewer>,
    language: string | null | undefined,
    origin: string | null,
    clientIp: string,
  ): Promise<GraphQLContext> => ({
    db,
    events,
    now,
    origin,
    clientIp,
    secretsKey,
    rateLimit: (bucket, key) => limiter.consume(bucket, key),
    limiter,
    mailer,
    mailDoctor: doctor,
    publicUrl: config.publicUrl,
    locale: localeFrom(language),
    storage,
    uploadLimits: config.uploadLimits,
    monitorNetworks: config.monitoring.allowedNetworks,
    letterLimits,
    links,
    viewer: await viewer,
  });

  // The longest list any argument takes: variables with a longer one are refused before any work.
  const longestList = longestListBound(schema, config.uploadLimits.maxFiles);
  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // GraphiQL is served from this process (no CDN), so it works on an intranet too. Its page is
    // large: loaded on the first visit rather than at every start (a third of a second).
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    graphiql: {
      title: 'caredesk GraphiQL',
      defaultQuery:
        '# Add the header {"Authorization": "Bearer <your token>"} below, then run:\n{\n  viewer { kind staff { name role } }\n  tickets(first: 5) { edges { node { displayNumber title status priority } } }\n}\n',
    },
    logging: logger.child({ component: 'graphql' }),
    // Bodies are held to our own limits (useUploadLimit: by the declared length, or counted while
    // read when none is declared); yoga's own 25 MB limit would pipe every body through one more
    // stream, ~8 KB of garbage a request, to enforce a larger one.
    maxRequestBodySize: false,
    // An overloaded database answers BUSY (retry in a second), not "Unexpected error".
    maskedErrors: { maskError },
    // Parsed documents (and parse errors) are kept from their second time: a flood of texts, each
    // new, would otherwise churn the cache, and its collection pause everyone (decision 22).
    parserAndValidationCache: {
      documentCache: secondTimeCache<DocumentNode>(1_000),
      errorCache: secondTimeCache<unknown>(1_000),
    },
    context: ({
      request,
      connectionParams,
      origin,
      req,
      clientAddress: socketClientAddress,
      upgrade,
    }: {
      request?: Request;
      connectionParams?: Record<string, unknown>;
      origin?: string | null;
      req?: { socket?: { remoteAddress?: string } };
      /** Over WebSocket: resolved from the upgrade request. */
      clientAddress?: string;
      /** Over WebSocket: the upgrade request's cookie and host (the console's session). */
      upgrade?: { cookie?: string; host?: string };
    }) => {
      if (request) {
        return contextFor(
          requestCallers.viewer(request),
          request.headers.get('accept-language'),
          request.headers.get('origin'),
          clientAddress(req?.socket?.remoteAddress, request.headers.get('x-forwarded-for')),
        );
      }
      const carried: CarriedCredentials = {
        authorization: connectionParams?.authorization as string | undefined,
        cookie: upgrade?.cookie,
        origin,
        host: upgrade?.host,
        csrfProof: true,
      };
      return contextFor(
        viewerFor(carried, origin ?? null),
        connectionParams?.locale as string | undefined,
        origin ?? null,
        socketClientAddress ?? clientAddress(undefined, undefined),
      );
    },
    // Only the API answers per origin. The widget's files say `*` themselves: they are cached for a
    // year, and one cached with another site's origin would be refused on the next site.
    cors: (request) => (new URL(request.url).pathname === '/graphql' ? corsFor(request.headers.get('origin')) : false),
    plugins: [
      requestCallers.plugin,
      useRefusalThrottle({
        limiter,
        rule: config.rateLimits.rules.refusedPerIp,
        addressOf: clientAddress,
        staff: staffRequest,
      }),
      useUploadLimit(config.uploadLimits.maxRequestBytes, staffRequest),
      useInvalidJsonError(),
      useVariableListBound(longestList),
      publicDocuments.plugin,
      useQueryLimits({ staff: staffOperationOf, checked: publicDocuments.checked }),
      useHiddenSuggestions(staffOperationOf),
      useStaffOnlyIntrospection(),
      // An event's selection runs once per group of subscribers that get the same answer.
      useSharedSubscriptionExecution(),
      access.plugin,
      useRoutes(
        {
          '/healthz': () => Response.json({ status: 'ok' }),
          '/readyz': async () => {
            const state = await readiness();
            return Response.json(state, { status: state.ready ? 200 : 503 });
          },
          '/': () => new Response(null, { status: 302, headers: { location: '/graphql' } }),
          '/demo': async (request) => {
            const site = await db.site.findFirst({ orderBy: { createdAt: 'asc' }, select: { publicKey: true } });
            // The script tag names the address the page was opened at (localhost or 127.0.0.1).
            const publicUrl = demoAddress(request, config.publicUrl);
            return new Response(demoPage({ publicUrl, siteKey: site?.publicKey ?? null }), {
              headers: { 'content-type': 'text/html; charset=utf-8' },
            });
          },
          '/widget.js': widget.script,
          '/widget/look': widgetLookRoute(db),
          '/console': desk.page,
          '/console/': desk.page,
          '/console/session': consoleSessionRoute({
            db,
            limiter,
            events,
            cookie,
            publicUrl: config.publicUrl,
            now,
            addressOf: (request, serverContext) =>
              clientAddress(
                (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket
                  ?.remoteAddress,
                request.headers.get('x-forwarded-for'),
              ),
          }),
        },
        {
          '/attachments/': attachmentRoute(db, storage, signer, now),
          '/reports/': reportRoute(db, signer, now),
          '/rate/': ratingRoute(db, now),
          '/widget/': widget.part,
          '/console/assets/': desk.asset,
          // The console's own paths (a ticket's address) load its page too.
          '/console/': desk.page,
          '/kb/': articlePage(db),
          '/status/': statusPage(db, now),
          [heartbeatPath]: heartbeatRoute(db, events, now),
        },
      ),
    ],
  });

  // Jobs that act on stored due times: safe to run on every instance at once.
  const jobs = [
    intervalJob('auto-accept', 60_000, () => acceptDueTickets(db, events, now()), logger),
    // Month end: each organization's invoice for the month just ended, once (docs/billing.md).
    intervalJob('monthly-invoices', 60 * 60_000, () => issueDueMonthlyInvoices(db, now()), logger),
    intervalJob('sla', config.slaCheckIntervalMs, () => fireDueSlaEvents(db, events, now()), logger),
    monitoringJob(config.monitoring, { db, events, now, logger }),
    intervalJob(
      'outbox',
      config.mail.outboxIntervalMs,
      () =>
        sendDueMail({
          db,
          mailer,
          now,
          timing: deps.outboxTiming ?? { ...defaultOutboxTiming, digestEveryMs: config.mail.digestEveryMs },
          publicUrl: config.publicUrl,
          replies,
        }),
      logger,
    ),
  ];

  let server: Server | undefined;
  let wss: WebSocketServer | undefined;

  return {
    yoga,
    db,
    events,
    async start() {
      await events.ready?.();
      access.start();
      documentChecker.start();
      server = createServer(yoga);
      wss = attachWebSockets({
        server,
        yoga,
        logger,
        originAllowed: (origin) => origins.has(origin),
        fromConsole: (origin, host) => fromConsoleOrigin(origin, host, config.publicUrl),
        clientAddress,
        limits: config.webSockets,
        longestList,
        publicDocuments,
      });
      await new Promise<void>((resolve, reject) => {
        server?.once('error', reject);
        server?.listen(config.port, config.host, () => resolve());
      });
      const smtpPort = listener ? await listener.start() : null;
      imap?.start();
      for (const job of jobs) job.start();
      const { port } = server.address() as AddressInfo;
      const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      logger.info({ port, database: config.database.provider, redis: Boolean(config.redisUrl) }, 'caredesk listening');
      return { url: `http://${host}:${port}`, port, smtpPort, server };
    },
    async stop() {
      logger.info('caredesk stopping');
      await Promise.all(jobs.map((job) => job.stop()));
      await listener?.stop();
      await imap?.stop();
      mailer.close?.();
      if (wss) {
        for (const socket of wss.clients) socket.close(1001, 'Server is shutting down');
        await new Promise<void>((resolve) => wss?.close(() => resolve()));
      }
      if (server) {
        const closed = new Promise<void>((resolve) => server?.close(() => resolve()));
        server.closeIdleConnections();
        const timer = setTimeout(() => server?.closeAllConnections(), config.shutdownTimeoutMs);
        await closed;
        clearTimeout(timer);
      }
      await access.stop();
      await events.close();
      await limiter.close?.();
      if (!deps.db) await db.$disconnect();
      logger.info('caredesk stopped');
    },
  };
}
