// The checks themselves: no database, no GraphQL, so remote agents run the same code.

export {
  type AllowedNetworks,
  noAllowedNetworks,
  parseAllowedNetworks,
  refusedTarget,
} from '../domain/monitoring/target-address.ts';
export * from './domain-check.ts';
export * from './http-check.ts';
export * from './run-check.ts';
export * from './target-guard.ts';
export * from './tcp-check.ts';
export * from './tls-check.ts';
export * from './types.ts';
