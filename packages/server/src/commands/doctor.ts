import { createDb, describeTarget, migrationStatus } from '@caredesk/schema/db';
import { Redis } from 'ioredis';
import { configVariables, loadConfig } from '../config.ts';
import { loadWidgetScript } from '../http/widget-asset.ts';
import { mailDoctor } from '../mail/mail-doctor.ts';
import type { Command } from './command.ts';

export const doctor: Command = {
  async run() {
    const config = loadConfig();
    let healthy = true;
    const line = (ok: boolean, what: string, detail: string) => {
      if (!ok) healthy = false;
      console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what.padEnd(12)} ${detail}`);
    };
    console.log('configuration:');
    for (const [name, fallback] of configVariables)
      console.log(`      ${name.padEnd(20)} ${process.env[name] ? '(set)' : `default ${fallback}`}`);
    console.log(`      public URL           ${config.publicUrl}\n`);

    const db = createDb(config.database, config.databaseOptions);
    try {
      await db.$queryRawUnsafe('SELECT 1');
      line(true, 'database', describeTarget(config.database));
      const status = await migrationStatus(config.database);
      line(
        status.upToDate,
        'migrations',
        status.upToDate
          ? `${status.applied.length} applied`
          : `pending: ${status.pending.join(', ')} (run pnpm caredesk migrate)`,
      );
    } catch (error) {
      line(false, 'database', `${describeTarget(config.database)}: ${(error as Error).message}`);
    } finally {
      await db.$disconnect();
    }

    if (config.redisUrl) {
      const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000 });
      try {
        await redis.connect();
        line((await redis.ping()) === 'PONG', 'redis', config.redisUrl.replace(/\/\/[^@]*@/, '//***@'));
      } catch (error) {
        line(false, 'redis', (error as Error).message);
      } finally {
        redis.disconnect();
      }
    } else {
      line(true, 'pub/sub', 'in-process (set REDIS_URL to run several instances)');
    }
    for (const check of await mailDoctor(config.mail).check()) line(check.ok, check.name, check.detail);
    line(loadWidgetScript() !== null, 'widget', loadWidgetScript() ? 'built' : 'not built: run pnpm install');
    return healthy ? 0 : 1;
  },
};
