import { escapeHtml } from './escape-html.ts';

/** A client's site as a studio would have it, with the one script tag of the widget. */
export function demoPage(options: { publicUrl: string; siteKey: string | null }): string {
  const tag = options.siteKey
    ? `<script src="${options.publicUrl}/widget.js" data-site-key="${options.siteKey}" async></script>`
    : '<!-- no demo site yet: run `pnpm caredesk seed --demo` -->';
  return `<!doctype html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Цветочная лавка — demo client site · caredesk</title>
  <style>body{font:16px/1.5 system-ui,sans-serif;max-width:720px;margin:40px auto;padding:0 16px;color:#222}code{background:#f2f2f2;padding:2px 4px}</style>
</head>
<body>
  <h1>Цветочная лавка</h1>
  <p>This is a demo client site. The support widget in the corner is added with one line:</p>
  <p><code>${escapeHtml(tag)}</code></p>
  <p>Это демонстрационный сайт клиента. Виджет поддержки в углу подключён одной строкой (см. выше).</p>
  <p><button type="button" onclick="checkout()">Оформить заказ</button> — fails on purpose: open «Поддержка»
    and the report already holds the console error and the failed request.</p>
  <script>function checkout() { fetch('/api/checkout', { method: 'POST' }); cart.total.toFixed(2); }</script>
  ${tag}
</body>
</html>`;
}

/**
 * The address the demo page names in its script tag: the one it was opened at when that is one
 * of this machine's loopback names for the public address, else the public address.
 */
export function demoAddress(request: Request, publicUrl: string): string {
  const opened = new URL(request.url).origin;
  const loopback = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;
  const configured = new URL(publicUrl);
  const samePort = new URL(opened).port === configured.port;
  return loopback.test(opened) && loopback.test(configured.origin) && samePort ? opened : publicUrl;
}
