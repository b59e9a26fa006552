import { type Caller, gql } from './graphql.ts';
import type { Pending } from './outbox.ts';
import { submitTicket, type Ticket } from './queries.ts';

export interface Submitted {
  /** Null when a retry got no token (filed long ago, or by an older widget): it is filed, but not ours to show. */
  ticket: Ticket | null;
  accessToken: string | null;
}

/** A new idempotency key (crypto.randomUUID needs a secure context; this does not). */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `w-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A new submit nonce: 32 random bytes as base64url, kept with the idempotency key. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Sends one submission; files go as a multipart request with upload progress. */
export async function send(
  caller: Caller,
  pending: Pending,
  onProgress: (percent: number) => void,
): Promise<Submitted> {
  const { idempotencyKey, submitNonce } = pending;
  const variables = { input: { ...pending.input, idempotencyKey, submitNonce } };
  return pending.files.length
    ? import('./upload.ts').then(({ gqlUpload }) =>
        gqlUpload<Submitted>(caller, 'submitTicket', submitTicket, variables, 'attachments', pending.files, onProgress),
      )
    : gql<Submitted>(caller, 'submitTicket', submitTicket, variables);
}
