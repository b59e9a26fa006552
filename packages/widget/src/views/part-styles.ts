import { html } from 'lit';

// The styles of the list and the thread travel with their (lazy) part.
export const partStyles = html`<style>
  .tickets, .thread { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
  .tickets button { width: 100%; text-align: left; display: flex; justify-content: space-between; gap: 8px; }
  .badge { border-radius: 10px; padding: 1px 8px; font-size: 12px; background: var(--cd-bg); border: 1px solid var(--cd-line); white-space: nowrap; }
  .thread li { border-radius: 8px; padding: 6px 8px; background: var(--cd-soft); }
  .thread .text { white-space: pre-wrap; }
  .thread .who { display: flex; align-items: center; gap: 6px; }
  .avatar { display: inline-grid; place-items: center; width: 24px; height: 24px; border-radius: 50%; background: var(--cd-accent); color: #fff; font-size: 11px; font-weight: 600; }
  .thread li.change { background: none; color: var(--cd-muted); font-size: 12px; text-align: center; }
  .thread li.mine { margin-left: 24px; }
  .thread li.staff { margin-right: 24px; border: 1px solid var(--cd-line); }
  .rating fieldset { border: 0; margin: 0; padding: 0; }
  .rating legend { font-weight: 600; margin-bottom: 4px; }
  .rating .scores { display: flex; gap: 6px; }
  .rating .scores label { position: relative; border: 1px solid var(--cd-line); border-radius: 8px; padding: 4px 10px; cursor: pointer; }
  .rating .scores label:has(input:checked) { background: var(--cd-accent); color: #fff; border-color: transparent; }
  .rating .scores label:has(input:focus-visible) { outline: 3px solid var(--cd-accent); outline-offset: 2px; }
  img.preview { max-width: 100%; border: 1px solid var(--cd-line); border-radius: 6px; }
</style>`;
