import { html, nothing, type TemplateResult } from 'lit';

/**
 * A small, safe Markdown: paragraphs, line breaks, `#` headings, `-`/`1.` lists, fenced code,
 * `inline code`, **bold**, *italic* and [links](https://…). It builds Lit templates, never HTML
 * strings, so nothing a client wrote can become markup; links other than http(s) and mailto
 * stay text.
 */
export function markdown(source: string): TemplateResult {
  const blocks: TemplateResult[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.startsWith('```')) {
      const code: string[] = [];
      i += 1;
      while (i < lines.length && !(lines[i] ?? '').startsWith('```')) code.push(lines[i++] ?? '');
      i += 1;
      blocks.push(html`<pre><code>${code.join('\n')}</code></pre>`);
    } else if (/^#{1,3} /.test(line)) {
      blocks.push(html`<p class="md-heading"><strong>${inline(line.replace(/^#+ /, ''))}</strong></p>`);
      i += 1;
    } else if (/^\s*([-*]|\d+\.) /.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length && /^\s*([-*]|\d+\.) /.test(lines[i] ?? ''))
        items.push((lines[i++] ?? '').replace(/^\s*([-*]|\d+\.) /, ''));
      const list = items.map((item) => html`<li>${inline(item)}</li>`);
      blocks.push(ordered ? html`<ol>${list}</ol>` : html`<ul>${list}</ul>`);
    } else if (line.trim() === '') {
      i += 1;
    } else {
      const paragraph: string[] = [];
      while (
        i < lines.length &&
        (lines[i] ?? '').trim() !== '' &&
        !/^(```|#{1,3} |\s*([-*]|\d+\.) )/.test(lines[i] ?? '')
      )
        paragraph.push(lines[i++] ?? '');
      blocks.push(html`<p>${paragraph.map((p, n) => html`${n ? html`<br />` : nothing}${inline(p)}`)}</p>`);
    }
  }
  return html`${blocks}`;
}

const token = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*)|(\[[^\]]+\]\([^)\s]+\))/;

/** The inline marks of one line. */
export function inline(text: string): (TemplateResult | string)[] {
  const out: (TemplateResult | string)[] = [];
  let rest = text;
  while (rest) {
    const match = token.exec(rest);
    if (!match) {
      out.push(rest);
      break;
    }
    if (match.index) out.push(rest.slice(0, match.index));
    const [all] = match;
    if (all.startsWith('`')) out.push(html`<code>${all.slice(1, -1)}</code>`);
    else if (all.startsWith('**')) out.push(html`<strong>${all.slice(2, -2)}</strong>`);
    else if (all.startsWith('*')) out.push(html`<em>${all.slice(1, -1)}</em>`);
    else {
      const [, label = '', href = ''] = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(all) ?? [];
      out.push(
        /^(https?:|mailto:)/i.test(href)
          ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${label}</a>`
          : all,
      );
    }
    rest = rest.slice(match.index + all.length);
  }
  return out;
}
