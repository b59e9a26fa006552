/** Roles of the studio's people (design.md, "Who may do what"). */
export const StaffRole = {
  LINE1: 'LINE1',
  LINE2: 'LINE2',
  LINE3: 'LINE3',
  HEAD: 'HEAD',
  ACCOUNTANT: 'ACCOUNTANT',
  ADMIN: 'ADMIN',
} as const;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];

/** The support line a role works at by default (billing rates follow the line). */
export function defaultSupportLine(role: StaffRole): number | null {
  switch (role) {
    case 'LINE1':
      return 1;
    case 'LINE2':
      return 2;
    case 'LINE3':
      return 3;
    case 'HEAD':
    case 'ACCOUNTANT':
    case 'ADMIN':
      return null;
  }
}

/** Scopes an API token may carry. `admin` implies every other scope. */
export const TokenScope = {
  TICKETS_READ: 'tickets:read',
  TICKETS_WRITE: 'tickets:write',
  MONITORING_REPORT: 'monitoring:report',
  ADMIN: 'admin',
} as const;
export type TokenScope = (typeof TokenScope)[keyof typeof TokenScope];
export const tokenScopes: readonly TokenScope[] = Object.values(TokenScope);

export function isTokenScope(value: string): value is TokenScope {
  return (tokenScopes as readonly string[]).includes(value);
}

/** Scopes of a staff member's personal sign-in token, by role. */
export function defaultScopesForRole(role: StaffRole): TokenScope[] {
  switch (role) {
    case 'ADMIN':
      return ['admin'];
    case 'LINE1':
    case 'LINE2':
    case 'LINE3':
    case 'HEAD':
    case 'ACCOUNTANT':
      // The lifecycle decides what each role may write (the accountant: confirm payments).
      return ['tickets:read', 'tickets:write'];
  }
}
