import type { Plugin } from 'graphql-yoga';

// Room for the multipart framing and the operation itself beside the files.
const envelopeBytes = 64 * 1024;
const maxOperationBytes = 1024 * 1024;

/**
 * Refuses an upload before reading it when its declared size is over the limit, or when it
 * declares none (a body of unknown length could be endless). Files are checked one by one
 * again after parsing.
 */
export function useUploadLimit(maxRequestBytes: number): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== 'POST') return;
      const declared = request.headers.get('content-length');
      const refuse = (status: number, message: string, code: string) =>
        endResponse(Response.json({ errors: [{ message, extensions: { code } }] }, { status }));
      if (!request.headers.get('content-type')?.includes('multipart/form-data')) {
        // Operations themselves are small: a megabyte is plenty.
        if (declared !== null && Number(declared) > maxOperationBytes) {
          return refuse(
            413,
            'The request is larger than allowed. / Запрос больше допустимого размера.',
            'REQUEST_TOO_LARGE',
          );
        }
        return;
      }
      if (declared === null)
        return refuse(411, 'Uploads must declare their length. / Укажите размер загрузки.', 'LENGTH_REQUIRED');
      if (Number(declared) > maxRequestBytes + envelopeBytes) {
        return refuse(
          413,
          'The upload is larger than allowed. / Загрузка больше допустимого размера.',
          'UPLOAD_TOO_LARGE',
        );
      }
    },
  };
}
