import { integer } from '../config-values.ts';

/** Caps on graphql-ws sockets (WS_* variables). */
export interface WebSocketLimits {
  /** Open connections per client address (as TRUST_PROXY resolves it). */
  maxConnectionsPerAddress: number;
  /** Open connections on this instance in total. */
  maxConnections: number;
  /** Operations (subscriptions, and queries or mutations sent over the socket) running at once on one connection. */
  maxSubscriptionsPerConnection: number;
}

export const webSocketVariables = [
  [
    'WS_MAX_CONNECTIONS_PER_IP',
    '20',
    'Open WebSocket connections per client address; more are closed at once with 1013 (try again later)',
  ],
  ['WS_MAX_CONNECTIONS', '10000', 'Open WebSocket connections per instance in total; more are closed with 1013'],
  [
    'WS_MAX_SUBSCRIPTIONS_PER_CONNECTION',
    '50',
    'Subscriptions at once on one connection; one more gets the error TOO_MANY_SUBSCRIPTIONS',
  ],
] as const;

/** Reads the WS_* variables; a bad value is named in `problems`. */
export function webSocketConfig(env: NodeJS.ProcessEnv, problems: string[]): WebSocketLimits {
  return {
    maxConnectionsPerAddress: integer(
      'WS_MAX_CONNECTIONS_PER_IP',
      env.WS_MAX_CONNECTIONS_PER_IP,
      20,
      1,
      100_000,
      problems,
    ),
    maxConnections: integer('WS_MAX_CONNECTIONS', env.WS_MAX_CONNECTIONS, 10_000, 1, 1_000_000, problems),
    maxSubscriptionsPerConnection: integer(
      'WS_MAX_SUBSCRIPTIONS_PER_CONNECTION',
      env.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      50,
      1,
      10_000,
      problems,
    ),
  };
}
