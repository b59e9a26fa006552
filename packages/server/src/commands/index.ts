import { calendar } from './calendar.ts';
import type { Command } from './command.ts';
import { doctor } from './doctor.ts';
import { migrateCommand } from './migrate.ts';
import { seed } from './seed.ts';
import { serve } from './serve.ts';
import { staff } from './staff.ts';
import { staffPassword } from './staff-password.ts';
import { token } from './token.ts';
import { tokenRevoke } from './token-revoke.ts';

export const commands: Record<string, Command> = {
  serve,
  migrate: migrateCommand,
  seed,
  doctor,
  staff,
  token,
  password: staffPassword,
  revoke: tokenRevoke,
  calendar,
};
