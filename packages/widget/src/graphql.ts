import { env } from './env.ts';

/** An expected failure the server explains (a DomainError), or no connection at all. */
export class WidgetError extends Error {
  constructor(
    /** A DomainError code, a GraphQL error code, or NETWORK when the server was not reached. */
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

export interface Caller {
  /** The server's origin, e.g. https://desk.example. */
  server: string;
  token?: string | null | undefined;
  locale: string;
}

export type Body = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

export const headers = (caller: Caller): Record<string, string> => ({
  'accept-language': caller.locale,
  ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
});

export function unwrap<T>(body: Body, field: string): T {
  const error = body.errors?.[0];
  if (error) throw new WidgetError(error.extensions?.code ?? 'ERROR', error.message);
  const value = body.data?.[field] as (T & { __typename?: string; code?: string; message?: string }) | undefined;
  if (value && value.__typename === 'DomainError')
    throw new WidgetError(value.code ?? 'ERROR', value.message ?? '', (value as { field?: string }).field ?? null);
  return value as T;
}

/**
 * Why a request failed without an answer. Browsers hide a CORS refusal behind the same error
 * as a lost connection; a no-cors probe tells them apart: if the server answers it, it is up
 * and refused this page's origin, and retrying would never help.
 */
export async function unreachable(caller: Caller): Promise<WidgetError> {
  const up = await env.fetch(`${caller.server}/healthz`, { mode: 'no-cors' }).then(
    () => true,
    () => false,
  );
  return new WidgetError(up ? 'ORIGIN_REFUSED' : 'NETWORK', '');
}

/** Runs one operation over HTTP and returns `data[field]`, throwing a WidgetError for any failure. */
export async function gql<T>(caller: Caller, field: string, query: string, variables: object = {}): Promise<T> {
  let response: Response;
  try {
    response = await env.fetch(`${caller.server}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers(caller) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw await unreachable(caller);
  }
  if (response.status >= 500) throw new WidgetError('NETWORK', '');
  return unwrap<T>((await response.json()) as Body, field);
}
