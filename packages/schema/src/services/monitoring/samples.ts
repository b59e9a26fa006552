import { type Db, postgresSchemaOf } from '../../db/client.ts';
import { Prisma } from '../../generated/sqlite/client.ts';

const hourMs = 3_600_000;

/** Whole hours since 1970: the key of a packed hour. */
export const hourOf = (at: Date) => Math.floor(at.getTime() / hourMs);

export interface Sample {
  at: Date;
  responseTimeMs: number | null;
  statusCode: number | null;
}

/** One UP check as "<second of the hour>:<ms>:<status>". */
export function encodeSample(sample: Sample): string {
  const second = Math.floor((sample.at.getTime() - hourOf(sample.at) * hourMs) / 1000);
  return `${second}:${sample.responseTimeMs ?? ''}:${sample.statusCode ?? ''}`;
}

export function decodeSamples(hour: number, samples: string): Sample[] {
  return samples
    .split(' ')
    .filter(Boolean)
    .map((item) => {
      const [second, ms, status] = item.split(':');
      return {
        at: new Date(hour * hourMs + Number(second) * 1000),
        responseTimeMs: ms ? Number(ms) : null,
        statusCode: status ? Number(status) : null,
      };
    });
}

/**
 * Adds an UP result to its monitor's packed hour in one statement (insert, or append on the
 * key), the same SQL on SQLite and PostgreSQL.
 */
export async function appendSample(db: Db, monitorId: string, location: string, sample: Sample): Promise<void> {
  const schema = postgresSchemaOf(db);
  const table = Prisma.raw(schema ? `"${schema.replace(/"/g, '""')}"."CheckSampleHour"` : '"CheckSampleHour"');
  await db.$executeRaw`
    INSERT INTO ${table} AS s ("monitorId", "location", "hour", "checks", "samples")
    VALUES (${monitorId}, ${location}, ${hourOf(sample.at)}, 1, ${encodeSample(sample)})
    ON CONFLICT ("monitorId", "hour", "location")
    DO UPDATE SET "checks" = s."checks" + 1, "samples" = s."samples" || ' ' || excluded."samples"`;
}

/** Whether an UP result of this second is already in its packed hour (an agent resending a batch). */
export async function hasSample(db: Db, monitorId: string, location: string, at: Date): Promise<boolean> {
  const row = await db.checkSampleHour.findUnique({
    where: { monitorId_hour_location: { monitorId, hour: hourOf(at), location } },
    select: { samples: true },
  });
  if (!row) return false;
  const second = encodeSample({ at, responseTimeMs: null, statusCode: null }).split(':')[0];
  return ` ${row.samples}`.includes(` ${second}:`);
}
