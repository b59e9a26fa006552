import { html, nothing } from 'lit';
import type { CaredeskWidget } from '../caredesk-widget.ts';
import type { StringKey } from '../i18n.ts';
import { movesToOffer } from '../moves.ts';
import type { Ticket } from '../queries.ts';
import { act } from '../ticket-actions.ts';
import { filesView } from './files-view.ts';
import { partStyles } from './part-styles.ts';
import { ratingView } from './rating-view.ts';

type Entry = { at: string; view: unknown };

/** "Ольга Первая" → "ОП": the avatar of a staff member (studios rarely upload photos). */
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');

/** One ticket: its conversation, files and moves in time order, and what the client may do. */
export function threadView(w: CaredeskWidget) {
  const ticket = w.current as Ticket;
  const t = w.t;
  const status = (s: string) => t(`s_${s}` as StringKey);
  const time = (at: string) => new Date(at).toLocaleString(w.activeLocale);
  const entries: Entry[] = [
    ...ticket.messages.map((m) => ({
      at: m.createdAt,
      view: html`<li class=${m.authorKind === 'STAFF' ? 'staff' : 'mine'}>
<div class="muted who">${m.authorKind === 'STAFF' ? html`<span class="avatar" part="avatar" aria-hidden="true">${initials(m.authorName ?? t('support'))}</span>${m.authorName ?? t('support')}` : t('you')} · ${time(m.createdAt)}</div><div class="text">${m.body.replace(/\s*\[\[article:[^\]]+\]\]/g, '')}</div>${
        m.citedArticles?.length
          ? html`<div class="row">${m.citedArticles.map((a) => html`<a href=${a.url} target="_blank" rel="noopener">${a.title}</a>`)}</div>`
          : nothing
      }</li>`,
    })),
    ...ticket.history
      .filter((h) => h.fromStatus)
      .map((h) => ({
        at: h.createdAt,
        view: html`<li class="change">${t('history', { from: status(h.fromStatus ?? ''), to: status(h.toStatus) })}${h.reason ? ` — ${h.reason}` : ''}</li>`,
      })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const moves = movesToOffer(ticket.status, ticket.allowedMoves ?? []);
  const canWrite = moves.includes('reply') || moves.includes('corrections');
  return html`${partStyles}
    <div class="row"><button @click=${() => void w.showList()}>← ${t('back')}</button></div>
    <h3 style="margin:0" tabindex="-1">${ticket.displayNumber} ${ticket.title} <span class="badge" data-status=${ticket.status}>${status(ticket.status)}</span></h3>
    ${ticket.messages.some((m) => m.body === ticket.description) ? nothing : html`<p style="margin:0;white-space:pre-wrap">${ticket.description}</p>`}
    ${
      ticket.attachments.length
        ? html`<ul class="files" aria-label=${t('files')}>${ticket.attachments.map(
            (a) =>
              html`<li>${a.contentType.startsWith('image/') ? html`<a href=${a.url} target="_blank" rel="noopener"><img class="preview" src=${a.url} alt=${a.fileName} /></a>` : html`<a href=${a.url} target="_blank" rel="noopener">${a.fileName}</a>`}</li>`,
          )}</ul>`
        : nothing
    }
    <ol class="thread" aria-live="polite">${entries.map((e) => e.view)}</ol>
    ${
      canWrite
        ? html`<label>${t('replyLabel')}<textarea name="reply" @paste=${(e: ClipboardEvent) => w.addFiles([...(e.clipboardData?.files ?? [])])}></textarea></label>
          ${filesView(w)}
          ${w.progress !== null ? html`<div class="muted" role="status"><progress max="100" .value=${w.progress}></progress> ${t('uploading', { p: w.progress })}</div>` : nothing}`
        : nothing
    }
    ${ratingView(w, ticket)}
    <div class="row">
      ${moves.map((move) => html`<button class=${move === 'withdraw' ? '' : 'primary'} ?disabled=${w.busy} @click=${() => void act(w, move)}>${t(move === 'reply' ? 'reply' : move)}</button>`)}
    </div>
  `;
}
