import { GraphQLError } from 'graphql';
import { errorMessage } from '../domain/error-codes.ts';
import { DomainError } from '../services/domain-error.ts';
import type { RateBucket } from '../services/rate-limiter.ts';
import type { GraphQLContext } from './context.ts';

/**
 * `ctx.rateLimit` for fields without a typed error (queries): a spent limit becomes a GraphQL
 * error with the code RATE_LIMITED, `retryAfterSeconds` in its extensions and a message in the
 * reader's language, instead of a masked "Unexpected error".
 */
export async function limitQuery(ctx: GraphQLContext, bucket: RateBucket, key: string): Promise<void> {
  try {
    await ctx.rateLimit(bucket, key);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'RATE_LIMITED') throw error;
    throw new GraphQLError(errorMessage('RATE_LIMITED', ctx.locale), {
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: error.retryAfterSeconds },
    });
  }
}
