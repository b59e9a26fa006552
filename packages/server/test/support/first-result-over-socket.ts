import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { GraphQLResponse } from './test-app.ts';

/**
 * One operation over a fresh graphql-ws connection to `base` (host:port): its first result, or its
 * errors. The client is added to `clients`, for the test to dispose of.
 */
export function firstResultOverSocket(
  base: string,
  clients: Client[],
  query: string,
  token?: string,
): Promise<GraphQLResponse> {
  const client = createClient({
    url: `ws://${base}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
  clients.push(client);
  return new Promise<GraphQLResponse>((resolve, reject) => {
    client.subscribe(
      { query },
      {
        next: (value) => resolve(value as GraphQLResponse),
        error: (error) =>
          Array.isArray(error) ? resolve({ errors: error as GraphQLResponse['errors'] }) : reject(error),
        complete: () => {},
      },
    );
  });
}
