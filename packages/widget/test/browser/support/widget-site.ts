import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { memoryMailer } from '../../../../server/src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../../../../server/src/seed/demo.ts';
import { observedEventBus } from '../../../../server/test/support/observed-events.ts';
import { signInCodeSent } from '../../../../server/test/support/sign-in-code.ts';
import { createTestApp, type TestApp } from '../../../../server/test/support/test-app.ts';

/** A port free right now (the server binds it a moment later). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface WidgetSite {
  t: TestApp;
  demo: DemoCredentials;
  /** The caredesk server, e.g. http://127.0.0.1:41234. */
  server: string;
  /** The client site's pages: an allowed origin of the first demo site. */
  site: string;
  /** The same pages from an origin no site allows. */
  stranger: string;
  siteKey: string;
  /** The sign-in code in the last letter sent to this address. */
  lastCode(email: string): string;
  /** A session token of a client contact, signed in by the e-mailed code. */
  contactToken(email: string): Promise<string>;
  /** Serves `html` at `path` on the client site. */
  page(path: string, html: string): void;
  /** Resolves once the server has a subscriber to the ticket's updates (its database id): a reply then reaches it. */
  followed(ticketId: string): Promise<void>;
  close(): Promise<void>;
}

/** The real server on a free port with demo data, and a client site on another port that embeds it. */
export async function startWidgetSite(options: { now?: () => Date } = {}): Promise<WidgetSite> {
  const pages = new Map<string, string>();
  const serve = (request: IncomingMessage, response: ServerResponse) => {
    const html = pages.get(new URL(request.url ?? '/', 'http://x').pathname);
    response.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html ?? 'not found');
  };
  const siteServer: Server = createServer(serve);
  // The same pages at another port: an origin the demo sites do not allow.
  const strangerServer: Server = createServer(serve);
  await new Promise<void>((resolve) => siteServer.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => strangerServer.listen(0, '127.0.0.1', resolve));
  const sitePort = (siteServer.address() as AddressInfo).port;
  const strangerPort = (strangerServer.address() as AddressInfo).port;
  const site = `http://127.0.0.1:${sitePort}`;
  const port = await freePort();
  const server = `http://127.0.0.1:${port}`;
  const mailer = memoryMailer();
  const observed = observedEventBus();
  const t = await createTestApp('sqlite', {
    mailer,
    events: observed.events,
    ...(options.now ? { now: options.now } : {}),
    env: {
      PORT: String(port),
      PUBLIC_URL: server,
      RATE_LIMIT_SUBMIT_IP: '1000/600',
      SECRET_KEY: 'browser-tests-secret-key-0123456789abcdef',
    },
  });
  // The demo sites allow the origin of the address given here: the client site's.
  const demo = (await seedDemo(t.database.db, { publicUrl: site })) as DemoCredentials;
  await t.app.start();
  return {
    t,
    demo,
    server,
    site,
    stranger: `http://127.0.0.1:${strangerPort}`,
    siteKey: demo.siteKeys[0] as string,
    page: (path, html) => pages.set(path, html),
    followed: (ticketId) => observed.listening('ticketUpdated', ticketId),
    lastCode: (email) =>
      [...mailer.sent]
        .reverse()
        .find((m) => m.to.includes(email))
        ?.subject.match(/\d{6}/)?.[0] ?? '',
    async contactToken(email) {
      const before = mailer.sent.length;
      await t.gql('mutation ($i: RequestSignInCodeInput!) { requestSignInCode(input: $i) { __typename } }', {
        i: { email },
      });
      const code = signInCodeSent(mailer.sent, email, before);
      const response = await t.gql<{ signIn: { token?: string } }>(
        'mutation ($i: SignInInput!) { signIn(input: $i) { ... on SessionPayload { token } } }',
        { i: { email, code } },
      );
      return response.data?.signIn.token ?? '';
    },
    async close() {
      await new Promise((resolve) => siteServer.close(resolve));
      await new Promise((resolve) => strangerServer.close(resolve));
      await t.close();
    },
  };
}

/** A client page with the one script tag. */
export function embedPage(options: {
  server: string;
  siteKey: string;
  lang?: string;
  head?: string;
  body?: string;
  attrs?: string;
}): string {
  return `<!doctype html><html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Client site</title>${options.head ?? ''}</head>
<body><h1>Flower shop</h1><p>Checkout fails sometimes.</p>${options.body ?? ''}
<script src="${options.server}/widget.js" data-site-key="${options.siteKey}" ${options.attrs ?? ''} async></script>
</body></html>`;
}
