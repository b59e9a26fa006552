import { afterEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../src/testing/index.ts';

describeEachDatabase('writes of concurrent requests', (provider) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
  });

  it('should keep a write made while another request’s transaction is open and then rolled back', async () => {
    let waiting!: () => void;
    const waited = new Promise<void>((resolve) => {
      waiting = resolve;
    });
    database = await createTestDatabase(provider, { onWaitForTransaction: () => waiting() });
    const { db } = database;
    const keep = await db.organization.create({ data: { name: 'Была' } });
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => {
      inside = resolve;
    });
    let finish!: () => void;
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const failing = db
      .$transaction(async (tx) => {
        await tx.organization.create({ data: { name: 'Откатится' } });
        inside();
        await held;
        throw new Error('rolled back');
      })
      .catch((error: Error) => error.message);
    await opened;
    // Another request writes outside any transaction while the first is still open.
    const other = db.organization.update({ where: { id: keep.id }, data: { name: 'Должна остаться' } });
    // The write reaches the database while the transaction is open: on PostgreSQL it runs on a
    // connection of its own and ends; on SQLite's one connection it must wait behind the
    // transaction (without that guard it would run inside it, and end, and be rolled back).
    await Promise.race([other, waited]);
    finish();
    expect(await failing).toBe('rolled back');
    await other;
    expect((await db.organization.findMany()).map((o) => o.name)).toEqual(['Должна остаться']);
  });
});
