import { randomBytes } from 'node:crypto';
import type { Db } from '@caredesk/schema/db';
import { escapeHtml } from './escape-html.ts';
import type { Route } from './routes.ts';

/** Inline Markdown on escaped text: code, bold, italic and http(s) links only. */
function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*]+)\*/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" rel="noopener nofollow">$1</a>');
}

/**
 * A small, safe Markdown subset for published articles: headings, paragraphs, lists and code
 * blocks; everything else is text (raw HTML is escaped, never passed through).
 */
export function renderMarkdown(markdown: string): string {
  const out: string[] = [];
  const lines = markdown.replaceAll('\r\n', '\n').split('\n');
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    if (list.length) out.push(`<ul>${list.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
    paragraph = [];
    list = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] as string).startsWith('```'); i++) code.push(lines[i] as string);
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const item = /^\s*(?:[-*]|\d+\.)\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = Math.min(4, (heading[1] as string).length + 1);
      out.push(`<h${level}>${inline(heading[2] as string)}</h${level}>`);
    } else if (item) {
      if (paragraph.length) flush();
      list.push(item[1] as string);
    } else if (!line.trim()) flush();
    else {
      if (list.length) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return out.join('\n');
}

const feedbackWords = {
  ru: { ask: 'Статья помогла?', yes: 'Да', no: 'Нет', thanks: 'Спасибо за ответ!' },
  en: { ask: 'Did this help?', yes: 'Yes', no: 'No', thanks: 'Thank you for telling us!' },
};

/** "Did this help?": two buttons that answer through recordArticleFeedback, once per page view. */
function feedbackBlock(id: string, words: (typeof feedbackWords)['ru'], nonce: string): string {
  const mutation = 'mutation ($id: ID!, $h: Boolean!) { recordArticleFeedback(id: $id, helpful: $h) { __typename } }';
  return `<aside id="feedback" aria-live="polite"><p>${words.ask}
<button type="button" data-helpful="true">${words.yes}</button>
<button type="button" data-helpful="false">${words.no}</button></p></aside>
<script nonce="${nonce}">
document.querySelectorAll('#feedback button').forEach(function (button) {
  button.addEventListener('click', function () {
    fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: ${JSON.stringify(mutation)}, variables: { id: ${JSON.stringify(id)}, h: button.dataset.helpful === 'true' } }) });
    document.getElementById('feedback').textContent = ${JSON.stringify(words.thanks)};
  });
});
</script>`;
}

/**
 * `/kb/{locale}/{slug}`: a published public article as a page, where cited links lead. Drafts,
 * organization and staff articles answer 404 here (a link carries no sign-in).
 */
export function articlePage(db: Db): Route {
  return async (request) => {
    const [, , locale, slug] = new URL(request.url).pathname.split('/');
    const article =
      locale && slug
        ? await db.article.findFirst({
            where: { locale, slug: decodeURIComponent(slug), status: 'PUBLISHED', visibility: 'PUBLIC' },
            select: { id: true, publishedTitle: true, publishedBody: true, publishedAt: true },
          })
        : null;
    if (!article) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    const title = escapeHtml(article.publishedTitle ?? '');
    const nonce = randomBytes(16).toString('base64');
    const words = locale === 'en' ? feedbackWords.en : feedbackWords.ru;
    const html = `<!doctype html>
<html lang="${locale === 'en' ? 'en' : 'ru'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font:16px/1.55 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2328}pre{background:#f6f8fa;padding:.75rem;overflow:auto}code{font-size:.9em}</style>
</head><body><article><h1>${title}</h1>
${renderMarkdown(article.publishedBody ?? '')}
</article>
${feedbackBlock(Buffer.from(`Article:${article.id}`).toString('base64'), words, nonce)}
</body></html>`;
    return new Response(html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'`,
        // The nonce is per response: shared caches must not serve it to another reader.
        'cache-control': 'private, max-age=60',
      },
    });
  };
}
