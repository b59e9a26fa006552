import { html, nothing } from 'lit';
import type { CaredeskWidget } from '../caredesk-widget.ts';
import { annotateFile, takeScreenshot } from '../screenshot-link.ts';

// Thumbnails of the chosen images, one object URL per file while it is chosen.
const previews = new WeakMap<File, string>();
const previewOf = (file: File) => {
  let url = previews.get(file);
  if (!url) {
    url = URL.createObjectURL(file);
    previews.set(file, url);
  }
  return url;
};
const forget = (file: File) => {
  const url = previews.get(file);
  if (url) URL.revokeObjectURL(url);
  previews.delete(file);
};

/** File pick, drop and paste (always there), the screenshot button and the chosen files. */
export function filesView(w: CaredeskWidget) {
  const t = w.t;
  const drop = (e: DragEvent) => {
    e.preventDefault();
    w.dragOver = false;
    w.addFiles([...(e.dataTransfer?.files ?? [])]);
  };
  return html`<div
    class="drop ${w.dragOver ? 'over' : ''}"
    @dragover=${(e: DragEvent) => {
      e.preventDefault();
      w.dragOver = true;
    }}
    @dragleave=${() => {
      w.dragOver = false;
    }}
    @drop=${drop}
  >
    <div class="row">
      <button type="button" @click=${() => void takeScreenshot(w)} ?disabled=${w.busy}>${t('screenshot')}</button>
      <input type="file" multiple hidden @change=${(e: Event) => {
        const target = e.target as HTMLInputElement;
        w.addFiles([...(target.files ?? [])]);
        target.value = '';
      }} />
      <button type="button" @click=${(e: Event) => ((e.currentTarget as HTMLElement).previousElementSibling as HTMLInputElement).click()}>
        ${t('attach')}</button>
    </div>
    <p class="muted" style="margin:6px 0 0">${t('dropHere')}</p>
    ${
      w.files.length
        ? html`<ul class="files" aria-label=${t('files')}>
          ${w.files.map(
            (file) => html`<li>
              ${file.type.startsWith('image/') ? html`<img class="thumb" part="thumbnail" src=${previewOf(file)} alt="" />` : nothing}
              <span style="flex:1">${file.name} (${Math.ceil(file.size / 1024)} KB)</span>
              ${file.type.startsWith('image/') ? html`<button type="button" class="x" @click=${() => void annotateFile(w, file)}>${t('annotate')}</button>` : nothing}
              <button type="button" class="x" aria-label=${`${t('remove')}: ${file.name}`}
                @click=${() => {
                  w.files = w.files.filter((f) => f !== file);
                  forget(file);
                }}>✕</button>
            </li>`,
          )}
        </ul>`
        : nothing
    }
  </div>`;
}
