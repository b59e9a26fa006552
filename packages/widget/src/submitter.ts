import { type Caller, gql } from './graphql.ts';
import type { Pending } from './outbox.ts';
import { submitTicket, type Ticket } from './queries.ts';

export interface Submitted {
  ticket: Ticket;
  accessToken: string | null;
}

/** A new idempotency key (crypto.randomUUID needs a secure context; this does not). */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `w-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Sends one submission; files go as a multipart request with upload progress. */
export async function send(
  caller: Caller,
  pending: Pending,
  onProgress: (percent: number) => void,
): Promise<Submitted> {
  const variables = { input: { ...pending.input, idempotencyKey: pending.idempotencyKey } };
  return pending.files.length
    ? import('./upload.ts').then(({ gqlUpload }) =>
        gqlUpload<Submitted>(caller, 'submitTicket', submitTicket, variables, 'attachments', pending.files, onProgress),
      )
    : gql<Submitted>(caller, 'submitTicket', submitTicket, variables);
}
