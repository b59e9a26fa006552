declare const __CAREDESK_VERSION__: string;

/** The widget's version, from its package.json at build time; sent with every report. */
export const version: string = typeof __CAREDESK_VERSION__ === 'string' ? __CAREDESK_VERSION__ : 'dev';
