import { css } from 'lit';

export const monitoringStyles = css`
  .monitoring { display: flex; flex-direction: column; gap: 12px; }
  .toolbar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
  .toolbar input[type='checkbox'] { min-width: 0; }
  .board-scroll { overflow: auto; max-width: 100%; max-height: max(360px, calc(100vh - 260px)); border: 1px solid #c9ced6; border-radius: 6px; }
  .board { table-layout: fixed; min-width: 1312px; }
  .c-name { width: 200px; } .c-site { width: 120px; } .c-state { width: 110px; } .c-ms { width: 100px; }
  .c-chart { width: 112px; } .c-uptime { width: 260px; } .c-expiry { width: 150px; } .c-actions { width: 260px; }
  .board thead th { position: sticky; top: 0; z-index: 1; background: #fff; box-shadow: inset 0 -1px 0 #c9ced6; }
  .board tbody td, .board tbody th { height: 40px; padding-top: 0; padding-bottom: 0; vertical-align: middle; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .board tr.pad td { padding: 0; border: 0; height: auto; }
  .incidents { list-style: none; padding: 0; display: grid; gap: 6px; }
  .incidents li { border: 1px solid #c9ced6; border-left: 4px solid #a01818; border-radius: 6px; padding: 6px 10px; }
  .incidents li[data-state='DEGRADED'] { border-left-color: #7a4b00; }
  .board th[scope='row'] { text-align: left; font-weight: 600; }
  .state { display: inline-block; border-radius: 10px; padding: 1px 8px; font-weight: 600; background: #e7f5ec; color: #11632f; }
  .state[data-state='DOWN'] { background: #fde8e8; color: #a01818; }
  .state[data-state='DEGRADED'] { background: #fff3d6; color: #7a4b00; }
  .state[data-state='PAUSED'], .state[data-state='PENDING'], .state[data-state='UNKNOWN'], .state[data-state='NOT_SUPPORTED'] {
    background: #eceff3; color: #3c434d;
  }
  .incident { font-size: 13px; margin-top: 4px; }
  .evidence { font-family: ui-monospace, monospace; font-size: 12px; overflow-wrap: anywhere; }
  .spark polyline { fill: none; stroke: currentColor; stroke-width: 1.5; }
  .actions { white-space: nowrap; }
  .agents { padding-left: 18px; }
  .weekdays { display: flex; gap: 10px; flex-wrap: wrap; border: 0; padding: 0; margin: 0; }
  .monitor-form { display: grid; gap: 8px; max-width: 520px; border: 1px solid #c9ced6; border-radius: 8px; padding: 12px; }
  /* On a phone the forms shrink to the screen: a select is otherwise as wide as its longest option. */
  :host { display: block; min-width: 0; }
  .monitor-form > *, .monitor-form label > * { min-width: 0; max-width: 100%; }
`;
