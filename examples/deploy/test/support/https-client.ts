import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';

export interface HttpsResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * One request over TLS that trusts only `ca` (the test's self-signed certificate); Node's fetch
 * cannot be given a certificate authority per request.
 */
export function httpsRequest(
  url: string,
  ca: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpsResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: init.method ?? 'GET', headers: init.headers, ca }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

/** A GraphQL operation over TLS with a bearer token; the parsed answer. */
export async function graphqlOverHttps<T>(
  origin: string,
  ca: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: T; errors?: { message: string }[] }> {
  const response = await httpsRequest(`${origin}/graphql`, ca, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return JSON.parse(response.text);
}
