import { html, LitElement, nothing } from 'lit';
import { ConsoleError, request } from '../api.ts';
import { feedbackMutation, rejectMutation, resolveMutation, startMutation } from '../documents.ts';
import { type Locale, type StringKey, translate } from '../i18n.ts';
import { styles } from '../styles.ts';
import { ticketByNumberQuery } from '../ticket-documents.ts';

const reasonCodes = [
  'OTHER',
  'DUPLICATE',
  'ALREADY_ANSWERED',
  'NO_QUESTION',
  'OUT_OF_SCOPE',
  'WITHDRAWN',
  'OFFENSIVE',
] as const;
type ReasonCode = (typeof reasonCodes)[number];

/**
 * A move that needs input, in a modal dialog with the fields it takes: a report to resolve, a
 * reason (and its code, and the original for a duplicate) to reject, a question and an optional
 * estimate to ask the client. Start needs nothing and runs at once. Fires `moved` when done.
 */
export class MoveDialog extends LitElement {
  static override styles = styles;
  static override properties = {
    locale: {},
    ticketId: {},
    ticketNumber: {},
    move: { state: true },
    code: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare locale: Locale;
  declare ticketId: string;
  declare ticketNumber: string;
  declare move: string;
  declare code: ReasonCode;
  declare problem: string;
  declare busy: boolean;

  constructor() {
    super();
    this.move = '';
    this.code = 'OTHER';
    this.problem = '';
    this.busy = false;
  }

  /** Opens the dialog for a move (start runs without one). */
  async open(move: string): Promise<void> {
    this.problem = '';
    this.code = 'OTHER';
    if (move === 'start') {
      await this.finish(request(startMutation, { input: { ticketId: this.ticketId } }, this.locale));
      return;
    }
    this.move = move;
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')?.showModal();
    this.renderRoot.querySelector<HTMLElement>('dialog textarea')?.focus();
  }

  private close(): void {
    this.renderRoot.querySelector('dialog')?.close();
    this.move = '';
  }

  private async finish(answer: Promise<Record<string, { __typename: string; message?: string }>>): Promise<void> {
    this.busy = true;
    this.problem = '';
    try {
      const result = Object.values(await answer)[0];
      if (result?.__typename === 'DomainError') this.problem = result.message ?? '';
      else {
        this.close();
        this.dispatchEvent(new CustomEvent('moved'));
      }
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const ticketId = this.ticketId;
    if (this.move === 'resolve')
      return this.finish(request(resolveMutation, { input: { ticketId, report: text('text') } }, this.locale));
    if (this.move === 'requestFeedback') {
      const roubles = text('estimate').replace(',', '.');
      const estimateKopecks = roubles ? Math.round(Number(roubles) * 100) : undefined;
      const input = { ticketId, question: text('text'), estimateKopecks };
      return this.finish(request(feedbackMutation, { input }, this.locale));
    }
    if (this.move === 'reject') {
      let duplicateOf: string | undefined;
      if (this.code === 'DUPLICATE') {
        const number = text('duplicate').replace(/^#/, '');
        const found = await request(ticketByNumberQuery, { search: `#${number}` }, this.locale);
        duplicateOf = found.tickets.edges.find((e) => String(e.node.number) === number)?.node.id;
        if (!duplicateOf) {
          this.problem = `#${number}?`;
          return;
        }
      }
      const input = { ticketId, reason: text('text'), reasonCode: this.code, duplicateOf };
      return this.finish(request(rejectMutation, { input }, this.locale));
    }
  }

  override render() {
    const t = translate(this.locale);
    const label: Record<string, StringKey> = { resolve: 'report', reject: 'reason', requestFeedback: 'question' };
    return html`<dialog aria-labelledby="move-title" @close=${() => (this.move = '')}>
      ${
        this.move
          ? html`<form class="composer" @submit=${(e: SubmitEvent) => void this.submit(e)}>
            <h3 id="move-title">${t('moveTitle', { move: t(`m_${this.move}` as StringKey), number: this.ticketNumber })}</h3>
            ${
              this.move === 'reject'
                ? html`<label>${t('rejectCode')}<select name="code" @change=${(e: Event) => (this.code = (e.target as HTMLSelectElement).value as ReasonCode)}>
                    ${reasonCodes.map((c) => html`<option value=${c} ?selected=${c === this.code}>${t(`rc_${c}`)}</option>`)}
                  </select></label>
                  ${this.code === 'DUPLICATE' ? html`<label>${t('duplicateNumber')}<input name="duplicate" required inputmode="numeric" /></label>` : nothing}`
                : nothing
            }
            <label>${t(label[this.move] ?? 'reason')}<textarea name="text" required></textarea></label>
            ${this.move === 'requestFeedback' ? html`<label>${t('estimateRoubles')}<input name="estimate" inputmode="decimal" pattern="[0-9]+([.,][0-9]{1,2})?" /></label>` : nothing}
            ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
            <div class="row">
              <button class="primary" type="submit" ?disabled=${this.busy}>${t('confirm')}</button>
              <button type="button" @click=${() => this.close()}>${t('cancel')}</button>
            </div>
          </form>`
          : nothing
      }
    </dialog>
    ${!this.move && this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}`;
  }
}
