import type { RateRule } from '@caredesk/schema/domain';
import type { RateLimiter } from '@caredesk/schema/services';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The codes of documents refused before any work: too large or too nested, oversize lists, not JSON. */
const refusalCodes = new Set(['QUERY_TOO_COMPLEX', 'BAD_USER_INPUT', 'BAD_REQUEST', 'GRAPHQL_PARSE_FAILED']);

type NodeContext = { req?: { socket?: { remoteAddress?: string } } };

function refused(result: unknown): boolean {
  const errors = (result as ExecutionResult | undefined)?.errors ?? [];
  return errors.some((error) => refusalCodes.has(String(error.extensions?.code)));
}

/**
 * An address that keeps sending documents the server refuses (each refusal is cheap, but a flood
 * of them still costs CPU beside everyone else's requests) gets 429 for its requests until its
 * window ends, answered before the body is read. Staff are never held back, and their own
 * refusals are not counted; everyone else is (the widget never sends a document the server
 * refuses, and a credential in the header, valid or not, no longer exempts a flood).
 */
export function useRefusalThrottle(deps: {
  limiter: RateLimiter;
  rule: RateRule;
  addressOf: (socketAddress: string | null | undefined, forwardedFor: string | null | undefined) => string;
  /** Whether the request is a staff member's (its credential looked up from the headers alone). */
  staff: (request: Request) => Promise<boolean>;
}): Plugin {
  const publicAddress = async (request: Request, serverContext: unknown) =>
    (await deps.staff(request))
      ? null
      : deps.addressOf(
          (serverContext as NodeContext | undefined)?.req?.socket?.remoteAddress,
          request.headers.get('x-forwarded-for'),
        );
  return {
    async onRequest({ request, serverContext, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/graphql' || request.method === 'OPTIONS') return;
      const address = await publicAddress(request, serverContext);
      if (address === null || (await deps.limiter.counted('refusedPerIp', address)) < deps.rule.limit) return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [
              {
                message:
                  'Too many refused requests from this address. Try again later. / Слишком много отклонённых запросов с этого адреса. Попробуйте позже.',
                extensions: { code: 'RATE_LIMITED', retryAfterSeconds: Math.ceil(deps.rule.windowMs / 1000) },
              },
            ],
          }),
          {
            status: 429,
            headers: {
              'content-type': 'application/json',
              'retry-after': String(Math.ceil(deps.rule.windowMs / 1000)),
            },
          },
        ),
      );
    },
    async onResultProcess({ request, result, serverContext }) {
      if (!refused(result)) return;
      const address = await publicAddress(request, serverContext);
      if (address !== null) await deps.limiter.record('refusedPerIp', address);
    },
  };
}
