export * from './billing/index.ts';
export * from './error-codes.ts';
export * from './file-type.ts';
export * from './mail/index.ts';
export * from './rate-limit.ts';
export * from './staff-role.ts';
export * from './studio-defaults.ts';
export * from './submit-replay.ts';
export * from './ticket-lifecycle.ts';
export * from './ticket-move.ts';
export * from './ticket-status.ts';
export {
  contrastWithWhite,
  embedSnippet,
  launcherTextMaxLength,
  lookProblem,
  type WidgetLook,
  widgetLookOf,
} from './widget-look.ts';
