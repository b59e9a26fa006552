import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '@caredesk/schema/db';
import { builtInCalendar, DomainError, importCalendar, readCalendarFile, systemActor } from '@caredesk/schema/services';
// The export writer is a pure domain function.
import { calendarToIcal } from '../../../schema/src/domain/calendar/import/index.ts';
import { loadConfig } from '../config.ts';
import { type Command, UsageError } from './command.ts';

const usage = `usage:
  pnpm caredesk calendar import FILE [--format ICAL|JSON|CSV] [--merge]   load a production calendar
  pnpm caredesk calendar install ru                                      the built-in Russian 2025–2027
  pnpm caredesk calendar export [--from YYYY-MM-DD] [--to YYYY-MM-DD]    the calendar days as iCalendar`;

const formatOf = (file: string) =>
  ({ '.ics': 'ICAL', '.ical': 'ICAL', '.json': 'JSON', '.csv': 'CSV' })[extname(file).toLowerCase()] as
    | 'ICAL'
    | 'JSON'
    | 'CSV'
    | undefined;

export const calendar: Command = {
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        merge: { type: 'boolean' },
        from: { type: 'string' },
        to: { type: 'string' },
      },
    });
    const [action, target] = positionals;
    if (!action || !['import', 'install', 'export'].includes(action)) throw new UsageError(usage);
    const db = createDb(loadConfig().database);
    try {
      if (action === 'export') {
        const days = await db.calendarOverride.findMany({
          where: { date: { gte: values.from ?? '0000', lte: values.to ?? '9999' } },
          orderBy: { date: 'asc' },
        });
        process.stdout.write(calendarToIcal(days, { name: 'caredesk working calendar', now: new Date() }));
        return 0;
      }
      if (!target) throw new UsageError(usage);
      let days: ReturnType<typeof builtInCalendar>;
      if (action === 'install') {
        try {
          days = builtInCalendar(target);
        } catch {
          console.error(`no built-in calendar "${target}" (packages/schema/calendars has: ru)`);
          return 1;
        }
      } else {
        const format = (values.format?.toUpperCase() as 'ICAL' | 'JSON' | 'CSV' | undefined) ?? formatOf(target);
        if (!format || !['ICAL', 'JSON', 'CSV'].includes(format))
          throw new UsageError(`cannot tell the format of ${target}: pass --format ICAL, JSON or CSV`);
        days = readCalendarFile(format, readFileSync(target, 'utf8'));
      }
      const result = await importCalendar(db, days, { replace: !values.merge, actor: systemActor, now: new Date() });
      console.log(
        `${result.days} days of ${result.years.join(', ')} in place; due times of ${result.ticketsRecomputed} open tickets updated`,
      );
      return 0;
    } catch (error) {
      if (error instanceof DomainError) {
        console.error(`the calendar file is not valid: ${error.message}`);
        return 1;
      }
      throw error;
    } finally {
      await db.$disconnect();
    }
  },
};
