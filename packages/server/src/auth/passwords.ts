export * from '../../../schema/src/services/passwords.ts';
