import { createDb } from '@caredesk/schema/db';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

type Answer = {
  data?: { submitTicket: { ticket?: { id: string } } | null } | null;
  errors?: { message: string; extensions?: { code?: string; retryAfterSeconds?: number } }[];
};

const submit =
  'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id } } ... on DomainError { code } } }';

/** An outage storm: far more tickets at once than the database has room for. */
describeEachDatabase('a burst of tickets larger than the database can take at once', (provider) => {
  let t: TestApp;
  let token = '';
  const burst = 40;

  beforeAll(async () => {
    // One connection, waited for a short while: a burst meeting a held database finds no room.
    // (The connect timeout also bounds opening a connection: generous enough for a busy machine.)
    t = await createTestApp(provider, {
      databaseOptions: { poolSize: 1, connectTimeoutMs: 1_000, transactionWaitMs: 50 },
    });
    // The demo is seeded through a client of its own: on a busy machine the seed's transaction
    // could miss the app's 50 ms wait, which is meant for the burst, not for the setup.
    const seeding = createDb(t.database.target);
    const demo = (await seedDemo(seeding, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    await seeding.$disconnect();
    token = demo.staff.find((s) => s.role === 'LINE1')?.token ?? '';
  });
  afterAll(() => t?.close());

  it('should answer each one with a ticket or a typed BUSY to retry, and file every one exactly once after retries', async () => {
    const key = (i: number) => `storm-${provider}-${i}`;
    const send = (i: number) =>
      t.gql(
        submit,
        { i: { title: `Site down ${i}`, description: 'HTTP 502', idempotencyKey: key(i) } },
        token,
      ) as Promise<Answer>;
    const filed = new Map<number, string>();
    let waiting = Array.from({ length: burst }, (_, i) => i);
    let busy = 0;
    // The first wave meets the database taken by a long transaction (a slow report, a migration):
    // none of it gets room in time. Then the transaction ends and the retries go through.
    let started!: () => void;
    let finish!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    // The holder itself may wait for the one connection (the app's background work may have it
    // a moment on a busy machine): its own wait is long, unlike the burst's 50 ms.
    const held = t.database.db.$transaction(
      async (tx) => {
        await tx.ticket.count();
        started();
        await new Promise<void>((resolve) => (finish = resolve));
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
    await Promise.race([holding, held]);
    for (let round = 0; waiting.length > 0 && round < 50; round++) {
      const answers = await Promise.all(waiting.map(send));
      if (round === 0) {
        expect(answers.filter((a) => a.errors?.[0]?.extensions?.code === 'BUSY')).toHaveLength(burst);
        finish();
        await held;
      }
      const again: number[] = [];
      answers.forEach((answer, n) => {
        const i = waiting[n] as number;
        const id = answer.data?.submitTicket?.ticket?.id;
        if (id) {
          filed.set(i, id);
          return;
        }
        // Nothing else than a ticket or BUSY: never "Unexpected error".
        expect(answer.errors?.[0]?.extensions).toEqual({ code: 'BUSY', retryAfterSeconds: 1 });
        expect(answer.errors?.[0]?.message).toMatch(/busy.*\/.*занят/i);
        busy++;
        again.push(i);
      });
      waiting = again;
    }
    expect(waiting).toEqual([]);
    expect(busy).toBeGreaterThan(0);
    // Each key filed one ticket, the one its answer named: none lost, none doubled by the retries.
    const stored = await t.database.db.ticket.findMany({
      where: { title: { startsWith: 'Site down' } },
      select: { id: true, title: true },
    });
    expect(stored).toHaveLength(burst);
    const localId = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1];
    for (const [i, id] of filed) expect(stored.find((row) => row.id === localId(id))?.title).toBe(`Site down ${i}`);
  });
});
