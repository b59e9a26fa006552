/** Words of the queue: filters, saved views. */
export const en = {} as const;

export const ru: Record<keyof typeof en, string> = {};
