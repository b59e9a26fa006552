import { CaredeskWidget } from './caredesk-widget.ts';

// Idempotent: a second copy of the script on the page does nothing.
if (!customElements.get('caredesk-widget')) {
  customElements.define('caredesk-widget', CaredeskWidget);
  const script = document.currentScript as HTMLScriptElement | null;
  const siteKey = script?.dataset.siteKey;
  if (siteKey && !document.querySelector('caredesk-widget')) {
    const widget = document.createElement('caredesk-widget');
    widget.setAttribute('site-key', siteKey);
    document.body.append(widget);
  }
}

export { CaredeskWidget };
