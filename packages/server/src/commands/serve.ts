import { parseArgs } from 'node:util';
import { createDb, describeTarget, migrate } from '@caredesk/schema/db';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { demoCredentialsFile, readDemoCredentials, seedDemo, writeDemoCredentials } from '../seed/demo.ts';
import { seedDemoMonitors } from '../seed/demo-monitors.ts';
import type { Command } from './command.ts';

export const serve: Command = {
  async run(args) {
    const { values } = parseArgs({ args, options: { init: { type: 'boolean' } } });
    const config = loadConfig();
    const db = createDb(config.database, config.databaseOptions);
    if (values.init) {
      const applied = await migrate(config.database);
      if (applied.length) console.log(`Migrated ${describeTarget(config.database)}: ${applied.join(', ')}`);
      const seeded = await seedDemo(db, { publicUrl: config.publicUrl });
      const monitors = seeded ? await seedDemoMonitors(db, config.publicUrl, config.monitoring.allowedNetworks) : null;
      if (monitors) console.log(monitors.skipped);
      if (seeded && config.database.provider === 'sqlite') writeDemoCredentials(config.database.file, seeded);
    }
    const app = buildApp(config, { db });
    const { url } = await app.start();
    const base = config.publicUrl.startsWith(url) ? url : config.publicUrl;
    console.log(`\ncaredesk is running on ${describeTarget(config.database)}`);
    console.log(`  Staff console ${base}/console`);
    console.log(`  GraphiQL      ${base}/graphql`);
    console.log(`  Demo site     ${base}/demo`);
    console.log(`  Health        ${base}/healthz  ${base}/readyz`);
    if (values.init && config.database.provider === 'sqlite') {
      const demo = readDemoCredentials(config.database.file);
      if (demo) {
        console.log(
          `  Demo token    ${demo.adminToken}   (admin ${demo.adminEmail}; all demo tokens: ${demoCredentialsFile(config.database.file)})`,
        );
        console.log('                In GraphiQL, Headers: {"Authorization": "Bearer <token>"}');
        const admin = demo.staff.find((person) => person.role === 'ADMIN');
        // Files written before the console existed have no passwords.
        if (admin?.password) console.log(`  Console       ${admin.email} / ${admin.password}`);
      }
    }
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping…`);
      await app.stop();
      await db.$disconnect();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    return undefined;
  },
};
