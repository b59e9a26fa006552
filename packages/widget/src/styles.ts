import { css } from 'lit';

// The panel's styles; the host's (isolation from the page, theme, position) and the
// launcher's are drawn by the loader (launcher.ts).
export const styles = css`
  .root { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--cd-fg); text-align: left; }
  * { box-sizing: border-box; }
  button, input, textarea, select { font: inherit; color: inherit; }
  button { cursor: pointer; border-radius: 8px; border: 1px solid var(--cd-line); background: var(--cd-soft); padding: 7px 12px; }
  button.primary { background: var(--cd-accent); color: #fff; border-color: transparent; }
  button:disabled { opacity: 0.6; cursor: default; }
  :focus-visible { outline: 3px solid var(--cd-accent); outline-offset: 2px; }
  .panel {
    position: absolute; bottom: 0; right: 0; width: 380px; max-height: min(640px, calc(100vh - 40px));
    display: flex; flex-direction: column; background: var(--cd-bg); border: 1px solid var(--cd-line);
    border-radius: 12px; box-shadow: 0 8px 30px rgb(0 0 0 / 0.3); overflow: hidden;
    animation: rise 0.16s ease-out;
  }
  :host([position='bottom-left']) .panel { right: auto; left: 0; }
  @keyframes rise { from { transform: translateY(8px); opacity: 0; } }
  @media (prefers-reduced-motion: reduce) { .panel { animation: none; } }
  @media (max-width: 480px) {
    .panel { position: fixed; inset: 0; width: auto; max-height: none; border-radius: 0; }
  }
  header { display: flex; align-items: center; gap: 8px; padding: 10px 12px; border-bottom: 1px solid var(--cd-line); }
  header h2 { flex: 1; margin: 0; font-size: 16px; }
  nav { display: flex; gap: 6px; padding: 8px 12px; background: var(--cd-bg); border-bottom: 1px solid var(--cd-line); }
  nav button[aria-current='page'] { border-color: var(--cd-accent); font-weight: 600; }
  .body { flex: 1 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain; padding: 12px; display: flex; flex-direction: column; gap: 10px; }
  .greeting { margin: 0; padding: 8px 10px; border-radius: 8px; background: var(--cd-soft); }
  .stack { display: flex; flex-direction: column; gap: 10px; }
  label { display: flex; flex-direction: column; gap: 4px; font-weight: 600; }
  input, textarea, select { font-weight: 400; border: 1px solid var(--cd-line); border-radius: 8px; padding: 7px 9px; background: var(--cd-bg); width: 100%; }
  textarea { min-height: 84px; resize: vertical; }
  .row { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
  .muted { color: var(--cd-muted); font-size: 13px; }
  .context { border: 1px solid var(--cd-line); border-radius: 8px; padding: 8px; margin: 0; }
  .context ul, .files { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
  .context li, .files li { display: flex; gap: 6px; align-items: baseline; font-size: 13px; }
  .context li span { flex: 1; overflow-wrap: anywhere; white-space: pre-wrap; max-height: 4.5em; overflow: hidden; }
  .thumb { width: 48px; height: 36px; object-fit: cover; border-radius: 4px; border: 1px solid var(--cd-line); align-self: center; }
  .x { padding: 0 6px; border-radius: 6px; font-size: 12px; }
  .drop { border: 2px dashed var(--cd-line); border-radius: 8px; padding: 8px; }
  .drop.over { border-color: var(--cd-accent); }
  .error { color: #b3261e; font-weight: 600; }
  @media (prefers-color-scheme: dark) { .error { color: #ffb4ab; } }
  .notice { background: var(--cd-soft); border-radius: 8px; padding: 8px; }
  a { color: var(--cd-accent); }
  @media (prefers-color-scheme: dark) { a { color: #9db8ff; } }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
