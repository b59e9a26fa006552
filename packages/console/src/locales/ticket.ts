/** Words of the ticket view: side panel, time, secrets, composer. */
export const en = {} as const;

export const ru: Record<keyof typeof en, string> = {};
