import { parseArgs } from 'node:util';
import { createDb } from '@caredesk/schema/db';
import { DomainError } from '@caredesk/schema/services';
// Not yet exported by '@caredesk/schema/services': switch once services/index.ts exports it.
import { revokeApiToken } from '../../../schema/src/services/api-token-admin.ts';
import { loadConfig } from '../config.ts';
import { type Command, UsageError } from './command.ts';
import { withRevocationBus } from './revocation-bus.ts';

/** A token id as stored, or as the API shows it (the global id of "ApiToken:<id>"). */
function tokenIdOf(given: string): string {
  const decoded = Buffer.from(given, 'base64').toString('utf8');
  return decoded.startsWith('ApiToken:') ? decoded.slice('ApiToken:'.length) : given;
}

export const tokenRevoke: Command = {
  async run(args) {
    const { values } = parseArgs({ args, options: { 'token-id': { type: 'string' } } });
    const given = values['token-id']?.trim();
    if (!given) throw new UsageError('usage: pnpm caredesk revoke --token-id ID');
    const config = loadConfig();
    const db = createDb(config.database, config.databaseOptions);
    try {
      // A local operator: may revoke any token, audited as the system.
      const { revoked } = await withRevocationBus(config.redisUrl, (bus) =>
        revokeApiToken(db, { tokenId: tokenIdOf(given), byStaffId: null, byRole: 'ADMIN', now: new Date() }, bus),
      );
      if (!revoked) console.error(`token ${given} was already revoked`);
      return 0;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        console.error(`no API token with id ${given}`);
        return 1;
      }
      throw error;
    } finally {
      await db.$disconnect();
    }
  },
};
