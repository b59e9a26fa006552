import { defaultUploadLimits } from '../services/attachment-storage.ts';

/**
 * How many items a list argument or list input field takes: a number, or `UPLOAD_MAX_FILES`
 * for lists of uploaded files (the setting of that name, read from the request's context).
 */
export type MaxItems = number | 'UPLOAD_MAX_FILES';

/** The extension key the guard reads on arguments and input fields (see `guardListBounds`). */
export const maxItemsKey = 'maxItems';

/**
 * Field options that bound a list, spread into an argument or input field where it is declared:
 * `ids: t.arg.idList({ required: true, ...atMost(100, 'The ids.') })`. The bound goes into the
 * schema's extensions, which `guardListBounds` enforces, and into the description, which API
 * users read ("The ids. At most 100.").
 */
export function atMost(maxItems: number, description?: string) {
  return bounded(maxItems, description, `At most ${maxItems}.`);
}

/** Like `atMost`, for lists of uploaded files: the UPLOAD_MAX_FILES setting is their bound. */
export function atMostUploadFiles(description?: string) {
  const bound = `At most UPLOAD_MAX_FILES (${defaultUploadLimits.maxFiles} by default).`;
  return bounded('UPLOAD_MAX_FILES', description, bound);
}

function bounded(maxItems: MaxItems, description: string | undefined, bound: string) {
  return {
    description: description ? `${description} ${bound}` : bound,
    extensions: { [maxItemsKey]: maxItems },
  };
}

/** The bound declared on an argument or input field, if any. */
export function declaredMaxItems(extensions: Readonly<Record<string, unknown>> | null | undefined): MaxItems | null {
  const value = extensions?.[maxItemsKey];
  return typeof value === 'number' || value === 'UPLOAD_MAX_FILES' ? value : null;
}
