import { html, LitElement, nothing } from 'lit';
import { ConsoleError, follow, request } from '../api.ts';
import {
  cannedResponsesQuery,
  feedbackMutation,
  presenceSubscription,
  rejectMutation,
  replyMutation,
  resolveMutation,
  startMutation,
  ticketQuery,
  ticketUpdated,
  typingMutation,
  updateTicketMutation,
} from '../documents.ts';
import type { ResultOf } from '../graphql.ts';
import { type Locale, type StringKey, translate } from '../i18n.ts';
import { slaClock } from '../sla-clock.ts';
import { styles } from '../styles.ts';

type Ticket = NonNullable<ResultOf<typeof ticketQuery>['ticket']>;
type Present = ResultOf<typeof presenceSubscription>['ticketPresence']['staff'];
type Canned = ResultOf<typeof cannedResponsesQuery>['cannedResponses'];
type Mode = 'reply' | 'note';

const newKey = () => `console-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** One ticket: header, the conversation (notes unmistakable), the composer and the allowed moves. */
export class TicketView extends LitElement {
  static override styles = styles;
  static override properties = {
    ticketId: {},
    locale: {},
    staffId: {},
    ticket: { state: true },
    present: { state: true },
    canned: { state: true },
    mode: { state: true },
    problem: { state: true },
    openedAt: { state: true },
    busy: { state: true },
  };
  declare ticketId: string;
  declare locale: Locale;
  declare ticket: Ticket | null;
  declare staffId: string;
  /** Who has the ticket open (the caller too), and who is typing. */
  declare present: Present;
  declare canned: Canned;
  private lastTyping = 0;
  private stopPresence: (() => void) | null = null;
  declare mode: Mode;
  declare problem: string;
  /** `updatedAt` when the specialist last read the ticket: sending warns when it moved on. */
  declare openedAt: string;
  declare busy: boolean;
  private stop: (() => void) | null = null;
  private readonly keys = (event: KeyboardEvent) => this.onKey(event);

  constructor() {
    super();
    this.ticket = null;
    this.mode = 'reply';
    this.problem = '';
    this.openedAt = '';
    this.busy = false;
    this.present = [];
    this.canned = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    this.stop = follow(ticketUpdated, { id: this.ticketId }, (data) => {
      this.ticket = data.ticketUpdated;
    });
    // Having the ticket open is subscribing to its presence: the others see me until I leave.
    this.stopPresence = follow(presenceSubscription, { id: this.ticketId }, (data) => {
      this.present = data.ticketPresence.staff;
    });
    void request(cannedResponsesQuery, { ticketId: this.ticketId }, this.locale).then(
      (data) => {
        this.canned = data.cannedResponses;
      },
      () => {},
    );
    addEventListener('keydown', this.keys);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
    this.stopPresence?.();
    removeEventListener('keydown', this.keys);
  }

  private async load(): Promise<void> {
    const data = await request(ticketQuery, { id: this.ticketId }, this.locale);
    this.ticket = data.ticket ?? null;
    this.openedAt = this.ticket?.updatedAt ?? '';
  }

  private onKey(event: KeyboardEvent): void {
    const typing = event.composedPath().some((t) => t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement);
    if (typing) return;
    if (event.key === 'r' || event.key === 'n') {
      event.preventDefault();
      this.mode = event.key === 'r' ? 'reply' : 'note';
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name=body]')?.focus(),
      );
    } else if (event.key === 'Escape') this.dispatchEvent(new CustomEvent('back'));
  }

  /** Runs a mutation answering `DomainError | TicketPayload`, then reads the ticket again. */
  private async run(answer: Promise<Record<string, { __typename: string; message?: string }>>): Promise<boolean> {
    this.busy = true;
    this.problem = '';
    try {
      const result = Object.values(await answer)[0];
      if (result?.__typename === 'DomainError') {
        this.problem = result.message ?? '';
        return false;
      }
      await this.load();
      return true;
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const body = String(new FormData(form).get('body') ?? '').trim();
    if (!body) return;
    const input = { ticketId: this.ticketId, body, internal: this.mode === 'note', idempotencyKey: newKey() };
    if (await this.run(request(replyMutation, { input }, this.locale))) form.reset();
  }

  /** Assigns or re-prioritizes the ticket. */
  private change(change: { assigneeId?: string; priority?: Ticket['priority'] }): Promise<boolean> {
    return this.run(request(updateTicketMutation, { input: { ticketId: this.ticketId, ...change } }, this.locale));
  }

  /** Tells the others I am typing, at most every 3 seconds. */
  private typing(): void {
    const now = Date.now();
    if (now - this.lastTyping < 3_000) return;
    this.lastTyping = now;
    void request(typingMutation, { input: { ticketId: this.ticketId, typing: true } }, this.locale).catch(() => {});
  }

  private insertCanned(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const chosen = this.canned.find((c) => c.id === select.value);
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name=body]');
    if (chosen && box) {
      box.value = box.value ? `${box.value}\n${chosen.text}` : chosen.text;
      box.focus();
    }
    select.value = '';
  }

  private async move(move: string): Promise<void> {
    const t = translate(this.locale);
    const ticketId = this.ticketId;
    const ask = (label: StringKey) => prompt(t(label))?.trim();
    if (move === 'start') await this.run(request(startMutation, { input: { ticketId } }, this.locale));
    if (move === 'resolve') {
      const report = ask('report');
      if (report) await this.run(request(resolveMutation, { input: { ticketId, report } }, this.locale));
    }
    if (move === 'requestFeedback') {
      const question = ask('question');
      if (question) await this.run(request(feedbackMutation, { input: { ticketId, question } }, this.locale));
    }
    if (move === 'reject') {
      const reason = ask('reason');
      if (reason) await this.run(request(rejectMutation, { input: { ticketId, reason } }, this.locale));
    }
  }

  override render() {
    const t = translate(this.locale);
    const ticket = this.ticket;
    if (!ticket)
      return html`<button @click=${() => this.dispatchEvent(new CustomEvent('back'))}>← ${t('back')}</button>`;
    const time = (at: string) => new Date(at).toLocaleString(this.locale);
    const clock = slaClock(ticket.slaDueAt, new Date());
    const entries = [
      ...ticket.messages.map((m) => ({
        at: m.createdAt,
        view: html`<li class=${m.internal ? 'note' : m.authorKind === 'STAFF' ? 'staff' : 'client'}>
          <div class="muted">${m.internal ? html`<strong>${t('noteBadge')}</strong> · ` : nothing}${m.authorName ?? m.authorKind} · ${time(m.createdAt)}</div>
          <div class="body">${m.body}</div></li>`,
      })),
      ...ticket.history
        .filter((h) => h.fromStatus)
        .map((h) => ({
          at: h.createdAt,
          view: html`<li class="change">${t(`s_${h.fromStatus}` as StringKey)} → ${t(`s_${h.toStatus}` as StringKey)}${h.reason ? ` — ${h.reason}` : ''} · ${time(h.createdAt)}</li>`,
        })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    const moves = ticket.allowedMoves.filter((m) => ['start', 'resolve', 'requestFeedback', 'reject'].includes(m));
    const changed = this.openedAt && ticket.updatedAt !== this.openedAt;
    const others = this.present.filter((p) => p.staff.id !== this.staffId);
    return html`<div class="row"><button @click=${() => this.dispatchEvent(new CustomEvent('back'))}>← ${t('back')}</button></div>
      <h2>${ticket.displayNumber} ${ticket.title}</h2>
      <p class="row">
        <span class="flag">${t(`s_${ticket.status}` as StringKey)}</span><span class="flag">${ticket.category}</span>
        ${ticket.paid ? html`<span class="flag">${t('paid')}</span>` : nothing}
        <span class=${`sla-${clock.urgency}`}>${t('sla')}: ${clock.text}</span>
        <span class="muted">${ticket.organization?.name ?? ''} · ${ticket.requester?.name ?? ticket.requester?.email ?? ''}</span>
      </p>
      ${
        others.length
          ? html`<p class="presence" role="status">${t('alsoHere', {
              names: others.map((p) => (p.typing ? `${p.staff.name} (${t('typing')})` : p.staff.name)).join(', '),
            })}</p>`
          : nothing
      }
      <div class="row">
        <span>${t('assignedTo', { name: ticket.assignee?.name ?? t('nobody') })}</span>
        ${
          ticket.assignee?.id === this.staffId
            ? nothing
            : html`<button ?disabled=${this.busy} @click=${() => void this.change({ assigneeId: this.staffId })}>${t('takeIt')}</button>`
        }
        <label class="inline">${t('priority')}
          <select .value=${ticket.priority} @change=${(e: Event) => void this.change({ priority: (e.target as HTMLSelectElement).value as Ticket['priority'] })}>
            ${(['NORMAL', 'HIGH', 'URGENT', 'IMMEDIATE'] as const).map((p) => html`<option value=${p} ?selected=${p === ticket.priority}>${t(`p_${p}`)}</option>`)}
          </select>
        </label>
      </div>
      <ol class="thread" aria-label=${ticket.title}>${entries.map((e) => e.view)}</ol>
      ${
        ticket.attachments.length
          ? html`<ul class="row">${ticket.attachments.map((a) => html`<li><a href=${a.url} target="_blank" rel="noopener">${a.contentType.startsWith('image/') ? html`<img src=${a.url} alt=${a.fileName} style="max-width:160px" />` : a.fileName}</a></li>`)}</ul>`
          : nothing
      }
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="row">${moves.map((m) => html`<button ?disabled=${this.busy} @click=${() => void this.move(m)}>${t(`m_${m}` as StringKey)}</button>`)}</div>
      <form class="composer" @submit=${(e: SubmitEvent) => void this.send(e)}>
        <div class="row" role="group" aria-label=${t('mode')}>
          <button type="button" aria-pressed=${this.mode === 'reply' ? 'true' : 'false'} @click=${() => (this.mode = 'reply')}>${t('reply')}</button>
          <button type="button" aria-pressed=${this.mode === 'note' ? 'true' : 'false'} @click=${() => (this.mode = 'note')}>${t('note')}</button>
        </div>
        ${changed ? html`<p class="warning" role="status">${t('changed')}</p>` : nothing}
        ${
          this.canned.length
            ? html`<label>${t('canned')}<select @change=${(e: Event) => this.insertCanned(e)}>
                <option value="">${t('cannedNone')}</option>
                ${this.canned.map((c) => html`<option value=${c.id}>${c.name} (${c.locale})</option>`)}
              </select></label>`
            : nothing
        }
        <label>${t(this.mode === 'note' ? 'noteLabel' : 'replyLabel')}<textarea name="body" class=${this.mode} @input=${() => this.typing()}></textarea></label>
        <div class="row"><button class="primary" type="submit" ?disabled=${this.busy}>${t(this.mode === 'note' ? 'sendNote' : 'send')}</button></div>
      </form>`;
  }
}
