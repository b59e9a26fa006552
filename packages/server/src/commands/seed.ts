import { parseArgs } from 'node:util';
import { createDb, migrate } from '@caredesk/schema/db';
import { loadConfig } from '../config.ts';
import { printDemoCredentials, seedDemo } from '../seed/demo.ts';
import { seedDemoMonitors } from '../seed/demo-monitors.ts';
import { type Command, UsageError } from './command.ts';

export const seed: Command = {
  async run(args) {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean' } } });
    if (!values.demo) throw new UsageError('usage: pnpm caredesk seed --demo');
    const config = loadConfig();
    await migrate(config.database);
    const db = createDb(config.database, config.databaseOptions);
    try {
      const result = await seedDemo(db, { publicUrl: config.publicUrl });
      if (!result) {
        console.log('The database already has a studio; demo data was not added.');
        return 0;
      }
      const monitors = await seedDemoMonitors(db, config.publicUrl, config.monitoring.allowedNetworks);
      if (monitors) console.log(monitors.skipped);
      printDemoCredentials(result, config.publicUrl);
      return 0;
    } finally {
      await db.$disconnect();
    }
  },
};
