import type { GraphQLContext } from '@caredesk/schema/graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { endWhenRevoked } from './end-when-revoked.ts';
import type { OpenSubscriptions } from './open-subscriptions.ts';
import { watchedCredentialOf } from './watched-credential.ts';

/**
 * Every subscription opened with a token or session ends (a FORBIDDEN error, then complete)
 * when that credential is revoked or expires. Runs in yoga's envelop, so it covers graphql-ws
 * and server-sent events alike.
 */
export function useRevocableSubscriptions(open: OpenSubscriptions): Plugin {
  return {
    onSubscribe() {
      return {
        onSubscribeResult({ args, result, setResult }) {
          if (!isAsyncIterable(result)) return;
          const credential = watchedCredentialOf((args.contextValue as unknown as GraphQLContext).viewer);
          if (!credential) return;
          setResult(endWhenRevoked(result, (onEnd) => open.add(credential, onEnd)));
        },
      };
    },
  };
}
