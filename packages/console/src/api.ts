import type { TadaDocumentNode } from 'gql.tada';
import { print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';

/** Every call carries yoga's CSRF prevention header: the session cookie is accepted only with it. */
const csrf = { 'x-graphql-yoga-csrf': '1' };

/** A failure to show: the server's message, already in the reader's language when it has one. */
export class ConsoleError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Runs a query or mutation with the session cookie. */
export async function request<R, V>(document: TadaDocumentNode<R, V>, variables: V, locale: string): Promise<R> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'accept-language': locale, ...csrf },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
  const error = body.errors?.[0];
  if (error || !body.data)
    throw new ConsoleError(error?.message ?? response.statusText, error?.extensions?.code ?? 'ERROR');
  return body.data;
}

/**
 * Runs a mutation as a GraphQL multipart request with files at `variables.input.files`
 * (the server's upload limits apply); answers the mutation's result.
 */
export async function upload(
  query: string,
  input: Record<string, unknown>,
  files: File[],
  locale: string,
): Promise<{ __typename: string; message?: string }> {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({ query, variables: { input: { ...input, files: files.map(() => null) } } }),
  );
  form.append('map', JSON.stringify(Object.fromEntries(files.map((_, i) => [i, [`variables.input.files.${i}`]]))));
  for (const [i, file] of files.entries()) form.append(String(i), file, file.name);
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'accept-language': locale, ...csrf },
    body: form,
  });
  const body = (await response.json()) as {
    data?: Record<string, { __typename: string; message?: string }>;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const error = body.errors?.[0];
  const result = body.data && Object.values(body.data)[0];
  if (error || !result)
    throw new ConsoleError(error?.message ?? response.statusText, error?.extensions?.code ?? 'ERROR');
  return result;
}

export type SignedIn = { id: string; name: string; email: string; role: string };

/** Signs in with e-mail and password; the session stays in an HttpOnly cookie. */
export async function signIn(email: string, password: string, locale: string): Promise<SignedIn> {
  const response = await fetch('/console/session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'accept-language': locale, ...csrf },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { staff?: SignedIn; error?: { code: string; message: string } };
  if (!response.ok || !body.staff)
    throw new ConsoleError(body.error?.message ?? response.statusText, body.error?.code ?? 'ERROR');
  return body.staff;
}

/** Ends the session (its sockets end with it). */
export async function signOut(): Promise<void> {
  await fetch('/console/session', { method: 'DELETE', credentials: 'same-origin', headers: csrf });
}

let socket: Client | null = null;

/** One graphql-ws connection for the whole console, authenticated by the cookie on the upgrade. */
export function live(): Client {
  socket ??= createClient({
    url: `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
  });
  return socket;
}

/** Follows a subscription; returns the function that stops it. */
export function follow<R, V>(document: TadaDocumentNode<R, V>, variables: V, next: (data: R) => void): () => void {
  return live().subscribe(
    { query: print(document), variables: variables as Record<string, unknown> },
    { next: (value) => value.data && next(value.data as R), error: () => {}, complete: () => {} },
  );
}

/** Closes the connection (after signing out). */
export function closeLive(): void {
  void socket?.dispose();
  socket = null;
}
