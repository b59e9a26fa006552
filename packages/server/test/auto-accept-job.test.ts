import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterEach, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describeEachDatabase('automatic acceptance', (provider) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
  });

  it('should accept a ticket whose 7 days passed while the server was down, as soon as it starts again', async () => {
    t = await createTestApp(provider);
    await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' });
    const resolved = await t.database.db.ticket.findFirstOrThrow({ where: { status: 'RESOLVED' } });
    // Its due time passed during the downtime.
    await t.database.db.ticket.update({
      where: { id: resolved.id },
      data: { autoAcceptAt: new Date(Date.now() - 60_000) },
    });
    const changed = t.app.events.subscribe('ticketUpdated', resolved.id)[Symbol.asyncIterator]().next();

    await t.app.start();
    expect((await changed).value).toEqual({ ticketId: resolved.id });

    const after = await t.database.db.ticket.findUniqueOrThrow({
      where: { id: resolved.id },
      include: { statusChanges: { orderBy: { createdAt: 'desc' }, take: 1 } },
    });
    expect(after).toMatchObject({ status: 'ACCEPTED', autoAcceptAt: null });
    expect(after.statusChanges[0]).toMatchObject({ fromStatus: 'RESOLVED', toStatus: 'ACCEPTED', actorKind: 'SYSTEM' });
    // Tickets not yet due stay as they are.
    expect(await t.database.db.ticket.count({ where: { status: 'RESOLVED' } })).toBeGreaterThan(0);
  });
});
