import { afterEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../src/testing/index.ts';

describeEachDatabase('writes of concurrent requests', (provider) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
  });

  it('should keep a write made while another request’s transaction is open and then rolled back', async () => {
    database = await createTestDatabase(provider);
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
    // Give the write its chance to reach the database while the transaction is open (without
    // the guard it runs inside that transaction; with it, it waits for the transaction to end).
    await Promise.race([other, new Promise((resolve) => setTimeout(resolve, 200))]);
    finish();
    expect(await failing).toBe('rolled back');
    await other;
    expect((await db.organization.findMany()).map((o) => o.name)).toEqual(['Должна остаться']);
  });
});
