import { css, html, LitElement, nothing } from 'lit';
import { type Locale, type StringKey, translate } from '../i18n.ts';
import { styles } from '../styles.ts';

/** Who edits the studio's rules (the server checks again). */
const rulesEditors = ['HEAD', 'ADMIN'];

/** The parts of the settings page, `/console/settings#<id>`, and who sees each. */
const sections: readonly { id: string; label: StringKey; roles?: readonly string[] }[] = [
  { id: 'hours', label: 'setHoursTab' },
  { id: 'calendar', label: 'setCalendarTab' },
  { id: 'sla', label: 'setSlaTab' },
  { id: 'billing', label: 'setBillingTab' },
  { id: 'staff', label: 'setStaffTab', roles: ['HEAD', 'ADMIN'] },
  { id: 'tokens', label: 'tokensTitle' },
  { id: 'notifications', label: 'setNotifyTab' },
  { id: 'mail', label: 'setMailTab', roles: ['ADMIN'] },
];

/**
 * The studio's settings, one part at a time: working hours, the calendar, SLA targets, billing
 * rules, API tokens and my notifications. Everyone reads; the head of support and admins change
 * the studio's rules.
 */
export class SettingsView extends LitElement {
  static override styles = [
    styles,
    css`
      nav.sections { gap: 4px 14px; margin-bottom: 12px; }
      nav.sections a { color: var(--accent); text-decoration: none; padding: 4px 2px; }
      nav.sections a[aria-current='page'] { font-weight: 700; border-bottom: 2px solid var(--accent); }
    `,
  ];
  static override properties = { locale: {}, role: {}, section: { state: true } };
  declare locale: Locale;
  declare role: string;
  declare section: string;
  private readonly onHash = () => this.follow();

  constructor() {
    super();
    this.section = 'hours';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.follow();
    addEventListener('hashchange', this.onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHash);
  }

  private visible() {
    return sections.filter((s) => !s.roles || s.roles.includes(this.role));
  }

  private follow(): void {
    const wanted = location.hash.slice(1);
    this.section = this.visible().some((s) => s.id === wanted) ? wanted : 'hours';
  }

  override render() {
    const t = translate(this.locale);
    const editor = rulesEditors.includes(this.role);
    return html`<h2>${t('settingsTitle')}</h2>
      <nav class="row sections" aria-label=${t('setSections')}>
        ${this.visible().map(
          (s) => html`<a href=${`#${s.id}`} aria-current=${s.id === this.section ? 'page' : 'false'}>${t(s.label)}</a>`,
        )}
      </nav>
      ${!editor && ['hours', 'calendar', 'sla', 'billing'].includes(this.section) ? html`<p class="muted">${t('setReadOnly')}</p>` : nothing}
      ${this.partOf(editor)}`;
  }

  private partOf(editor: boolean) {
    switch (this.section) {
      case 'calendar':
        return html`<caredesk-settings-calendar .locale=${this.locale} .editor=${editor}></caredesk-settings-calendar>`;
      case 'sla':
        return html`<caredesk-settings-sla .locale=${this.locale} .editor=${editor}></caredesk-settings-sla>`;
      case 'billing':
        return html`<caredesk-settings-billing .locale=${this.locale} .editor=${editor}></caredesk-settings-billing>`;
      case 'tokens':
        return html`<caredesk-settings-tokens .locale=${this.locale}></caredesk-settings-tokens>`;
      case 'staff':
        return html`<caredesk-settings-staff .locale=${this.locale} .editor=${this.role === 'ADMIN'}></caredesk-settings-staff>`;
      case 'mail':
        return html`<caredesk-settings-mail .locale=${this.locale}></caredesk-settings-mail>`;
      case 'notifications':
        return html`<caredesk-settings-notifications .locale=${this.locale}></caredesk-settings-notifications>`;
      default:
        return html`<caredesk-settings-hours .locale=${this.locale} .editor=${editor}></caredesk-settings-hours>`;
    }
  }
}
