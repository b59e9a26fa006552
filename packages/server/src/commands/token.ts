import { parseArgs } from 'node:util';
import { createDb } from '@caredesk/schema/db';
import { isTokenScope, tokenScopes } from '@caredesk/schema/domain';
import { createApiToken } from '@caredesk/schema/services';
import { loadConfig } from '../config.ts';
import { type Command, UsageError } from './command.ts';

export const token: Command = {
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { staff: { type: 'string' }, scopes: { type: 'string' }, name: { type: 'string' } },
    });
    const usage = `usage: pnpm caredesk token create --staff E --scopes ${tokenScopes.join(',')} [--name N]`;
    if (positionals[0] !== 'create' || !values.staff || !values.scopes) throw new UsageError(usage);
    const scopes = values.scopes
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = scopes.filter((s) => !isTokenScope(s));
    if (unknown.length || scopes.length === 0)
      throw new UsageError(`unknown scope ${unknown.join(', ') || '(none given)'}\n${usage}`);
    const db = createDb(loadConfig().database);
    try {
      const member = await db.staffMember.findUnique({ where: { email: values.staff.toLowerCase() } });
      if (!member) {
        console.error(`no staff member with e-mail ${values.staff}`);
        return 1;
      }
      // The same path as GraphQL: validated and audited, the local operator as the actor.
      const { secret } = await createApiToken(db, {
        staffId: member.id,
        name: values.name ?? 'cli',
        scopes,
        now: new Date(),
        byStaffId: null,
      });
      console.log(secret);
      return 0;
    } finally {
      await db.$disconnect();
    }
  },
};
