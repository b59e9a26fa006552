import { html, LitElement, nothing } from 'lit';
import { request } from '../api.ts';
import { duration, thisMonth } from '../format.ts';
import type { ResultOf } from '../graphql.ts';
import { type Locale, type StringKey, translate } from '../i18n.ts';
import { styles } from '../styles.ts';
import { sidePanelQuery } from '../ticket-documents.ts';

type Side = ResultOf<typeof sidePanelQuery>;
export type Requester = { kind: string; name: string | null; email: string | null; authorized: boolean } | null;

/** The side panel: organization and site, the requester, the tariff with prepaid hours left, recent tickets. */
export class TicketSide extends LitElement {
  static override styles = styles;
  static override properties = {
    organizationId: {},
    ticketId: {},
    siteName: {},
    requester: { attribute: false },
    locale: {},
    side: { state: true },
  };
  declare organizationId: string | null;
  declare ticketId: string;
  declare siteName: string | null;
  declare requester: Requester;
  declare locale: Locale;
  declare side: Side | null;
  private loadedFor = '';

  constructor() {
    super();
    this.side = null;
    this.requester = null;
    this.siteName = null;
    this.organizationId = null;
  }

  override willUpdate(): void {
    const organizationId = this.organizationId;
    if (!organizationId || organizationId === this.loadedFor) return;
    this.loadedFor = organizationId;
    void request(sidePanelQuery, { organizationId, month: thisMonth(new Date()) }, this.locale).then(
      (side) => {
        this.side = side;
      },
      () => {},
    );
  }

  override render() {
    const t = translate(this.locale);
    const organization = this.side?.node && 'name' in this.side.node ? this.side.node : null;
    const requester = this.requester;
    const prepaid = this.side?.monthlyReport?.prepaid;
    const contract = organization?.contracts.find((c) => c.active);
    const same = (r: { email: string | null; name: string | null } | null) =>
      Boolean(
        requester &&
          r &&
          ((requester.email && r.email === requester.email) || (!requester.email && r.name === requester.name)),
      );
    const recent = (organization?.tickets.edges ?? [])
      .map((edge) => edge.node)
      .filter((node) => node.id !== this.ticketId && same(node.requester))
      .slice(0, 5);
    return html`<aside class="card" aria-label=${t('details')}>
      <h3>${t('details')}</h3>
      <dl>
        ${organization ? html`<dt>${t('organization')}</dt><dd>${organization.name}${organization.email ? html`<div class="muted">${organization.email}</div>` : nothing}</dd>` : nothing}
        ${this.siteName ? html`<dt>${t('site')}</dt><dd>${this.siteName}</dd>` : nothing}
        ${
          requester
            ? html`<dt>${t('requester')}</dt><dd>${requester.name ?? (requester.email ? '' : t(`a_${requester.kind}` as StringKey))} ${requester.email ? html`<div class="muted">${requester.email}</div>` : nothing}
              <span class=${requester.authorized ? 'flag' : 'flag warn'}>${t(requester.authorized ? 'authorized' : 'notAuthorized')}</span></dd>`
            : nothing
        }
        ${
          contract || this.side?.monthlyReport?.tariffName
            ? html`<dt>${t('tariff')}</dt><dd>${this.side?.monthlyReport?.tariffName ?? contract?.tariff.name}${contract ? html`<div class="muted">${contract.number}</div>` : nothing}
              ${prepaid ? html`<div>${t('prepaidLeft', { left: duration(prepaid.remainingMinutes, this.locale), included: duration(prepaid.includedMinutes, this.locale) })}</div>` : nothing}</dd>`
            : nothing
        }
      </dl>
      ${
        requester
          ? html`<h4>${t('recent')}</h4>
            ${
              recent.length
                ? html`<ul class="plain">${recent.map(
                    (r) =>
                      html`<li><a href=${`/console/tickets/${encodeURIComponent(r.id)}`} @click=${(e: Event) => {
                        e.preventDefault();
                        this.dispatchEvent(new CustomEvent('open', { detail: r.id, bubbles: true, composed: true }));
                      }}>${r.displayNumber} ${r.title}</a> <span class="muted">${t(`s_${r.status}` as StringKey)}</span></li>`,
                  )}</ul>`
                : html`<p class="muted">${t('noRecent')}</p>`
            }`
          : nothing
      }
    </aside>`;
  }
}
