import { type Body, type Caller, headers, unreachable, unwrap, WidgetError } from './graphql.ts';

/**
 * Runs one operation as a GraphQL multipart request (files at `variables.input[filesKey]`)
 * through XHR, which reports upload progress.
 */
export function gqlUpload<T>(
  caller: Caller,
  field: string,
  query: string,
  variables: { input: Record<string, unknown> },
  filesKey: string,
  files: File[],
  onProgress: (percent: number) => void,
): Promise<T> {
  const form = new FormData();
  const input = { ...variables.input, [filesKey]: files.map(() => null) };
  form.append('operations', JSON.stringify({ query, variables: { ...variables, input } }));
  form.append(
    'map',
    JSON.stringify(Object.fromEntries(files.map((_, i) => [i, [`variables.input.${filesKey}.${i}`]]))),
  );
  for (const [i, file] of files.entries()) form.append(String(i), file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${caller.server}/graphql`);
    for (const [name, value] of Object.entries(headers(caller))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => void unreachable(caller).then(reject);
    xhr.onload = () => {
      if (xhr.status >= 500 || xhr.status === 0) return reject(new WidgetError('NETWORK', ''));
      try {
        resolve(unwrap<T>(JSON.parse(xhr.responseText) as Body, field));
      } catch (error) {
        reject(error instanceof WidgetError ? error : new WidgetError('ERROR', xhr.statusText));
      }
    };
    xhr.send(form);
  });
}
