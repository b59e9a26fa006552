import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterEach, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { freePort } from './support/local-processes.ts';
import { startSmtpSink } from './support/smtp-sink.ts';
import { createTestApp } from './support/test-app.ts';

const query = `{ mailStatus { configured transport smtpServer fromAddress listener imapMailbox
  outbox { pending failed heldForDigest sentLastDay lastSentAt }
  checks { name ok detail } } }`;

type Status = {
  mailStatus: {
    configured: boolean;
    transport: string;
    smtpServer: string | null;
    fromAddress: string;
    checks: { name: string; ok: boolean; detail: string }[];
    outbox: { pending: number; failed: number };
  };
};

describeEachDatabase('the mail settings admins read in the console', (provider) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp(env: Record<string, string>) {
    const t = await createTestApp(provider, { env });
    cleanups.push(() => t.close());
    const demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const token = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';
    return { t, token };
  }

  it('should show an admin the SMTP server, the sender and the outbox, and check the server live', async () => {
    const sink = await startSmtpSink();
    cleanups.push(() => sink.close());
    const { t, token } = await setUp({ SMTP_URL: sink.url, MAIL_FROM: 'Support <support@studio.example>' });
    const answer = await t.gql<Status>(query, {}, token('ADMIN'));
    expect(answer.errors).toBeUndefined();
    const status = answer.data?.mailStatus;
    expect(status).toMatchObject({
      configured: true,
      transport: 'SMTP',
      smtpServer: sink.url,
      fromAddress: 'Support <support@studio.example>',
    });
    expect(status?.checks).toEqual([{ name: 'smtp', ok: true, detail: `${sink.url}: accepts mail` }]);
    expect(status?.outbox.failed).toBe(0);
  });

  it('should report an unreachable SMTP server without ever showing its password', async () => {
    const port = await freePort();
    const { t, token } = await setUp({ SMTP_URL: `smtp://studio:hunter2secret@127.0.0.1:${port}` });
    const answer = await t.gql<Status>(query, {}, token('ADMIN'));
    const status = answer.data?.mailStatus;
    expect(status?.smtpServer).toBe(`smtp://***@127.0.0.1:${port}`);
    expect(status?.checks).toHaveLength(1);
    expect(status?.checks[0]).toMatchObject({ name: 'smtp', ok: false });
    expect(JSON.stringify(answer)).not.toContain('hunter2secret');
  });

  it('should say letters only go to the log when no SMTP server is set, and refuse everyone but admins', async () => {
    const { t, token } = await setUp({});
    const answer = await t.gql<Status>(query, {}, token('ADMIN'));
    expect(answer.data?.mailStatus).toMatchObject({ transport: 'LOG', smtpServer: null, checks: [] });
    for (const role of ['LINE1', 'HEAD', 'ACCOUNTANT']) {
      const refused = await t.gql('{ mailStatus { transport } }', {}, token(role));
      expect(refused.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
    const stranger = await t.gql('{ mailStatus { transport } }');
    expect(stranger.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
