import { html, LitElement, nothing } from 'lit';
import { ConsoleError, request } from '../api.ts';
import { type Locale, translate } from '../i18n.ts';
import { styles } from '../styles.ts';
import { splitTicketMutation } from '../ticket-documents.ts';

const priorities = ['NORMAL', 'HIGH', 'URGENT', 'IMMEDIATE'] as const;
type Priority = (typeof priorities)[number];

export type SplitDone = { id: string; displayNumber: string; created: boolean };

/**
 * Splitting a ticket that holds two tasks (rule 3): a modal dialog asking the new ticket's title,
 * the other task's text (a message's, cut down to its part) and priority. The server files the
 * new ticket for the same client and links the two. Fires `split` with the new ticket.
 */
export class SplitDialog extends LitElement {
  static override styles = styles;
  static override properties = {
    locale: {},
    ticketId: {},
    ticketNumber: {},
    priority: {},
    problem: { state: true },
    busy: { state: true },
    shown: { state: true },
  };
  declare locale: Locale;
  declare ticketId: string;
  declare ticketNumber: string;
  /** The original's priority: the new ticket's unless changed. */
  declare priority: Priority;
  /** The message being split, if one is. */
  private messageId: string | null = null;
  declare problem: string;
  declare busy: boolean;
  /** The form is there only while the dialog is open (its fields are not the page's otherwise). */
  declare shown: boolean;

  constructor() {
    super();
    this.priority = 'NORMAL';
    this.problem = '';
    this.busy = false;
    this.shown = false;
  }

  /** Opens the dialog for a message (its text filled in), or for the ticket as a whole. */
  async open(message?: { id: string | null; body: string }): Promise<void> {
    this.messageId = message?.id ?? null;
    this.problem = '';
    this.shown = true;
    await this.updateComplete;
    this.renderRoot.querySelector('form')?.reset();
    const text = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
    if (text) text.value = message?.body ?? '';
    this.renderRoot.querySelector('dialog')?.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('input[name=title]')?.focus();
  }

  private close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const input = {
      ticketId: this.ticketId,
      messageId: this.messageId,
      title: String(data.get('title') ?? '').trim(),
      description: String(data.get('text') ?? '').trim(),
      priority: String(data.get('priority') ?? this.priority) as Priority,
    };
    this.busy = true;
    this.problem = '';
    try {
      const { splitTicket: answer } = await request(splitTicketMutation, { input }, this.locale);
      if (answer.__typename === 'DomainError') this.problem = answer.message;
      else if (answer.__typename === 'SplitTicketPayload') {
        this.close();
        const detail: SplitDone = { ...answer.ticket, created: answer.created };
        this.dispatchEvent(new CustomEvent('split', { detail }));
      }
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = translate(this.locale);
    if (!this.shown) return html`<dialog @close=${() => (this.shown = false)}></dialog>`;
    return html`<dialog aria-labelledby="split-title" @close=${() => (this.shown = false)}>
      <form class="composer" @submit=${(e: SubmitEvent) => void this.submit(e)}>
        <h3 id="split-title">${t('splitTitle', { number: this.ticketNumber })}</h3>
        <p class="muted">${t('splitHint')}</p>
        <label>${t('splitNewTitle')}<input name="title" required maxlength="200" /></label>
        <label>${t('splitText')}<textarea name="text" required></textarea></label>
        <label>${t('splitPriority')}<select name="priority">
          ${priorities.map((p) => html`<option value=${p} ?selected=${p === this.priority}>${t(`p_${p}`)}</option>`)}
        </select></label>
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
        <div class="row">
          <button class="primary" type="submit" ?disabled=${this.busy}>${t('split')}</button>
          <button type="button" @click=${() => this.close()}>${t('cancel')}</button>
        </div>
      </form>
    </dialog>`;
  }
}
