import pino from 'pino';
import { type App, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { TestApp } from './test-app.ts';

/**
 * One more instance of the app on `t`'s database (as when several run behind a balancer, or
 * after a restart), with `env` on top of the test defaults. Stop it with `stop()`.
 */
export function anotherInstance(t: TestApp, env: Record<string, string>): App {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATABASE_URL: t.database.url,
    ATTACHMENTS_DIR: t.attachmentsDir,
    ...env,
  });
  return buildApp(config, { db: t.database.db, logger: pino({ level: 'silent' }) });
}

/** Asks `app` for a sign-in code for `email`: `{ sent: true }`, or the refusal's code and retry time. */
export async function askCode(
  app: App,
  email: string,
): Promise<{ sent?: boolean; code?: string; retryAfterSeconds?: number }> {
  const response = await app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation ($i: RequestSignInCodeInput!) { requestSignInCode(input: $i) { ... on SignInCodePayload { sent } ... on DomainError { code retryAfterSeconds } } }',
      variables: { i: { email } },
    }),
  });
  const body = (await response.json()) as { data?: { requestSignInCode: Record<string, unknown> } };
  return body.data?.requestSignInCode ?? {};
}
