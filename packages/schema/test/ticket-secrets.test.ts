import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { DomainError } from '../src/services/domain-error.ts';
import { openValue, sealValue, secretBoxKey } from '../src/services/secret-box.ts';
import { addTicketSecret, purgeTicketSecrets, revealTicketSecret } from '../src/services/ticket-secrets.ts';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../src/testing/index.ts';

const now = new Date('2026-11-23T12:00:00Z');
const key = secretBoxKey('test-only ticket secrets key, 32+ characters long');
const otherKey = secretBoxKey('another ticket secrets key, also 32+ characters');
const staff = { kind: 'STAFF' as const, staffId: 'staff-1' };
const password = 'Ftp-Pa55word: correct horse battery staple ✓';

describe('the secret box', () => {
  it('should refuse a configured secret shorter than 32 characters', () => {
    expect(() => secretBoxKey('short')).toThrow(/at least 32/);
  });

  it('should seal the same value differently every time and open each back', () => {
    const a = sealValue(password, key, 'ticket:1');
    const b = sealValue(password, key, 'ticket:1');
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(openValue(a, key, 'ticket:1')).toBe(password);
    expect(openValue(b, key, 'ticket:1')).toBe(password);
  });

  it('should refuse to open with another key, another context or a tampered part', () => {
    const sealed = sealValue(password, key, 'ticket:1');
    expect(() => openValue(sealed, otherKey, 'ticket:1')).toThrow();
    expect(() => openValue(sealed, key, 'ticket:2')).toThrow();
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => openValue({ ...sealed, ciphertext: flipped.toString('base64') }, key, 'ticket:1')).toThrow();
    expect(() => openValue({ ...sealed, authTag: sealed.authTag.slice(0, 8) }, key, 'ticket:1')).toThrow();
  });
});

describeEachDatabase('ticket secrets', (provider) => {
  let database: TestDatabase;
  let db: Db;
  let nextNumber = 1001;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    db = database.db;
  });
  afterAll(async () => {
    await database?.drop();
  });

  const ticket = (status = 'IN_PROGRESS') =>
    db.ticket.create({
      data: { number: nextNumber++, title: 'Site is down', description: '…', source: 'STAFF', status: status as never },
    });
  const add = (ticketId: string, value = password, label = 'FTP access') =>
    addTicketSecret(db, { ticketId, label, value, actor: staff, now }, key);
  const auditsOf = (subjectId: string, action: string) =>
    db.auditEvent.findMany({ where: { subjectType: 'Secret', subjectId, action } });

  it('should give back the label and value that were handed over', async () => {
    const { id } = await ticket();
    const secret = await add(id);
    expect(secret).toMatchObject({ ticketId: id, label: 'FTP access' });
    expect(secret).not.toHaveProperty('ciphertext');
    expect(await revealTicketSecret(db, { secretId: secret.id, staffId: 'staff-1', now }, key)).toEqual({
      label: 'FTP access',
      value: password,
    });
    expect(await auditsOf(secret.id, 'secret.add')).toMatchObject([{ actorKind: 'STAFF', actorId: 'staff-1' }]);
  });

  it('should store no trace of the plain value in the secret row or the audit', async () => {
    const { id } = await ticket();
    const secret = await add(id);
    const raw = JSON.stringify([await db.secret.findMany({ where: { ticketId: id } }), await db.auditEvent.findMany()]);
    for (const trace of [
      password,
      'correct horse',
      Buffer.from(password).toString('base64'),
      Buffer.from(password).toString('hex'),
    ])
      expect(raw).not.toContain(trace);
    const row = await db.secret.findUniqueOrThrow({ where: { id: secret.id } });
    expect(Buffer.from(row.iv ?? '', 'base64')).toHaveLength(12);
    expect(Buffer.from(row.authTag ?? '', 'base64')).toHaveLength(16);
  });

  it('should fail to decrypt with a wrong key and audit nothing', async () => {
    const { id } = await ticket();
    const secret = await add(id);
    const reveal = revealTicketSecret(db, { secretId: secret.id, staffId: 'staff-1', now }, otherKey);
    await expect(reveal).rejects.toThrow();
    await expect(reveal).rejects.not.toBeInstanceOf(DomainError);
    expect(await auditsOf(secret.id, 'secret.read')).toHaveLength(0);
  });

  it('should not open a ciphertext copied onto another ticket’s secret', async () => {
    const [a, b] = [await ticket(), await ticket()];
    const source = await db.secret.findUniqueOrThrow({ where: { id: (await add(a.id)).id } });
    const target = await add(b.id, 'something else');
    const { ciphertext, iv, authTag } = source;
    await db.secret.update({ where: { id: target.id }, data: { ciphertext, iv, authTag } });
    await expect(revealTicketSecret(db, { secretId: target.id, staffId: 'staff-1', now }, key)).rejects.toThrow();
  });

  it('should write an audit row for every reveal', async () => {
    const { id } = await ticket();
    const secret = await add(id);
    for (const staffId of ['staff-1', 'staff-2', 'staff-1'])
      await revealTicketSecret(db, { secretId: secret.id, staffId, now }, key);
    const reads = await auditsOf(secret.id, 'secret.read');
    expect(reads.map((r) => r.actorId).sort()).toEqual(['staff-1', 'staff-1', 'staff-2']);
    expect(reads.every((r) => r.actorKind === 'STAFF' && r.createdAt.getTime() === now.getTime())).toBe(true);
  });

  it('should purge every secret of the ticket, leaving nothing decryptable, and audit each', async () => {
    const [closing, other] = [await ticket(), await ticket()];
    const secrets = [await add(closing.id), await add(closing.id, 'second', 'Admin panel')];
    const kept = await add(other.id);
    const later = new Date(now.getTime() + 60_000);
    expect(await db.$transaction((tx) => purgeTicketSecrets(tx, closing.id, later))).toBe(2);

    const rows = await db.secret.findMany({ where: { ticketId: closing.id } });
    expect(rows.map(({ ciphertext, iv, authTag, purgedAt }) => ({ ciphertext, iv, authTag, purgedAt }))).toEqual([
      { ciphertext: null, iv: null, authTag: null, purgedAt: later },
      { ciphertext: null, iv: null, authTag: null, purgedAt: later },
    ]);
    for (const secret of secrets) {
      await expect(revealTicketSecret(db, { secretId: secret.id, staffId: 'staff-1', now }, key)).rejects.toMatchObject(
        { code: 'NOT_FOUND', field: 'secretId' },
      );
      expect(await auditsOf(secret.id, 'secret.purge')).toMatchObject([{ actorKind: 'SYSTEM', actorId: null }]);
    }
    expect(await purgeTicketSecrets(db, closing.id, later)).toBe(0);
    expect(await auditsOf(secrets[0]?.id ?? '', 'secret.purge')).toHaveLength(1);
    expect((await revealTicketSecret(db, { secretId: kept.id, staffId: 'staff-1', now }, key)).value).toBe(password);
  });

  it.each(['ACCEPTED', 'PAID', 'REJECTED'])(
    'should refuse a secret for a %s ticket and store nothing',
    async (status) => {
      const { id } = await ticket(status);
      await expect(add(id)).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
      expect(await db.secret.count({ where: { ticketId: id } })).toBe(0);
      const audits = await db.auditEvent.findMany({ where: { action: 'secret.add' } });
      expect(audits.filter((a) => (a.data as { ticketId?: string }).ticketId === id)).toHaveLength(0);
    },
  );

  it('should refuse a missing ticket, an empty or long label and an empty or long value', async () => {
    const { id } = await ticket();
    await expect(add('no-such-ticket')).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'ticketId' });
    await expect(add(id, password, '  ')).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'label' });
    await expect(add(id, password, 'x'.repeat(101))).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'label' });
    await expect(add(id, '')).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'value' });
    await expect(add(id, 'x'.repeat(4001))).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'value' });
    expect(await db.secret.count({ where: { ticketId: id } })).toBe(0);
    await add(id, 'x'.repeat(4000), 'x'.repeat(100));
    expect(await db.secret.count({ where: { ticketId: id } })).toBe(1);
  });

  it('should refuse a secret id that does not exist', async () => {
    await expect(
      revealTicketSecret(db, { secretId: 'no-such-secret', staffId: 'staff-1', now }, key),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'secretId' });
  });
});
