import { html, LitElement, nothing } from 'lit';
import { ConsoleError, follow, request } from '../api.ts';
import {
  cannedResponsesQuery,
  presenceSubscription,
  ticketQuery,
  ticketUpdated,
  typingMutation,
  updateTicketMutation,
} from '../documents.ts';
import { dateTime, money } from '../format.ts';
import type { ResultOf } from '../graphql.ts';
import { type Locale, type StringKey, translate } from '../i18n.ts';
import { articleFromTicketMutation } from '../kb-documents.ts';
import { markdown } from '../markdown.ts';
import { slaClock } from '../sla-clock.ts';
import { styles } from '../styles.ts';
import { staffMembersQuery } from '../ticket-documents.ts';
import type { Composer } from './composer.ts';
import type { ImageViewer } from './image-viewer.ts';
import type { MoveDialog } from './move-dialog.ts';
import type { SplitDialog, SplitDone } from './split-dialog.ts';

type Ticket = NonNullable<ResultOf<typeof ticketQuery>['ticket']>;
type Present = ResultOf<typeof presenceSubscription>['ticketPresence']['staff'];
type Canned = ResultOf<typeof cannedResponsesQuery>['cannedResponses'];
type Colleague = ResultOf<typeof staffMembersQuery>['staffMembers'][number];
type Change = { assigneeId?: string; priority?: Ticket['priority']; category?: Ticket['category']; paid?: boolean };

const priorities = ['NORMAL', 'HIGH', 'URGENT', 'IMMEDIATE'] as const;
const categories = ['QUESTION', 'PROBLEM', 'CONTENT', 'IMPROVEMENT', 'EMERGENCY', 'VISITOR_REPORT'] as const;
const moves = ['start', 'resolve', 'requestFeedback', 'reject'];
/** Statuses whose SLA clocks no longer run. */
const closed = ['RESOLVED', 'ACCEPTED', 'PAID', 'REJECTED'];

/**
 * One ticket: the header with its clocks and fields, the conversation in order (notes
 * unmistakable, images previewed), the allowed moves, the composer; beside it the side panel,
 * the page context, time and secrets. Live through `ticketUpdated` and `ticketPresence`.
 */
export class TicketView extends LitElement {
  static override styles = styles;
  static override properties = {
    ticketId: {},
    locale: {},
    staffId: {},
    role: {},
    ticket: { state: true },
    present: { state: true },
    canned: { state: true },
    colleagues: { state: true },
    problem: { state: true },
    openedAt: { state: true },
    busy: { state: true },
    splitDone: { state: true },
  };
  declare ticketId: string;
  declare locale: Locale;
  declare ticket: Ticket | null;
  declare staffId: string;
  declare role: string;
  /** Who has the ticket open (the caller too), and who is typing. */
  declare present: Present;
  declare canned: Canned;
  declare colleagues: Colleague[];
  declare problem: string;
  /** `updatedAt` when the specialist last read the ticket: sending warns when it moved on. */
  declare openedAt: string;
  declare busy: boolean;
  /** The ticket just split off this one, to open from here. */
  declare splitDone: SplitDone | null;
  private lastTyping = 0;
  /** Whether `ticketUpdated` has answered: the query's answer, if later, is no newer. */
  private live = false;
  private stops: (() => void)[] = [];
  private readonly keys = (event: KeyboardEvent) => this.onKey(event);

  constructor() {
    super();
    this.ticket = null;
    this.problem = '';
    this.openedAt = '';
    this.busy = false;
    this.splitDone = null;
    this.present = [];
    this.canned = [];
    this.colleagues = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(true);
    this.stops = [
      // Its first event is the ticket as it is now, on every (re)connection: nothing that changed
      // while the socket was away, or before it reached the server, is missed.
      follow(ticketUpdated, { id: this.ticketId }, (data) => {
        this.live = true;
        this.ticket = data.ticketUpdated;
        this.openedAt ||= data.ticketUpdated.updatedAt;
      }),
      // Having the ticket open is subscribing to its presence: the others see me until I leave.
      follow(presenceSubscription, { id: this.ticketId }, (data) => {
        this.present = data.ticketPresence.staff;
      }),
    ];
    void request(cannedResponsesQuery, { ticketId: this.ticketId }, this.locale).then(
      (data) => {
        this.canned = data.cannedResponses;
      },
      () => {},
    );
    void request(staffMembersQuery, {}, this.locale).then(
      (data) => {
        this.colleagues = data.staffMembers;
      },
      () => {},
    );
    addEventListener('keydown', this.keys);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.stops) stop();
    removeEventListener('keydown', this.keys);
  }

  /** Reads the ticket: on opening (`opening`), and again after a change made here. */
  private async load(opening = false): Promise<void> {
    const data = await request(ticketQuery, { id: this.ticketId }, this.locale);
    // On opening, the subscription answered first: its state is as new, and every change since follows it.
    if (opening && this.live) return;
    this.ticket = data.ticket ?? null;
    this.openedAt = this.ticket?.updatedAt ?? '';
  }

  private child<T extends Element>(selector: string): T | null {
    return this.renderRoot.querySelector<T>(selector);
  }

  private onKey(event: KeyboardEvent): void {
    // A dialog handles its own keys (Escape closes it).
    if (
      this.child('dialog[open]') ||
      this.renderRoot.querySelector('caredesk-move-dialog')?.shadowRoot?.querySelector('dialog[open]')
    )
      return;
    const field = event
      .composedPath()
      .find((t) => t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement);
    // Escape in a field leaves the field (what was typed stays); a second Escape leaves the ticket.
    if (field && event.key === 'Escape') {
      (field as HTMLElement).blur();
      return;
    }
    if (field || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'r' || event.key === 'n') {
      event.preventDefault();
      void this.child<Composer>('caredesk-composer')?.write(event.key === 'r' ? 'reply' : 'note');
    } else if (event.key === 'Escape') this.dispatchEvent(new CustomEvent('back'));
  }

  /** Assigns, re-prioritizes, re-categorizes or marks the ticket paid, then reads it again. */
  private async change(change: Change): Promise<void> {
    this.busy = true;
    this.problem = '';
    try {
      const { updateTicket: answer } = await request(
        updateTicketMutation,
        { input: { ticketId: this.ticketId, ...change } },
        this.locale,
      );
      if (answer.__typename === 'DomainError') this.problem = answer.message;
      else await this.load();
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  /** Tells the others I am typing, at most every 3 seconds. */
  private typing(): void {
    const now = Date.now();
    if (now - this.lastTyping < 3_000) return;
    this.lastTyping = now;
    void request(typingMutation, { input: { ticketId: this.ticketId, typing: true } }, this.locale).catch(() => {});
  }

  private clocks(ticket: Ticket) {
    const t = translate(this.locale);
    const now = new Date();
    const clock = (label: StringKey, due: string | null, done: boolean) => {
      if (!due) return nothing;
      if (done) return html`<span class="flag">${t(label)}: ${t('reacted')}</span>`;
      const c = slaClock(due, now);
      return html`<span class=${`clock sla-${c.urgency}`} title=${dateTime(due, this.locale)}>${t(label)}: ${c.text}${ticket.slaPaused ? ` (${t('paused')})` : ''}</span>`;
    };
    return html`${clock('reaction', ticket.reactionDueAt, Boolean(ticket.reactedAt))}
      ${clock('resolution', ticket.resolutionDueAt, false)}`;
  }

  /** Opens another ticket of the console (a link that stays in the page). */
  private link(to: { id: string; displayNumber: string }) {
    return html`<a href=${`/console/tickets/${encodeURIComponent(to.id)}`} @click=${(e: Event) => {
      e.preventDefault();
      this.dispatchEvent(new CustomEvent('open', { detail: to.id }));
    }}>${to.displayNumber}</a>`;
  }

  /** A client's message that asks for another task can become a ticket of its own. */
  private splitButton(ticket: Ticket, message: { id: string | null; body: string }) {
    if (closed.includes(ticket.status)) return nothing;
    const t = translate(this.locale);
    return html`<div class="row"><button class="small" title=${t('splitMessage')}
      @click=${() => void this.child<SplitDialog>('caredesk-split-dialog')?.open(message)}>${t('split')}</button></div>`;
  }

  private conversation(ticket: Ticket) {
    const t = translate(this.locale);
    const time = (at: string) => dateTime(at, this.locale);
    const requester =
      ticket.requester?.name ??
      ticket.requester?.email ??
      (ticket.requester ? t(`a_${ticket.requester.kind}` as StringKey) : '');
    const image = (a: Ticket['attachments'][number]) =>
      html`<button class="thumb" aria-label=${t('openImage', { name: a.fileName })}
        @click=${() => void this.child<ImageViewer>('caredesk-image-viewer')?.show(a.url, a.fileName)}>
        <img src=${a.url} alt=${a.fileName} loading="lazy" /></button>`;
    // The description is the first message for tickets filed by people; monitoring's evidence is not.
    const opening =
      ticket.messages[0]?.body === ticket.description
        ? []
        : [
            {
              at: ticket.createdAt,
              view: html`<li class="client">
          <div class="muted">${ticket.source === 'MONITORING' ? t('monitoring') : requester} · ${time(ticket.createdAt)}</div>
          ${ticket.source === 'MONITORING' ? html`<pre class="evidence">${ticket.description}</pre>` : html`<div class="body">${markdown(ticket.description)}</div>`}
          ${ticket.source === 'MONITORING' ? nothing : this.splitButton(ticket, { id: null, body: ticket.description })}</li>`,
            },
          ];
    const entries = [
      ...opening,
      ...ticket.messages.map((m) => ({
        at: m.createdAt,
        view: html`<li class=${m.internal ? 'note' : m.authorKind === 'STAFF' ? 'staff' : 'client'}>
          <div class="muted">${m.internal ? html`<strong>${t('noteBadge')}</strong> · ` : nothing}${m.authorName ?? t(`a_${m.authorKind}` as StringKey)} · ${time(m.createdAt)}</div>
          <div class="body">${markdown(m.body)}</div>
          ${m.citedArticles.length ? html`<div class="row">${m.citedArticles.map((a) => html`<a class="flag" href=${a.url} target="_blank" rel="noopener">${a.title}</a>`)}</div>` : nothing}
          ${m.internal || m.authorKind === 'STAFF' || m.authorKind === 'SYSTEM' ? nothing : this.splitButton(ticket, m)}</li>`,
      })),
      ...ticket.history
        .filter((h) => h.fromStatus)
        .map((h) => ({
          at: h.createdAt,
          view: html`<li class="change">${t(`s_${h.fromStatus}` as StringKey)} → ${t(`s_${h.toStatus}` as StringKey)}${h.reason ? ` — ${h.reason}` : ''} · ${time(h.createdAt)}</li>`,
        })),
      ...ticket.attachments.map((a) => ({
        at: a.createdAt,
        view: html`<li class=${a.internal ? 'note attachment' : 'attachment'}>
          <div class="muted">${a.internal ? html`<strong>${t('internalFile')}</strong> · ` : nothing}${time(a.createdAt)}</div>
          ${a.contentType.startsWith('image/') ? image(a) : nothing}
          <a href=${a.url} target="_blank" rel="noopener">${a.fileName}</a> <span class="muted">${Math.ceil(a.sizeBytes / 1024)} KB</span></li>`,
      })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    return html`<ol class="thread" aria-label=${ticket.title}>${entries.map((e) => e.view)}</ol>`;
  }

  /** Drafts a knowledge-base article from this ticket's question and answers, and opens it. */
  private async articleFromTicket(): Promise<void> {
    this.problem = '';
    try {
      const { createArticleFromTicket: made } = await request(
        articleFromTicketMutation,
        { ticketId: this.ticketId },
        this.locale,
      );
      if (made.__typename === 'DomainError') this.problem = [made.message, made.detail].filter(Boolean).join(': ');
      else if (made.__typename === 'Article') this.dispatchEvent(new CustomEvent('open-article', { detail: made.id }));
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
    }
  }

  override render() {
    const t = translate(this.locale);
    const ticket = this.ticket;
    const back = html`<button @click=${() => this.dispatchEvent(new CustomEvent('back'))}>← ${t('back')}</button>`;
    if (!ticket) return back;
    const changed = Boolean(this.openedAt && ticket.updatedAt !== this.openedAt);
    const others = this.present.filter((p) => p.staff.id !== this.staffId);
    const assignable = this.colleagues.some((c) => c.id === ticket.assignee?.id)
      ? this.colleagues
      : [...this.colleagues, ...(ticket.assignee ? [{ ...ticket.assignee, role: '' }] : [])];
    return html`<div class="row">${back}</div>
      <h2>${ticket.displayNumber} ${ticket.title}</h2>
      <p class="row">
        <span class="flag">${t(`s_${ticket.status}` as StringKey)}</span>
        <span class="flag">${t(`p_${ticket.priority}` as StringKey)}</span>
        <span class="flag">${t(`c_${ticket.category}` as StringKey)}</span>
        ${ticket.paid ? html`<span class="flag">${t('paid')}</span>` : nothing}
        ${ticket.estimateKopecks != null ? html`<span class="flag">${t('estimate', { money: money(ticket.estimateKopecks, this.locale) })}</span>` : nothing}
        ${ticket.duplicateOf ? html`<span class="flag">${t('duplicateOf', { number: ticket.duplicateOf.displayNumber })}</span>` : nothing}
        ${ticket.splitFrom ? html`<span class="flag">${t('splitFrom', { number: '' })}${this.link(ticket.splitFrom)}</span>` : nothing}
        ${
          ticket.splitInto.length
            ? html`<span class="flag">${t('splitInto', { numbers: '' })}${ticket.splitInto.map((s, i) => html`${i ? ', ' : ''}${this.link(s)}`)}</span>`
            : nothing
        }
        ${closed.includes(ticket.status) ? nothing : this.clocks(ticket)}
      </p>
      ${
        others.length
          ? html`<p class="presence" role="status">${t('alsoHere', {
              names: others.map((p) => (p.typing ? `${p.staff.name} (${t('typing')})` : p.staff.name)).join(', '),
            })}</p>`
          : nothing
      }
      <div class="desk">
        <div class="work">
          <div class="row fields">
            ${assignable.length ? nothing : html`<span>${t('assignedTo', { name: ticket.assignee?.name ?? t('nobody') })}</span>`}
            ${
              ticket.assignee?.id === this.staffId
                ? nothing
                : html`<button ?disabled=${this.busy} @click=${() => void this.change({ assigneeId: this.staffId })}>${t('takeIt')}</button>`
            }
            ${
              assignable.length
                ? html`<label class="inline">${t('assignee')}
                    <select @change=${(e: Event) => void this.change({ assigneeId: (e.target as HTMLSelectElement).value })}>
                      ${ticket.assignee ? nothing : html`<option value="" selected>${t('nobody')}</option>`}
                      ${assignable.map((c) => html`<option value=${c.id} ?selected=${c.id === ticket.assignee?.id}>${c.name}</option>`)}
                    </select></label>`
                : nothing
            }
            <label class="inline">${t('priority')}
              <select @change=${(e: Event) => void this.change({ priority: (e.target as HTMLSelectElement).value as Ticket['priority'] })}>
                ${priorities.map((p) => html`<option value=${p} ?selected=${p === ticket.priority}>${t(`p_${p}`)}</option>`)}
              </select></label>
            <label class="inline">${t('category')}
              <select @change=${(e: Event) => void this.change({ category: (e.target as HTMLSelectElement).value as Ticket['category'] })}>
                ${categories.map((c) => html`<option value=${c} ?selected=${c === ticket.category}>${t(`c_${c}`)}</option>`)}
              </select></label>
            <label class="inline"><input type="checkbox" .checked=${ticket.paid} ?disabled=${this.busy}
              @change=${(e: Event) => void this.change({ paid: (e.target as HTMLInputElement).checked })} /> ${t('markPaid')}</label>
          </div>
          ${this.conversation(ticket)}
          ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
          <div class="row">${ticket.allowedMoves
            .filter((m) => moves.includes(m))
            .map(
              (m) =>
                html`<button ?disabled=${this.busy} @click=${() => void this.child<MoveDialog>('caredesk-move-dialog')?.open(m)}>${t(`m_${m}` as StringKey)}</button>`,
            )}${closed.includes(ticket.status) ? nothing : html`<button @click=${() => void this.child<SplitDialog>('caredesk-split-dialog')?.open()}>${t('split')}</button>`}${
            ['RESOLVED', 'ACCEPTED', 'PAID'].includes(ticket.status) && this.role !== 'ACCOUNTANT'
              ? html`<button @click=${() => void this.articleFromTicket()}>${t('kbFromTicketButton')}</button>`
              : nothing
          }</div>
          ${
            this.splitDone
              ? html`<p class="flag" role="status">${t(this.splitDone.created ? 'splitDone' : 'splitAgain', { number: '' })}${this.link(this.splitDone)}</p>`
              : nothing
          }
          <caredesk-split-dialog .locale=${this.locale} .ticketId=${ticket.id} .ticketNumber=${ticket.displayNumber} .priority=${ticket.priority}
            @split=${(e: CustomEvent<SplitDone>) => {
              this.splitDone = e.detail;
              void this.load();
            }}></caredesk-split-dialog>
          <caredesk-move-dialog .locale=${this.locale} .ticketId=${ticket.id} .ticketNumber=${ticket.displayNumber} @moved=${() => void this.load()}></caredesk-move-dialog>
          <caredesk-composer .ticketId=${ticket.id} .locale=${this.locale} .canned=${this.canned} .changed=${changed}
            @typing=${() => this.typing()} @sent=${() => void this.load()}></caredesk-composer>
        </div>
        <div class="aside">
          <caredesk-ticket-side .organizationId=${ticket.organization?.id ?? null} .ticketId=${ticket.id} .siteName=${ticket.site?.name ?? null}
            .requester=${ticket.requester} .locale=${this.locale}></caredesk-ticket-side>
          <caredesk-page-context .context=${ticket.pageContext} .locale=${this.locale}></caredesk-page-context>
          <caredesk-ticket-time .ticketId=${ticket.id} .staffId=${this.staffId} .locale=${this.locale} .entries=${ticket.timeEntries}
            @changed=${() => void this.load()}></caredesk-ticket-time>
          <caredesk-ticket-secrets .locale=${this.locale} .secrets=${ticket.secrets} @changed=${() => void this.load()}></caredesk-ticket-secrets>
        </div>
      </div>
      <caredesk-image-viewer .locale=${this.locale}></caredesk-image-viewer>`;
  }
}
