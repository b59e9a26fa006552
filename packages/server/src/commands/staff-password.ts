import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createDb } from '@caredesk/schema/db';
import { DomainError, setStaffPassword } from '@caredesk/schema/services';
import { loadConfig } from '../config.ts';
import { type Command, UsageError } from './command.ts';
import { withRevocationBus } from './revocation-bus.ts';

/** The first line of standard input, without its line break; '' when there is none. */
async function firstLineOfStdin(): Promise<string> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}

export const staffPassword: Command = {
  async run(args) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' } } });
    if (!values.email) throw new UsageError('usage: pnpm caredesk password --email E   (the password on stdin)');
    const password = await firstLineOfStdin();
    const config = loadConfig();
    const db = createDb(config.database, config.databaseOptions);
    const email = values.email;
    try {
      await withRevocationBus(config.redisUrl, (bus) => setStaffPassword(db, { email, password }, bus));
      return 0;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'INVALID_INPUT') {
        console.error(error.message);
        return 2;
      }
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        console.error(`no staff member with e-mail ${values.email}`);
        return 1;
      }
      throw error;
    } finally {
      await db.$disconnect();
    }
  },
};
