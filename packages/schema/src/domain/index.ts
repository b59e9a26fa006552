export * from './error-codes.ts';
export * from './file-type.ts';
export * from './rate-limit.ts';
export * from './staff-role.ts';
export * from './studio-defaults.ts';
export * from './ticket-lifecycle.ts';
export * from './ticket-move.ts';
export * from './ticket-status.ts';
