/**
 * What a logged SQL statement does, on either database: Prisma names tables `main`.`Ticket` on
 * SQLite and "public"."Ticket" on PostgreSQL.
 */
const table = (name: string) => String.raw`\S*\b${name}[\x60"]\s`;

/** An INSERT into the table. */
export const insertsInto = (name: string) => (sql: string) =>
  new RegExp(String.raw`^INSERT INTO\s+${table(name)}`, 'i').test(sql.trim());

/** A SELECT from the table. */
export const readsFrom = (name: string) => (sql: string) =>
  new RegExp(String.raw`^SELECT\b.*\bFROM\s+${table(name)}`, 'is').test(sql.trim());

export const isCommit = (sql: string) => /^COMMIT\b/i.test(sql.trim());
