import type { ActorRef } from '@caredesk/schema/services';
import { submitTicket } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterEach, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { startSmtpSink } from './support/smtp-sink.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const minute = 60_000;

describeEachDatabase('the digest period', (provider) => {
  const apps: TestApp[] = [];
  const sinks: Awaited<ReturnType<typeof startSmtpSink>>[] = [];
  afterEach(async () => {
    for (const t of apps.splice(0)) await t.close();
    for (const sink of sinks.splice(0)) await sink.close();
  });

  it('should be a day unless MAIL_DIGEST_MINUTES says otherwise', () => {
    expect(loadConfig({}).mail.digestEveryMs).toBe(24 * 60 * minute);
    expect(loadConfig({ MAIL_DIGEST_MINUTES: '60' }).mail.digestEveryMs).toBe(60 * minute);
  });

  it('should hold the letters of a digest reader for the configured period and then send one digest', async () => {
    // The app's clock is ours to move: letters, claims and digests all read it.
    let clock = new Date('2026-11-24T09:00:00.000Z');
    const sink = await startSmtpSink();
    sinks.push(sink);
    const t = await createTestApp(provider, {
      env: {
        SMTP_URL: sink.url,
        OUTBOX_INTERVAL_MS: '50',
        MAIL_FROM: 'Support <support@studio.example>',
        MAIL_DIGEST_MINUTES: '60',
      },
      now: () => clock,
    });
    apps.push(t);
    await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' });
    const db = t.database.db;
    const file = async (email: string, title: string) => {
      const contact = await db.contact.findUniqueOrThrow({ where: { email } });
      const actor: ActorRef = { kind: 'CONTACT', authorized: contact.authorized, contactId: contact.id };
      const { ticket } = await submitTicket(
        db,
        t.app.events,
        {
          title,
          description: 'Details',
          organizationId: contact.organizationId,
          contactId: contact.id,
          source: 'WIDGET',
          idempotencyKey: `digest:${title}`,
        },
        actor,
        clock,
      );
      return ticket;
    };
    await db.notificationPreference.create({ data: { address: 'owner@bikes.example', mode: 'DIGEST' } });
    const one = await file('owner@bikes.example', 'Held one');
    const two = await file('owner@bikes.example', 'Held two');
    await t.app.start();

    // 59 minutes on: a letter to someone else goes out, and the pass that sent it, which looked
    // for due digests first at this time, found none.
    clock = new Date(clock.getTime() + 59 * minute);
    const other = await file('owner@flowers.example', 'Not held');
    await sink.until((ls) => ls.some((l) => l.mail.subject?.startsWith(`[#${other.number}]`)));
    expect(await db.outboxMail.count({ where: { kind: 'DIGEST' } })).toBe(0);
    expect(sink.letters.filter((l) => l.to.includes('owner@bikes.example'))).toHaveLength(0);

    clock = new Date(clock.getTime() + 2 * minute);
    await sink.until((ls) => ls.some((l) => l.to.includes('owner@bikes.example')));
    const digests = sink.letters.filter((l) => l.to.includes('owner@bikes.example'));
    expect(digests).toHaveLength(1);
    expect(digests[0]?.mail.subject).toBe('Digest of your tickets: 2 updates');
    expect(digests[0]?.mail.text).toContain(`[#${one.number}]`);
    expect(digests[0]?.mail.text).toContain(`[#${two.number}]`);
  });
});
