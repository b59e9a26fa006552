import type { Command } from './command.ts';

/**
 * The commands with their one-line summaries. A command's module, and the packages it needs, is
 * loaded only when that command runs: `migrate --status` does not load the GraphQL server.
 */
export const commands: Record<string, { summary: string; load(): Promise<Command> }> = {
  serve: {
    summary: 'run the server (--init: migrate, and seed demo data into an empty database first)',
    load: async () => (await import('./serve.ts')).serve,
  },
  migrate: {
    summary: 'apply pending database migrations (--status: only list them)',
    load: async () => (await import('./migrate.ts')).migrateCommand,
  },
  seed: {
    summary: 'fill the database: --demo adds a demo studio, clients, sites, staff and tickets',
    load: async () => (await import('./seed.ts')).seed,
  },
  doctor: {
    summary: 'print what is configured and whether the database, migrations and Redis are reachable',
    load: async () => (await import('./doctor.ts')).doctor,
  },
  staff: {
    summary: 'staff create --email E --role R [--name N]: add a staff member; prints only their sign-in token',
    load: async () => (await import('./staff.ts')).staff,
  },
  token: {
    summary: 'token create --staff E --scopes a,b [--name N]: prints only the new API token',
    load: async () => (await import('./token.ts')).token,
  },
  password: {
    summary: 'password --email E: sets a staff member’s password, read from the first line of stdin',
    load: async () => (await import('./staff-password.ts')).staffPassword,
  },
  revoke: {
    summary: 'revoke --token-id ID: revokes an API token of anyone (as ADMIN); it stops working at once',
    load: async () => (await import('./token-revoke.ts')).tokenRevoke,
  },
  calendar: {
    summary: 'calendar import|install|export: load or write the working calendar (holidays, moved and short days)',
    load: async () => (await import('./calendar.ts')).calendar,
  },
};
