import { parseArgs } from 'node:util';
import { createDb } from '@caredesk/schema/db';
import { defaultScopesForRole, defaultSupportLine, StaffRole } from '@caredesk/schema/domain';
import { createApiToken } from '@caredesk/schema/services';
import { loadConfig } from '../config.ts';
import { type Command, UsageError } from './command.ts';

const roles = Object.values(StaffRole);

export const staff: Command = {
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    });
    const usage = `usage: pnpm caredesk staff create --email E --role ${roles.join('|')} [--name N]`;
    if (positionals[0] !== 'create' || !values.email || !values.role) throw new UsageError(usage);
    const role = values.role.toUpperCase() as StaffRole;
    if (!roles.includes(role)) throw new UsageError(`unknown role "${values.role}"\n${usage}`);
    if (!/^[^\s@]+@[^\s@]+$/.test(values.email)) throw new UsageError(`not an e-mail address: "${values.email}"`);
    const db = createDb(loadConfig().database);
    try {
      const existing = await db.staffMember.findUnique({ where: { email: values.email.toLowerCase() } });
      if (existing) {
        console.error(`a staff member with e-mail ${values.email} already exists`);
        return 1;
      }
      const member = await db.staffMember.create({
        data: {
          email: values.email.toLowerCase(),
          name: values.name ?? values.email,
          role,
          supportLine: defaultSupportLine(role),
        },
      });
      const { secret } = await createApiToken(db, {
        staffId: member.id,
        name: 'sign-in',
        scopes: defaultScopesForRole(role),
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
