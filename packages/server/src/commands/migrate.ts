import { parseArgs } from 'node:util';
import { describeTarget, migrate, migrationStatus } from '@caredesk/schema/db';
import { loadConfig } from '../config.ts';
import type { Command } from './command.ts';

export const migrateCommand: Command = {
  async run(args) {
    const { values } = parseArgs({ args, options: { status: { type: 'boolean' } } });
    const { database } = loadConfig();
    if (values.status) {
      const status = await migrationStatus(database);
      console.log(
        `${describeTarget(database)}\napplied: ${status.applied.length}\npending: ${status.pending.join(', ') || 'none'}`,
      );
      if (status.failed.length) console.log(`failed: ${status.failed.join(', ')}`);
      if (status.modified.length) console.log(`changed after applying: ${status.modified.join(', ')}`);
      return status.upToDate ? 0 : 1;
    }
    const applied = await migrate(database);
    console.log(applied.length ? `applied ${applied.join(', ')}` : `${describeTarget(database)} is up to date`);
    return 0;
  },
};
