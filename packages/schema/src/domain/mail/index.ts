export * from './acceptance.ts';
export * from './automatic-mail.ts';
export * from './letters.ts';
export * from './message-ids.ts';
export * from './staff-password-letters.ts';
export * from './trim-reply.ts';
export * from './unverified-mail.ts';
