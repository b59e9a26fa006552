export * from './staff-role.ts';
export * from './studio-defaults.ts';
export * from './ticket-status.ts';
