import { css } from 'lit';

/** The queue's own styles: the scrolling table of one-line rows, the filters, the saved views. */
export const queueStyles = css`
  .scroller { max-height: max(320px, calc(100vh - 220px)); overflow: auto; border: 1px solid var(--line); border-radius: 6px; }
  .scroller table { table-layout: fixed; }
  .scroller thead th { position: sticky; top: 0; z-index: 1; background: #fff; box-shadow: inset 0 -1px 0 var(--line); }
  /* One line a row, so every row has the height the window counts with. */
  .scroller td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; height: 36px; padding-top: 0; padding-bottom: 0; vertical-align: middle; }
  .scroller tr.pad td { padding: 0; border: 0; height: auto; }
  .col-number { width: 78px; }
  .col-subject { width: 32%; }
  .col-sla { width: 84px; }
  .count { margin-left: auto; }
  .views { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; margin-bottom: 8px; }
  .views .view { display: inline-flex; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
  .views .view button { border: 0; border-radius: 0; }
  .views .view button + button { border-left: 1px solid var(--line); padding: 5px 8px; }
  .views form { display: inline-flex; gap: 6px; align-items: center; }
  .views input { min-width: 180px; }
  details.pick { position: relative; }
  details.pick summary { list-style: none; border: 1px solid var(--line); border-radius: 6px; padding: 5px 10px; cursor: pointer; background: #fff; }
  details.pick summary::-webkit-details-marker { display: none; }
  details.pick[open] summary, details.pick.on summary { border-color: var(--accent); font-weight: 600; }
  details.pick fieldset { position: absolute; z-index: 2; top: calc(100% + 4px); left: 0; margin: 0; min-width: 200px; background: #fff;
    border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; box-shadow: 0 6px 18px rgb(0 0 0 / 12%); display: flex; flex-direction: column; gap: 4px; }
  details.pick:not([open]) fieldset { display: none; }
  details.pick label { font-weight: normal; }
  /* On a phone the choices open below their button, in the page's flow, not off its edge. */
  @media (max-width: 600px) { details.pick fieldset { position: static; margin-top: 4px; box-shadow: none; } }
  .hint { color: #5b6473; }
  /* Who else has the ticket open: a small pill before the title. */
  .here { display: inline-block; margin-right: 6px; padding: 0 6px; border-radius: 9px; font-size: 12px; line-height: 18px;
    background: #e6f0ff; color: #1f4f99; }
  .here.typing { background: #fff2d6; color: #7a4b00; }
`;
