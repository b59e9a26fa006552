import { errorCodes, errorMessage } from '../domain/error-codes.ts';
import { DomainError } from '../services/domain-error.ts';
import { builder } from './builder.ts';

export const ErrorCodeEnum = builder.enumType('ErrorCode', { values: errorCodes });

/** What every expected failure of a mutation offers: a stable code and a message for people. */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (error) => error.code }),
    message: t.string({ resolve: (error, _args, ctx) => errorMessage(error.code, ctx.locale) }),
  }),
});

builder.objectType(DomainError, {
  name: 'DomainError',
  description: 'An expected failure: a move not allowed now or for you, or input to correct.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof DomainError,
  fields: (t) => ({
    field: t.string({
      nullable: true,
      description: 'The input field to correct, when one is wrong.',
      resolve: (error) => error.field,
    }),
    detail: t.string({
      nullable: true,
      description: 'What exactly is wrong, in English, when there is more to say (e.g. the line of a file).',
      resolve: (error) => (error.message === error.code ? null : error.message),
    }),
    retryAfterSeconds: t.int({
      nullable: true,
      description: 'RATE_LIMITED: seconds until the next attempt may succeed.',
      resolve: (error) => error.retryAfterSeconds,
    }),
  }),
});
