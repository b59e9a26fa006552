import { css, html, nothing } from 'lit';
import { request } from '../api.ts';
import { dateTime } from '../format.ts';
import type { ResultOf } from '../graphql.ts';
import { translate } from '../i18n.ts';
import { mailStatusQuery } from '../mail-status-documents.ts';
import { styles } from '../styles.ts';
import { LoadedPart } from './loaded-part.ts';

type Status = ResultOf<typeof mailStatusQuery>['mailStatus'];

/**
 * Mail, read-only (admins): how the server sends and receives letters — set in its environment
 * (docs/email.md) — the outbox, and `doctor`'s live checks of the mail servers, run again on demand.
 */
export class SettingsMail extends LoadedPart {
  static override styles = [
    styles,
    css`
      .check.ok { color: #14532d; }
      .check.fail { color: #a4161a; font-weight: 600; }
    `,
  ];
  static override properties = { status: { state: true }, checking: { state: true } };
  declare status: Status | null;
  declare checking: boolean;

  constructor() {
    super();
    this.status = null;
    this.checking = false;
  }

  protected override async load(): Promise<void> {
    this.checking = true;
    try {
      this.status = (await request(mailStatusQuery, {}, this.locale)).mailStatus;
    } finally {
      this.checking = false;
    }
  }

  override render() {
    const t = translate(this.locale);
    const s = this.status;
    if (!s) return html`<p class="muted">${t('mailChecking')}</p>`;
    const off = t('mailOff');
    const when = (at: string | null) => (at ? dateTime(at, this.locale) : t('tokenNever'));
    return html`<section class="card" aria-labelledby="mail-title">
      <h3 id="mail-title">${t('mailTitle')}</h3>
      <p class="muted">${t('mailHint')}</p>
      <dl>
        <dt>${t('mailSending')}</dt><dd>${s.transport === 'SMTP' ? s.smtpServer : t('mailToLog')}</dd>
        <dt>${t('mailFrom')}</dt><dd>${s.fromAddress ?? ''}</dd>
        <dt>${t('mailListener')}</dt><dd>${s.listener ?? off}</dd>
        <dt>${t('mailImap')}</dt><dd>${s.imapMailbox ?? off}</dd>
        <dt>${t('mailUnknownSender')}</dt><dd>${s.unknownSender ?? ''}</dd>
        <dt>${t('mailDigest')}</dt><dd>${s.digestMinutes ?? ''}</dd>
        <dt>${t('mailUnverified')}</dt><dd>${s.unverifiedPerDay ?? ''}</dd>
      </dl>
      <h4>${t('mailOutbox')}</h4>
      <dl>
        <dt>${t('mailPending')}</dt><dd>${s.outbox.pending}${s.outbox.oldestPendingAt ? ` (${t('mailOldest', { at: when(s.outbox.oldestPendingAt) })})` : ''}</dd>
        <dt>${t('mailHeld')}</dt><dd>${s.outbox.heldForDigest}</dd>
        <dt>${t('mailFailed')}</dt><dd>${s.outbox.failed}${s.outbox.lastError ? html` — <code>${s.outbox.lastError}</code>` : nothing}</dd>
        <dt>${t('mailSentDay')}</dt><dd>${s.outbox.sentLastDay}</dd>
        <dt>${t('mailLastSent')}</dt><dd>${when(s.outbox.lastSentAt)}</dd>
      </dl>
      <h4>${t('mailChecks')}</h4>
      ${
        s.checks.length === 0
          ? html`<p class="muted">${t('mailNoChecks')}</p>`
          : html`<ul class="plain">${s.checks.map(
              (c) =>
                html`<li class=${`check ${c.ok ? 'ok' : 'fail'}`}>${c.ok ? t('mailOk') : t('mailFail')} ${c.name}: ${c.detail}</li>`,
            )}</ul>`
      }
      <button ?disabled=${this.checking} @click=${() => void this.load()}>${this.checking ? t('mailChecking') : t('mailCheckAgain')}</button>
    </section>`;
  }
}
