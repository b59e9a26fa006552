/** A GraphQL multipart request (files at the given variable paths), with its length declared as browsers do. */
export async function multipartRequest(
  url: string,
  operation: { query: string; variables: Record<string, unknown> },
  files: { path: string; name: string; bytes: Uint8Array; type?: string }[],
  headers: Record<string, string> = {},
): Promise<Request> {
  const form = new FormData();
  form.append('operations', JSON.stringify(operation));
  form.append('map', JSON.stringify(Object.fromEntries(files.map((file, i) => [String(i), [file.path]]))));
  files.forEach((file, i) => {
    form.append(
      String(i),
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  });
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  return new Request(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': encoded.headers.get('content-type') ?? '',
      'content-length': String(body.byteLength),
      'graphql-require-preflight': '1',
      ...headers,
    },
  });
}

/** Small but real files of each kind, by their first bytes. */
export const sampleFiles = {
  png: () =>
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]),
  pdf: () => new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
  html: () => new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>'),
  svg: () => new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
  sized: (bytes: number) => {
    const file = new Uint8Array(bytes);
    file.set(new TextEncoder().encode('%PDF-1.4\n'));
    return file;
  },
};
