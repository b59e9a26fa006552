import { html, LitElement, nothing } from 'lit';
import { type Locale, type StringKey, translate } from '../i18n.ts';
import { styles } from '../styles.ts';

/** The order a specialist reads the widget's page context in; unknown keys follow. */
const order = ['url', 'referrer', 'browser', 'os', 'viewport', 'language', 'timeZone', 'errors', 'requests', 'widget'];

/** The page context the widget sent (address, browser, console errors, failed requests), readable. */
export class PageContext extends LitElement {
  static override styles = styles;
  static override properties = { context: { attribute: false }, locale: {} };
  declare context: unknown;
  declare locale: Locale;

  override render() {
    const t = translate(this.locale);
    if (!this.context || typeof this.context !== 'object') return nothing;
    const entries = Object.entries(this.context as Record<string, unknown>)
      .filter(([, value]) => value !== null && value !== '' && value !== undefined)
      .sort(([a], [b]) => ((order.indexOf(a) + 100) % 100) - ((order.indexOf(b) + 100) % 100));
    if (entries.length === 0) return nothing;
    const label = (key: string) => (order.includes(key) ? t(`ctx_${key}` as StringKey) : key);
    const value = (key: string, raw: unknown) => {
      const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
      if (key === 'url' && /^https?:\/\//.test(text))
        return html`<a href=${text} target="_blank" rel="noopener noreferrer">${text}</a>`;
      if (key === 'errors' || key === 'requests')
        return html`<ul class="plain problems">${text.split('\n').map((line) => html`<li><code>${line}</code></li>`)}</ul>`;
      return text;
    };
    return html`<section class="card" aria-label=${t('context')}>
      <h3>${t('context')}</h3>
      <dl>${entries.map(([key, raw]) => html`<dt>${label(key)}</dt><dd>${value(key, raw)}</dd>`)}</dl>
    </section>`;
  }
}
