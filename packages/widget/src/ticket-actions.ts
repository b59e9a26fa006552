import type { CaredeskWidget } from './caredesk-widget.ts';
import { gql } from './graphql.ts';
import type { Move } from './moves.ts';
import type { Ticket } from './queries.ts';
import { newKey } from './submitter.ts';
import { acceptTicket, rejectTicket, replyToTicket } from './ticket-queries.ts';

/** Runs one move of the client on the open ticket and shows the ticket as the server returns it. */
export async function act(w: CaredeskWidget, move: Move): Promise<void> {
  const ticket = w.current;
  if (!ticket) return;
  const box = w.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name=reply]');
  const body = box?.value.trim() ?? '';
  if ((move === 'reply' || move === 'corrections') && !body) {
    box?.focus();
    return;
  }
  const caller = w.callerFor(ticket.id);
  const ticketId = ticket.id;
  w.busy = true;
  w.problems = [];
  try {
    const result =
      move === 'accept'
        ? await gql<{ ticket: Ticket }>(caller, 'acceptTicket', acceptTicket, { input: { ticketId } })
        : move === 'withdraw'
          ? await gql<{ ticket: Ticket }>(caller, 'rejectTicket', rejectTicket, {
              input: { ticketId, reason: w.t('withdrawReason') },
            })
          : await gql<{ ticket: Ticket }>(caller, 'replyToTicket', replyToTicket, {
              input: { ticketId, body, idempotencyKey: newKey() },
            });
    if (box) box.value = '';
    w.live?.show(result.ticket);
  } catch (error) {
    w.fail(error);
  } finally {
    w.busy = false;
  }
}
