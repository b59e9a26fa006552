import type { CaredeskWidget } from './caredesk-widget.ts';
import { WidgetError } from './graphql.ts';
import type { Pending } from './outbox.ts';
import { contextJson } from './page-context.ts';
import { newKey, newNonce, type Submitted, send } from './submitter.ts';
import { storeTicket } from './ticket-store.ts';

/** What the form holds, as the input of submitTicket (a visitor's or a contact's). */
function inputOf(w: CaredeskWidget): Record<string, unknown> {
  const f = w.fields;
  const common = { title: f.title?.trim(), description: f.description?.trim(), pageContext: contextJson(w.context) };
  if (w.identity.token)
    return {
      ...common,
      category: f.category ?? 'PROBLEM',
      ...(w.authorized && f.priority ? { priority: f.priority } : {}),
    };
  return {
    ...common,
    siteKey: w.siteKey,
    ...(f.email?.trim() ? { visitorEmail: f.email.trim() } : {}),
    ...(f.name?.trim() ? { visitorName: f.name.trim() } : {}),
  };
}

/** Records a filed ticket: its token, the list, the events, the live follow. */
export function recordSubmitted(w: CaredeskWidget, result: Submitted, queued: boolean): void {
  const { ticket, accessToken } = result;
  if (!ticket) return;
  if (accessToken)
    storeTicket(w.siteKey, {
      id: ticket.id,
      token: accessToken,
      displayNumber: ticket.displayNumber,
      title: ticket.title,
      status: ticket.status,
    });
  w.tickets = [
    {
      id: ticket.id,
      token: accessToken ?? '',
      displayNumber: ticket.displayNumber,
      title: ticket.title,
      status: ticket.status,
    },
    ...w.tickets.filter((t) => t.id !== ticket.id),
  ];
  w.dispatchEvent(
    new CustomEvent('caredesk-submitted', {
      bubbles: true,
      composed: true,
      detail: { id: ticket.id, displayNumber: ticket.displayNumber, queued },
    }),
  );
  void w.startLive();
}

/** Sends the form; without a connection the submission waits in the outbox with its key. */
export async function submitForm(w: CaredeskWidget): Promise<void> {
  const t = w.t;
  w.notice = '';
  if (!w.fields.title?.trim() || !w.fields.description?.trim()) {
    w.problems = [t('required')];
    return;
  }
  const pending: Pending = {
    idempotencyKey: newKey(),
    submitNonce: newNonce(),
    siteKey: w.siteKey,
    input: inputOf(w),
    files: w.files,
    token: w.identity.token ?? null,
  };
  w.busy = true;
  w.problems = [];
  try {
    const result = await send(w.callerFor(''), pending, (p) => {
      w.progress = p;
    });
    recordSubmitted(w, result, false);
    reset(w);
    // The new ticket's thread, where the answer will appear (a refused replay has no token to read it).
    if (result.ticket && (result.accessToken || w.identity.token)) await w.showTicket(result.ticket.id);
    if (result.ticket) w.notice = t('sent', { n: result.ticket.displayNumber });
    // The Send button is gone with the form: keyboard focus goes to the thread's heading.
    await w.updateComplete;
    w.renderRoot.querySelector<HTMLElement>('.body h3')?.focus();
  } catch (error) {
    // Not reached, or reached while too busy to take it (BUSY): kept, and sent again from the outbox.
    if (error instanceof WidgetError && (error.code === 'NETWORK' || error.code === 'BUSY')) {
      await (await import('./outbox-link.ts')).keep(w, pending);
      w.notice = t('queued');
      reset(w);
    } else w.fail(error);
  } finally {
    w.busy = false;
    w.progress = null;
  }
}

function reset(w: CaredeskWidget): void {
  w.fields = { email: w.fields.email, name: w.fields.name };
  w.files = [];
}
