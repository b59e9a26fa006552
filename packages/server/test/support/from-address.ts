import { request } from 'node:http';
import type { GraphQLResponse } from './test-app.ts';

/**
 * Posts a GraphQL operation to a running server over a socket bound to `localAddress`. Every
 * loopback address (127.0.0.2, 127.0.0.3, …) reaches a server listening on 127.0.0.1, so the
 * server sees as many client addresses as a test needs, without trusting any header.
 */
export function gqlFrom<T = Record<string, unknown>>(
  url: string,
  localAddress: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const sent = request(
      `${url}/graphql`,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => {
          try {
            resolve(JSON.parse(text) as GraphQLResponse<T>);
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}
