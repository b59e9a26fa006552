import type { CaredeskWidget } from './caredesk-widget.ts';
import { gql } from './graphql.ts';
import type { Move } from './moves.ts';
import type { Ticket } from './queries.ts';
import { newKey } from './submitter.ts';
import { acceptTicket, attachFiles, rateTicket, rejectTicket, replyToTicket } from './ticket-queries.ts';

/** Runs one move of the client on the open ticket and shows the ticket as the server returns it. */
export async function act(w: CaredeskWidget, move: Move): Promise<void> {
  const ticket = w.current;
  if (!ticket) return;
  const box = w.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name=reply]');
  const body = box?.value.trim() ?? '';
  const writing = move === 'reply' || move === 'corrections';
  const files = writing ? w.files : [];
  // Files alone may be added with "Reply"; asking for corrections needs words.
  if (writing && !body && (move === 'corrections' || !files.length)) {
    box?.focus();
    return;
  }
  const caller = w.callerFor(ticket.id);
  const ticketId = ticket.id;
  w.busy = true;
  w.problems = [];
  try {
    let result: { ticket: Ticket } | null = null;
    if (files.length) {
      const { gqlUpload } = await import('./upload.ts');
      result = await gqlUpload<{ ticket: Ticket }>(
        caller,
        'attachFiles',
        attachFiles,
        { input: { ticketId } },
        'files',
        files,
        (percent) => {
          w.progress = percent;
        },
      );
      w.files = [];
    }
    if (!writing || body)
      result =
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
    if (result) w.live?.show(result.ticket);
  } catch (error) {
    w.fail(error);
  } finally {
    w.progress = null;
    w.busy = false;
  }
}

/** Records the client's rating of the open ticket (a score 1–5 and an optional comment). */
export async function rate(w: CaredeskWidget, form: HTMLFormElement): Promise<void> {
  const ticket = w.current;
  const data = new FormData(form);
  const score = Number(data.get('score'));
  if (!ticket || !score) return;
  const comment = String(data.get('comment') ?? '').trim() || null;
  w.busy = true;
  w.problems = [];
  try {
    const result = await gql<{ ticket: Ticket }>(w.callerFor(ticket.id), 'rateTicket', rateTicket, {
      input: { ticketId: ticket.id, score, comment },
    });
    w.live?.show(result.ticket);
  } catch (error) {
    w.fail(error);
  } finally {
    w.busy = false;
  }
}
