import { css } from 'lit';

export const styles = css`
  :host { display: block; font: 14px/1.45 system-ui, sans-serif; color: #1d2330; --accent: #2155d6; --line: #d6dbe4; --soft: #f3f5f9; }
  * { box-sizing: border-box; }
  header { display: flex; gap: 12px; align-items: center; padding: 8px 16px; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
  header h1 { font-size: 16px; margin: 0; }
  header nav { display: flex; gap: 4px 12px; margin-right: auto; flex-wrap: wrap; min-width: 0; }
  header nav a { color: var(--accent); text-decoration: none; padding: 4px 2px; }
  header nav a[aria-current='page'] { font-weight: 700; border-bottom: 2px solid var(--accent); }
  pre.template { white-space: pre-wrap; font: inherit; background: var(--soft); padding: 6px 8px; border-radius: 6px; margin: 4px 0; }
  main { padding: 12px 16px; }
  button, input, select, textarea { font: inherit; }
  button { border: 1px solid var(--line); background: #fff; border-radius: 6px; padding: 5px 10px; cursor: pointer; }
  button.primary { background: var(--accent); color: #fff; border-color: transparent; }
  button[aria-pressed='true'] { border-color: var(--accent); font-weight: 600; }
  :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  label { display: flex; flex-direction: column; gap: 4px; font-weight: 600; }
  label.inline { flex-direction: row; align-items: center; }
  input, textarea, select { border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; font-weight: normal; }
  textarea { min-height: 90px; }
  .sign-in { max-width: 340px; margin: 48px auto; display: flex; flex-direction: column; gap: 12px; }
  .error { color: #a4161a; }
  .toolbar { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin-bottom: 8px; }
  .toolbar input { min-width: 220px; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
  tbody tr { cursor: pointer; }
  tbody tr[aria-selected='true'] { background: #e8efff; }
  tbody tr.changed { animation: flash 2s ease-out; }
  @keyframes flash { from { background: #fff3bf; } }
  @media (prefers-reduced-motion: reduce) { tbody tr.changed { animation: none; outline: 2px solid #f0c000; } }
  .flag { display: inline-block; border-radius: 10px; padding: 0 6px; margin: 1px; font-size: 12px; background: var(--soft); border: 1px solid var(--line); }
  .sla-overdue { color: #a4161a; font-weight: 700; }
  .sla-soon { color: #8a5a00; font-weight: 600; }
  .muted { color: #5b6473; }
  .thread { list-style: none; margin: 12px 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
  .thread li { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; background: #fff; }
  .thread li.client { background: var(--soft); }
  .thread li.note { background: #fff8db; border: 1px dashed #c99a00; }
  .thread li.change { border: 0; background: none; color: #5b6473; font-size: 12px; text-align: center; padding: 0; }
  .thread .body { white-space: pre-wrap; }
  .row { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
  .composer { display: flex; flex-direction: column; gap: 8px; margin-top: 12px; }
  .warning { background: #fff3bf; border: 1px solid #f0c000; padding: 6px 8px; border-radius: 6px; }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .desk { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 16px; align-items: start; }
  .aside { display: flex; flex-direction: column; gap: 12px; }
  .card { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; background: #fff; }
  h3 { font-size: 15px; margin: 0 0 6px; }
  h4 { font-size: 14px; margin: 8px 0 4px; }
  dl { margin: 0; display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 10px; }
  dt { color: #5b6473; }
  dd { margin: 0; overflow-wrap: anywhere; }
  .plain { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
  .row.plain { flex-direction: row; }
  .problems code { color: #a4161a; white-space: pre-wrap; }
  .spacer { flex: 1; }
  button.small { font-size: 12px; padding: 2px 8px; }
  .flag.warn { background: #fff3bf; border-color: #f0c000; }
  .clock { white-space: nowrap; }
  .fields { margin-bottom: 8px; }
  .thumb { padding: 0; border: 1px solid var(--line); background: #fff; display: block; margin: 4px 0; }
  .thumb img { display: block; max-width: 240px; max-height: 180px; }
  .file { border: 1px solid var(--line); border-radius: 6px; padding: 4px; display: flex; align-items: center; gap: 4px; }
  .file img { width: 48px; height: 48px; object-fit: cover; }
  .preview { border: 1px dashed var(--line); border-radius: 6px; padding: 6px 8px; min-height: 90px; }
  .preview.note { background: #fff8db; }
  .evidence { white-space: pre-wrap; margin: 0; font-size: 13px; background: var(--soft); padding: 6px; }
  .secret { background: #fff3bf; padding: 2px 6px; border-radius: 4px; user-select: all; }
  .hint { margin: 0; font-size: 12px; }
  textarea.note { background: #fff8db; }
  .body p { margin: 0 0 6px; }
  .thread .body { white-space: normal; }
  dialog { border: 1px solid var(--line); border-radius: 10px; max-width: min(640px, 96vw); width: 100%; }
  dialog::backdrop { background: rgb(0 0 0 / 45%); }
  dialog.viewer { max-width: 96vw; width: auto; background: #e9ecf1; }
  dialog.viewer img { display: block; max-width: 92vw; max-height: 80vh; margin-top: 8px; background: #fff; }
  .file-pick { flex-wrap: wrap; max-width: 100%; }
  .file-pick input { font-weight: normal; max-width: 100%; min-width: 0; }
  @media (max-width: 900px) { .desk { grid-template-columns: minmax(0, 1fr); } }
  @media (max-width: 700px) {
    .wide { display: none; }
    th, td { padding: 6px 4px; }
  }
`;
